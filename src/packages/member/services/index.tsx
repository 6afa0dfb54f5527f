import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Button } from '@tarojs/components'
import type { EntryView } from '../../../domain/contracts/services.contract'
import { inChina } from '../../../domain/china-time'
import type { Quarter } from '../../../domain/quarter'
import { handedInThroughLabel, newRequestId, SERVICE_KIND_LABELS, SERVICE_KINDS, type ServiceKindName } from '../../../domain/service-entry-rules'
import { Chip, ChoiceChips } from '../../../components/chips'
import { EmptyState } from '../../../components/empty-state'
import { FieldRow, TextAreaField, TextField } from '../../../components/field'
import { Notice } from '../../../components/notice'
import { PhotoPicker } from '../../../components/photo-picker'
import { RemoteState } from '../../../components/remote-state'
import { RolePage } from '../../../components/role-page'
import { ServiceEntryRow } from '../../../components/service-entry-row'
import { callFunction } from '../../../services/call-function'
import { serviceSheetUrl } from '../../../services/service-sheet-url'
import type { PickedFile } from '../../../services/picked-file'
import { uploadFile } from '../../../services/upload-file'
import { useRemote } from '../../../services/use-remote'
import { todayText } from '../../../services/use-records-action'
import { useServicesAction } from '../../../services/use-services-action'
import '../../../components/ui.css'

// 我的服务清单 (service.log): the member's services by quarter or year, the
// activities, needs and visits the system knows already filled in, totals,
// a form to add or fix a line, and the printable 服务清单.
export default function MyServicesPage() {
  return (
    <RolePage id='page-services' roles={['member']}>
      {() => <MyServices />}
    </RolePage>
  )
}

const QUARTERS: Quarter[] = [1, 2, 3, 4]
/** （已上交）, or for a fourth quarter handed in early （已上交至12月5日）: later days are still written. */
const quarterNote = (state: string | null, through: string | null) => (!state || state === 'returned' ? '' : through ? `（${handedInThroughLabel(through)}）` : '（已上交）')
const blank = () => ({ date: todayText(), place: '', content: '', kind: 'own' as ServiceKindName, hours: '1', photoFileId: null as string | null })

