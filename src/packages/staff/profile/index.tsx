import { useEffect, useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import type { ProfileView } from '../../../domain/contracts/records.contract'
import { TextAreaField, TextField } from '../../../components/field'
import { Notice } from '../../../components/notice'
import { RemoteState } from '../../../components/remote-state'
import { RolePage } from '../../../components/role-page'
import { callFunction } from '../../../services/call-function'
import { dateText } from '../../../services/format'
import { useRemote } from '../../../services/use-remote'
import { useRecordsAction } from '../../../services/use-records-action'
import '../../../components/ui.css'

const COUNTS = [
  ['households', '户数'],
  ['residents', '常住人口'],
  ['partyMembers', '党员数'],
] as const
const LISTS = [
  ['offices', '主要办公单位'],
  ['commercialAreas', '重要商业区'],
  ['schools', '学校'],
  ['nursingHomes', '养老院'],
  ['compounds', '居民小区'],
] as const

type Counts = (typeof COUNTS)[number][0]
type Lists = (typeof LISTS)[number][0]
type Form = { area: string } & Record<Counts | Lists, string>

/** Lists are edited one name a line. */
function formOf(p: ProfileView): Form {
  return {
    area: p.area,
    ...(Object.fromEntries(COUNTS.map(([k]) => [k, String(p[k])])) as Record<Counts, string>),
    ...(Object.fromEntries(LISTS.map(([k]) => [k, p[k].join('\n')])) as Record<Lists, string>),
  }
}

const lines = (text: string) => text.split('\n').map((s) => s.trim()).filter(Boolean)

// 社区基本情况 (records.manage, 000 §一.(三)): 辖区范围, 人口情况 and the
// offices, commercial areas, schools, nursing homes and compounds in the area.
export default function ProfilePage() {
  return (
    <RolePage id='page-profile' roles={['staff']}>
      {(grant) => (grant.scope.communityId ? <Profile communityId={grant.scope.communityId} /> : null)}
    </RolePage>
  )
}

function Profile({ communityId }: { communityId: string }) {
  const remote = useRemote(() => callFunction('records', { action: 'profileGet', communityId }), communityId)
  const [form, setForm] = useState<Form | null>(null)
  const { busy, error, run } = useRecordsAction()
  useEffect(() => {
    if (remote.data) setForm(formOf(remote.data))
  }, [remote.data])
  if (remote.data === null || form === null) return <RemoteState remote={remote} />

  const save = async () => {
    const saved = await run(
      {
        action: 'profileSave',
        communityId,
        area: form.area,
        ...(Object.fromEntries(COUNTS.map(([k]) => [k, Number(form[k] || 0)])) as Record<Counts, number>),
        ...(Object.fromEntries(LISTS.map(([k]) => [k, lines(form[k])])) as Record<Lists, string[]>),
      },
      '已保存',
    )
    if (saved) remote.setData(saved)
  }

  return (
    <View>
      <View className='page-head'>
        <Text className='page-head__title'>{`${remote.data.communityName}基本情况`}</Text>
        <Text className='page-head__sub'>{remote.data.updatedAt ? `更新于 ${dateText(remote.data.updatedAt)}` : '尚未填写'}</Text>
      </View>
      <View className='card' id='profile-form'>
        <TextAreaField id='profile-area' label='辖区范围' maxlength={500} value={form.area} onChange={(area) => setForm({ ...form, area })} />
        {COUNTS.map(([key, label]) => (
          <TextField key={key} id={`profile-${key}`} label={label} type='number' value={form[key]} onChange={(value) => setForm({ ...form, [key]: value })} />
        ))}
        {LISTS.map(([key, label]) => (
          <TextAreaField key={key} id={`profile-${key}`} label={label} maxlength={6000} placeholder='每行一个' value={form[key]} onChange={(value) => setForm({ ...form, [key]: value })} />
        ))}
        <Notice id='profile-error' tone='error' text={error} />
        <Button className='btn btn--primary btn--block' id='profile-save' disabled={busy || undefined} onClick={() => void save()}>
          保存
        </Button>
      </View>
    </View>
  )
}
