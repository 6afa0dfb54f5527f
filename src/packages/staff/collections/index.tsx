import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Button } from '@tarojs/components'
import type { CollectionRecordView } from '../../../domain/contracts/records.contract'
import { COLLECTION_WAYS, type CollectionWay } from '../../../domain/records'
import { ChoiceChips } from '../../../components/chips'
import { EmptyState } from '../../../components/empty-state'
import { FieldRow, TextAreaField, TextField } from '../../../components/field'
import { Notice } from '../../../components/notice'
import { Pager } from '../../../components/pager'
import { RemoteState } from '../../../components/remote-state'
import { RolePage } from '../../../components/role-page'
import { callFunction } from '../../../services/call-function'
import { dateText } from '../../../services/format'
import { useRemote } from '../../../services/use-remote'
import { todayText, useRecordsAction } from '../../../services/use-records-action'
import '../../../components/ui.css'

const PAGE_SIZE = 20

// 服务需求征集记录 (records.manage): needs the staff collected by visit,
// phone, forum or box; one tap makes a record a need in the workflow. The
// list prints as the 服务需求征集记录本 (staff/sheet?kind=collections).
export default function CollectionsPage() {
  return (
    <RolePage id='page-collections' roles={['staff']}>
      {(grant) => (grant.scope.communityId ? <Collections communityId={grant.scope.communityId} communityName={grant.scopeName} /> : null)}
    </RolePage>
  )
}

const blank = () => ({ date: todayText(), way: '走访' as CollectionWay, collector: '', source: '', content: '', handling: '' })

function Collections({ communityId, communityName }: { communityId: string; communityName: string }) {
  const [page, setPage] = useState(1)
  const [form, setForm] = useState(blank)
  const [editing, setEditing] = useState<string | null>(null)
  const remote = useRemote(() => callFunction('records', { action: 'collectionList', communityId, page, pageSize: PAGE_SIZE }), `${communityId}:${page}`)
  const { busy, error, run } = useRecordsAction()
  const set = (field: keyof ReturnType<typeof blank>) => (value: string) => setForm({ ...form, [field]: value })

  const save = async () => {
    const saved = await run({ action: 'collectionSave', communityId, ...(editing ? { recordId: editing } : {}), ...form }, '已保存')
    if (saved) {
      setForm(blank())
      setEditing(null)
      await remote.reload()
    }
  }

  const edit = (row: CollectionRecordView) => {
    setEditing(row.recordId)
    setForm({ date: row.date.slice(0, 10), way: row.way, collector: row.collector, source: row.source, content: row.content, handling: row.handling })
  }

  const toNeed = async (row: CollectionRecordView) => {
    const { confirm } = await Taro.showModal({ title: '转为需求', content: `将“${row.content.slice(0, 20)}”转入需求办理流程？` })
    if (confirm && (await run({ action: 'collectionToNeed', recordId: row.recordId }, '已转为需求'))) await remote.reload()
  }

  return (
    <View>
      <View className='page-head'>
        <Text className='page-head__title'>{`${communityName}服务需求征集记录`}</Text>
        <Text className='page-head__sub'>{remote.data ? `共 ${remote.data.total} 条，最新在前` : '走访、电话、座谈会、意见箱征集的需求'}</Text>
      </View>
      <View className='actions'>
        <Button className='btn' id='collections-print' onClick={() => void Taro.navigateTo({ url: '/packages/staff/sheet/index?kind=collections' })}>
          征集记录本（打印）
        </Button>
      </View>

      <View className='card' id='collections-form'>
        <Text className='card__title'>{editing ? '修改征集记录' : '登记征集记录'}</Text>
        <TextField id='collection-date' label='征集日期' required placeholder='2026-03-10' value={form.date} onChange={set('date')} />
        <FieldRow label='征集方式' required>
          <ChoiceChips id='collection-way' options={COLLECTION_WAYS} value={form.way} onChange={set('way')} />
        </FieldRow>
        <TextField id='collection-collector' label='征集人' required maxlength={20} value={form.collector} onChange={set('collector')} />
        <TextField id='collection-source' label='居民或群体' required maxlength={40} placeholder='如 王大爷、3栋居民' value={form.source} onChange={set('source')} />
        <TextAreaField id='collection-content' label='需求内容' required maxlength={500} value={form.content} onChange={set('content')} />
        <TextAreaField id='collection-handling' label='办理情况' maxlength={500} placeholder='选填' value={form.handling} onChange={set('handling')} />
        <Notice id='collections-error' tone='error' text={error} />
        <Button className='btn btn--primary btn--block' id='collection-save' disabled={busy || undefined} onClick={() => void save()}>
          保存
        </Button>
      </View>

      {remote.data === null ? (
        <RemoteState remote={remote} />
      ) : remote.data.rows.length === 0 ? (
        <EmptyState id='collections-empty' title='还没有征集记录' text='在上方登记走访、电话等方式征集到的需求。' />
      ) : (
        <View id='collections-list'>
          {remote.data.rows.map((row) => (
            <View key={row.recordId} className='card collection-row'>
              <Text className='card__title'>{`${dateText(row.date)} · ${row.way} · ${row.source}`}</Text>
              <Text className='card__text'>{row.content}</Text>
              <Text className='muted'>{`征集人：${row.collector}${row.handling ? `；办理情况：${row.handling}` : ''}`}</Text>
              <View className='btn-row'>
                <Button className='btn-mini collection-edit' onClick={() => edit(row)}>
                  修改
                </Button>
                {row.needId ? (
                  <Text className='badge badge--grey'>已转为需求</Text>
                ) : (
                  <Button className='btn-mini btn-mini--primary collection-to-need' disabled={busy || undefined} onClick={() => void toNeed(row)}>
                    转为需求
                  </Button>
                )}
              </View>
            </View>
          ))}
          <Pager idPrefix='collections' page={page} pages={Math.ceil(remote.data.total / PAGE_SIZE)} onPage={setPage} />
        </View>
      )}
    </View>
  )
}
