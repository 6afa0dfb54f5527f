import { useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import type { PairingView } from '../../../domain/contracts/records.contract'
import { EmptyState } from '../../../components/empty-state'
import { TextAreaField, TextField } from '../../../components/field'
import { KeyValue } from '../../../components/key-value'
import { Notice } from '../../../components/notice'
import { RemoteState } from '../../../components/remote-state'
import { RolePage } from '../../../components/role-page'
import { callFunction } from '../../../services/call-function'
import { dateText } from '../../../services/format'
import { useRemote } from '../../../services/use-remote'
import { todayText, useRecordsAction } from '../../../services/use-records-action'
import '../../../components/ui.css'

const STATUS = { offered: '待社区安排', active: '结对中', ended: '已结束' } as const

// 我的结对帮扶 (records.pair): the member's pairings with the residents they
// help, each visit recorded from the phone; an offer to pair, which the
// community answers with a target. A target's mobile and address show while
// paired, masked once the pairing ended.
export default function PairingsPage() {
  return (
    <RolePage id='page-pairings' roles={['member']}>
      {() => <Pairings />}
    </RolePage>
  )
}

function Pairings() {
  const remote = useRemote(() => callFunction('records', { action: 'myPairings' }), 'mine')
  const [offer, setOffer] = useState('')
  const [visit, setVisit] = useState<{ pairingId: string; date: string; content: string } | null>(null)
  const { busy, error, run } = useRecordsAction()

  const sendOffer = async () => {
    if (await run({ action: 'pairOffer', content: offer }, '已提交')) {
      setOffer('')
      await remote.reload()
    }
  }

  const saveVisit = async () => {
    if (visit && (await run({ action: 'visitAdd', ...visit }, '已记录'))) {
      setVisit(null)
      await remote.reload()
    }
  }

  const pairings = remote.data ?? []
  const open = pairings.some((p) => p.status === 'offered')
  return (
    <View>
      <View className='page-head'>
        <Text className='page-head__title'>我的结对帮扶</Text>
        <Text className='page-head__sub'>每次走访帮扶后，在这里记一笔</Text>
      </View>
      <Notice id='pairings-error' tone='error' text={error} />
      {remote.data === null ? (
        <RemoteState remote={remote} />
      ) : pairings.length === 0 ? (
        <EmptyState id='pairings-empty' title='还没有结对' text='可以在下方申请结对，社区会为您安排帮扶对象。' />
      ) : (
        <View id='pairings-list'>
          {pairings.map((p: PairingView) => (
            <View key={p.pairingId} className='card pairing-row' id={`pairing-${p.pairingId}`}>
              <Text className='card__title'>{p.target ? `${p.target.name} · ${p.target.categories.join('、')}` : '等待社区安排帮扶对象'}</Text>
              <KeyValue label='状态'>{STATUS[p.status]}</KeyValue>
              {p.target ? (
                <>
                  <KeyValue label='住址'>{p.target.address}</KeyValue>
                  <KeyValue label='联系电话'>{p.target.mobile}</KeyValue>
                </>
              ) : null}
              <KeyValue label='帮扶内容'>{p.content}</KeyValue>
              {p.startedAt ? <KeyValue label='结对时间'>{dateText(p.startedAt)}</KeyValue> : null}
              {p.endedAt ? <KeyValue label='结束时间'>{`${dateText(p.endedAt)} ${p.endReason ?? ''}`}</KeyValue> : null}
              {p.visits.map((v) => (
                <Text key={v.visitId} className='card__text pairing-visit'>{`${dateText(v.date)}：${v.content}`}</Text>
              ))}
              {p.status !== 'active' ? null : visit?.pairingId === p.pairingId ? (
                <View className='visit-form'>
                  <TextField id='visit-date' label='走访日期' required value={visit.date} onChange={(date) => setVisit({ ...visit, date })} />
                  <TextAreaField id='visit-content' label='帮扶情况' required maxlength={300} value={visit.content} onChange={(content) => setVisit({ ...visit, content })} />
                  <View className='btn-row'>
                    <Button className='btn-mini btn-mini--primary' id='visit-save' disabled={busy || undefined} onClick={() => void saveVisit()}>
                      保存
                    </Button>
                    <Button className='btn-mini btn-mini--grey' onClick={() => setVisit(null)}>
                      取消
                    </Button>
                  </View>
                </View>
              ) : (
                <Button className='btn-mini btn-mini--primary visit-add' onClick={() => setVisit({ pairingId: p.pairingId, date: todayText(), content: '' })}>
                  记录走访
                </Button>
              )}
            </View>
          ))}
        </View>
      )}
      {open ? null : (
        <View className='card' id='offer-form'>
          <Text className='card__title'>申请结对帮扶</Text>
          <TextAreaField id='offer-content' label='我能提供的帮扶' required maxlength={300} placeholder='如 每月上门探望一次、辅导功课' value={offer} onChange={setOffer} />
          <Button className='btn btn--primary btn--block' id='offer-submit' disabled={busy || undefined} onClick={() => void sendOffer()}>
            提交申请
          </Button>
        </View>
      )}
    </View>
  )
}
