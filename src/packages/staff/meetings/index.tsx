import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Button, Image } from '@tarojs/components'
import type { MeetingView } from '../../../domain/contracts/records.contract'
import { Chip } from '../../../components/chips'
import { EmptyState } from '../../../components/empty-state'
import { FieldRow, TextAreaField, TextField } from '../../../components/field'
import { Notice } from '../../../components/notice'
import { Pager } from '../../../components/pager'
import { PhotoPicker } from '../../../components/photo-picker'
import { RemoteState } from '../../../components/remote-state'
import { RolePage } from '../../../components/role-page'
import { callFunction } from '../../../services/call-function'
import { dateText } from '../../../services/format'
import type { PickedFile } from '../../../services/picked-file'
import { uploadFile } from '../../../services/upload-file'
import { useRemote } from '../../../services/use-remote'
import { todayText, useRecordsAction } from '../../../services/use-records-action'
import '../../../components/ui.css'

const PAGE_SIZE = 10
const MAX_PHOTOS = 9

// 会议记录本 (records.manage): the community's meetings about 双报到, with
// attendees picked from the members living here and their units, others as
// text, and photos. Prints as the 会议记录本 (staff/sheet?kind=meetings).
export default function MeetingsPage() {
  return (
    <RolePage id='page-meetings' roles={['staff']}>
      {(grant) => (grant.scope.communityId ? <Meetings communityId={grant.scope.communityId} communityName={grant.scopeName} /> : null)}
    </RolePage>
  )
}

const blank = () => ({
  date: todayText(),
  place: '',
  host: '',
  recorder: '',
  memberIds: [] as string[],
  unitIds: [] as string[],
  otherAttendees: '',
  topic: '',
  content: '',
  decisions: '',
  photos: [] as string[],
})

const toggled = (list: string[], id: string) => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id])

function Meetings({ communityId, communityName }: { communityId: string; communityName: string }) {
  const [page, setPage] = useState(1)
  const [form, setForm] = useState(blank)
  const [uploading, setUploading] = useState(false)
  const remote = useRemote(() => callFunction('records', { action: 'meetingList', communityId, page, pageSize: PAGE_SIZE }), `${communityId}:${page}`)
  const choices = useRemote(() => callFunction('records', { action: 'choices', communityId }), communityId)
  const { busy, error, setError, run } = useRecordsAction()
  const set = (field: 'date' | 'place' | 'host' | 'recorder' | 'otherAttendees' | 'topic' | 'content' | 'decisions') => (value: string) => setForm({ ...form, [field]: value })

  const addPhotos = async (files: PickedFile[]) => {
    setUploading(true)
    const added: string[] = []
    for (const file of files) {
      const result = await uploadFile('image', file)
      if (!result.ok) {
        setError(result.message)
        break
      }
      added.push(result.data.fileID)
    }
    setUploading(false)
    setForm((f) => ({ ...f, photos: [...f.photos, ...added] }))
  }

  const save = async () => {
    if (await run({ action: 'meetingSave', communityId, ...form }, '已保存')) {
      setForm(blank())
      await remote.reload()
    }
  }

  return (
    <View>
      <View className='page-head'>
        <Text className='page-head__title'>{`${communityName}会议记录本`}</Text>
        <Text className='page-head__sub'>{remote.data ? `共 ${remote.data.total} 次会议` : '双报到工作会议'}</Text>
      </View>
      <View className='actions'>
        <Button className='btn' id='meetings-print' onClick={() => void Taro.navigateTo({ url: '/packages/staff/sheet/index?kind=meetings' })}>
          会议记录本（打印）
        </Button>
      </View>

      <View className='card' id='meeting-form'>
        <Text className='card__title'>记录会议</Text>
        <TextField id='meeting-date' label='会议日期' required value={form.date} onChange={set('date')} />
        <TextField id='meeting-place' label='会议地点' required maxlength={60} value={form.place} onChange={set('place')} />
        <TextField id='meeting-host' label='主持人' required maxlength={20} value={form.host} onChange={set('host')} />
        <TextField id='meeting-recorder' label='记录人' required maxlength={20} value={form.recorder} onChange={set('recorder')} />
        <FieldRow label='参会单位'>
          <View className='chips' id='meeting-units'>
            {(choices.data?.units ?? []).map((u) => (
              <Chip key={u.unitId} label={u.name} selected={form.unitIds.includes(u.unitId)} onTap={() => setForm({ ...form, unitIds: toggled(form.unitIds, u.unitId) })} />
            ))}
          </View>
        </FieldRow>
        <FieldRow label='参会党员'>
          <View className='chips' id='meeting-members'>
            {(choices.data?.members ?? []).map((m) => (
              <Chip key={m.memberId} label={m.name} note={m.unitName} selected={form.memberIds.includes(m.memberId)} onTap={() => setForm({ ...form, memberIds: toggled(form.memberIds, m.memberId) })} />
            ))}
          </View>
        </FieldRow>
        <TextField id='meeting-others' label='其他参会人员' maxlength={200} placeholder='如 居民代表3人' value={form.otherAttendees} onChange={set('otherAttendees')} />
        <TextField id='meeting-topic' label='会议议题' required maxlength={60} value={form.topic} onChange={set('topic')} />
        <TextAreaField id='meeting-content' label='会议内容' required maxlength={3000} value={form.content} onChange={set('content')} />
        <TextAreaField id='meeting-decisions' label='会议决定' maxlength={1000} value={form.decisions} onChange={set('decisions')} />
        <FieldRow label='照片' hint={`最多${MAX_PHOTOS}张，已选 ${form.photos.length} 张`}>
          <PhotoPicker id='meeting-photos' busy={uploading} room={MAX_PHOTOS - form.photos.length} onPicked={(files) => void addPhotos(files)} onError={setError} />
        </FieldRow>
        <Notice id='meetings-error' tone='error' text={error} />
        <Button className='btn btn--primary btn--block' id='meeting-save' disabled={busy || uploading || undefined} onClick={() => void save()}>
          保存
        </Button>
      </View>

      {remote.data === null ? (
        <RemoteState remote={remote} />
      ) : remote.data.rows.length === 0 ? (
        <EmptyState id='meetings-empty' title='还没有会议记录' text='在上方记录本社区的双报到工作会议。' />
      ) : (
        <View id='meetings-list'>
          {remote.data.rows.map((m: MeetingView) => (
            <View key={m.meetingId} className='card meeting-row'>
              <Text className='card__title'>{`${dateText(m.date)} · ${m.topic}`}</Text>
              <Text className='muted'>{`${m.place}；主持：${m.host}；记录：${m.recorder}`}</Text>
              <Text className='card__text'>{`参会：${[...m.units.map((u) => u.name), ...m.members.map((x) => x.name), m.otherAttendees].filter(Boolean).join('、')}`}</Text>
              <Text className='card__text'>{m.content}</Text>
              {m.decisions ? <Text className='card__text'>{`决定：${m.decisions}`}</Text> : null}
              <View className='chips'>
                {m.photos.filter((p) => p.url).map((p) => (
                  <Image key={p.fileID} className='meeting-photo' src={p.url} mode='aspectFill' style={{ width: '160px', height: '120px' }} />
                ))}
              </View>
            </View>
          ))}
          <Pager idPrefix='meetings' page={page} pages={Math.ceil(remote.data.total / PAGE_SIZE)} onPage={setPage} />
        </View>
      )}
    </View>
  )
}