function MyServices() {
  const now = inChina(new Date())
  const [year] = useState(now.year())
  const [quarter, setQuarter] = useState<Quarter | null>((Math.floor(now.month() / 3) + 1) as Quarter)
  const [form, setForm] = useState(blank)
  const [editing, setEditing] = useState<string | null>(null)
  // One id per form: a double tap or a retry of the same save writes one entry.
  const [requestId, setRequestId] = useState(() => newRequestId())
  const [uploading, setUploading] = useState(false)
  const remote = useRemote(() => callFunction('services', { action: 'mine', year, quarter }), `${year}:${quarter}`)
  const { busy, error, setError, run } = useServicesAction()
  const set = (field: 'date' | 'place' | 'content' | 'hours') => (value: string) => setForm({ ...form, [field]: value })

  const addPhoto = async (files: PickedFile[]) => {
    if (!files[0]) return
    setUploading(true)
    const result = await uploadFile('image', files[0])
    setUploading(false)
    if (!result.ok) setError(result.message)
    else setForm((f) => ({ ...f, photoFileId: result.data.fileID }))
  }

  const save = async () => {
    const saved = await run({ action: 'save', ...(editing ? { entryId: editing } : {}), requestId, ...form, hours: Number(form.hours) }, '已保存')
    if (saved) {
      setRequestId(newRequestId())
      setForm(blank())
      setEditing(null)
      await remote.reload()
    }
  }

  const edit = (entry: EntryView) => {
    setEditing(entry.entryId)
    setForm({ date: inChina(new Date(entry.date)).format('YYYY-MM-DD'), place: entry.place, content: entry.content, kind: entry.kind, hours: String(entry.hours), photoFileId: entry.photo?.fileID ?? null })
  }

  const remove = async (entry: EntryView) => {
    if (await run({ action: 'remove', entryId: entry.entryId }, '已删除')) await remote.reload()
  }

  const data = remote.data
  return (
    <View>
      <View className='page-head'>
        <Text className='page-head__title'>我的服务清单</Text>
        <Text className='page-head__sub' id='services-totals'>{data ? `${year}年${quarter ? `第${quarter}季度` : '全年'}：共 ${data.entries} 次，${data.hours} 小时` : '按季度汇总，由单位联络员上交社区'}</Text>
      </View>
      <View className='chips' id='services-period'>
        {QUARTERS.map((q) => (
          <Chip key={q} id={`services-q${q}`} label={`第${q}季度${quarterNote(data?.quarterStates[q] ?? null, data?.lockedThrough[q] ?? null)}`} selected={quarter === q} onTap={() => setQuarter(q)} />
        ))}
        <Chip id='services-year' label='全年' selected={quarter === null} onTap={() => setQuarter(null)} />
      </View>
      <View className='actions'>
        <Button className='btn' id='services-print' onClick={() => void Taro.navigateTo({ url: serviceSheetUrl(year, quarter) })}>
          打印服务清单
        </Button>
      </View>
      {data && data.communityName === null ? <Notice id='services-not-reported' tone='error' text='您还没有到居住地社区报到，报到后才能填写和上交服务清单。' /> : null}

      {data && data.communityName !== null ? (
        <View className='card' id='service-form'>
          <Text className='card__title'>{editing ? '修改服务记录' : '记录一次服务'}</Text>
          <TextField id='service-date' label='服务日期' required value={form.date} onChange={set('date')} hint='季度上交前可以补填' />
          <TextField id='service-place' label='服务地点' required maxlength={60} value={form.place} onChange={set('place')} />
          <TextAreaField id='service-content' label='服务内容' required maxlength={300} value={form.content} onChange={set('content')} />
          <FieldRow label='类别' required>
            <ChoiceChips id='service-kind' options={SERVICE_KINDS} labels={SERVICE_KIND_LABELS} value={form.kind} onChange={(kind) => setForm({ ...form, kind })} />
          </FieldRow>
          <TextField id='service-hours' label='时长（小时）' required type='digit' value={form.hours} onChange={set('hours')} hint='以0.5小时为单位' />
          <FieldRow label='照片' hint={form.photoFileId ? '已选1张' : '可选'}>
            <PhotoPicker id='service-photo' busy={uploading} room={form.photoFileId ? 0 : 1} onPicked={(files) => void addPhoto(files)} onError={setError} />
          </FieldRow>
          <Notice id='services-error' tone='error' text={error} />
          <Button className='btn btn--primary btn--block' id='service-save' disabled={busy || uploading || undefined} onClick={() => void save()}>
            保存
          </Button>
          {editing ? (
            <Button className='btn btn--block' id='service-cancel' onClick={() => (setEditing(null), setForm(blank()))}>
              取消修改
            </Button>
          ) : null}
        </View>
      ) : null}

      {data === null ? (
        <RemoteState remote={remote} />
      ) : data.rows.length === 0 ? (
        <EmptyState id='services-empty' title='还没有服务记录' text='参加的活动、办结的需求和结对走访会自动带入，也可以在上方记录。' />
      ) : (
        <View id='services-list'>
          {data.rows.map((entry) => (
            <ServiceEntryRow key={entry.entryId} entry={entry}>
              {entry.editable ? (
                <View className='actions'>
                  <Button className='btn service-edit' onClick={() => edit(entry)}>
                    修改
                  </Button>
                  {entry.source ? null : (
                    <Button className='btn service-remove' onClick={() => void remove(entry)}>
                      删除
                    </Button>
                  )}
                </View>
              ) : null}
            </ServiceEntryRow>
          ))}
        </View>
      )}
    </View>
  )
}
