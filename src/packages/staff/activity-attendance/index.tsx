import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View, Text, Button } from '@tarojs/components'
import type { z } from 'zod'
import { activityContract, type ActivityView, type AttendanceRow, type attendanceSchema } from '../../../domain/contracts/activity.contract'
import { rolesFor } from '../../../domain/permissions'
import type { Result } from '../../../domain/result'
import { EmptyState } from '../../../components/empty-state'
import { Notice } from '../../../components/notice'
import { Scanner } from '../../../components/qr-scanner/scanner'
import { RemoteState } from '../../../components/remote-state'
import { RolePage } from '../../../components/role-page'
import { callFunction } from '../../../services/call-function'
import { dateTimeText } from '../../../services/format'
import { usePullDownReload } from '../../../services/use-pull-down-reload'
import { useRemote } from '../../../services/use-remote'
import { useSubmit } from '../../../services/use-submit'
import { ActivitySummary } from '../activity-common/activity-summary'
import { METHOD_LABELS, organiserSide, runs, type OrganiserSide } from '../activity-common/organiser'
import { minutesText } from '../activity-common/time-text'
import { useReloadOnReturn } from '../../../services/use-reload-on-return'
import { RecordForm, type RecordTimes } from './record-form'
import '../../../components/ui.css'
import './index.css'

type Attendance = z.output<typeof attendanceSchema>
type SignupRow = Attendance['signedUp'][number]

/** The activity and its sign-ups and attendance, loaded together. */
async function loadSheet(activityId: string): Promise<Result<{ activity: ActivityView; attendance: Attendance }>> {
  const [activity, attendance] = await Promise.all([
    callFunction('activity', { action: 'get', activityId }),
    callFunction('activity', { action: 'attendance', activityId }),
  ])
  if (!activity.ok) return activity
  if (!attendance.ok) return attendance
  return { ok: true, data: { activity: activity.data, attendance: attendance.data } }
}

/** Which hand-made form is open: a new record for a member, or the correction of one. */
type Editing = { kind: 'add'; member: SignupRow } | { kind: 'correct'; row: AttendanceRow } | null

// 报名与签到 (activity.manage): who signed up, the waitlist in order, and who
// attended — how each record was made, hours, the location flag, corrections.
// The organiser signs in a member without a phone by scanning their 联系证,
// adds a record by hand with a reason, or corrects one with a reason.
export default function ActivityAttendancePage() {
  const { params } = useRouter()
  const activityId = typeof params.activityId === 'string' ? params.activityId : ''
  return (
    <RolePage id='page-activity-attendance' roles={rolesFor('activity.manage')}>
      {(grant) => (activityId ? <AttendanceSheet activityId={activityId} side={organiserSide(grant)} /> : <EmptyState title='未指定活动' text='请从“组织活动”中选择一项活动。' />)}
    </RolePage>
  )
}

function AttendanceSheet({ activityId, side }: { activityId: string; side: OrganiserSide | null }) {
  const remote = useRemote(() => loadSheet(activityId), activityId)
  usePullDownReload(remote.reload)
  useReloadOnReturn(remote.reload)
  const { busy, error, setError, submit } = useSubmit()
  const [scanned, setScanned] = useState<string | null>(null)
  const [editing, setEditing] = useState<Editing>(null)

  if (!remote.data) return <RemoteState remote={remote} />
  const { activity, attendance } = remote.data
  const attendedIds = new Set(attendance.attended.map((r) => r.memberId))
  const totalMinutes = attendance.attended.reduce((sum, r) => sum + (r.minutes ?? 0), 0)
  // The community's staff read a unit's or the centre's activity held there; only its organiser records.
  const mine = side !== null && runs(side, activity)
  const live = mine && activity.status === 'published'
  const recordable = mine && (activity.status === 'published' || activity.status === 'ended')

  const scanCard = async (token: string) => {
    setScanned(null)
    const call = { action: 'signInByCard' as const, activityId, token: token.trim() }
    const result = await submit(activityContract, call, () => callFunction('activity', call))
    if (!result) return
    const who = result.memberName ?? '该党员'
    const when = dateTimeText(result.at)
    setScanned(result.already ? `${who}已于${when}签到，本次未重复记录` : `${who}签到成功（${when}）${result.flagged ? '，位置超出范围' : ''}`)
    await remote.reload()
  }

  const saveRecord = async (times: RecordTimes) => {
    if (!editing) return
    const send = async () => {
      if (editing.kind === 'add') {
        const call = { action: 'addRecord' as const, activityId, memberId: editing.member.memberId, ...times }
        return submit(activityContract, call, () => callFunction('activity', call))
      }
      // Only a changed time is sent: the server marks a sent time as made by hand.
      const changed = correctedTimes(editing.row, times)
      if (!changed) {
        setError('签到和签退时间都没有改动')
        return null
      }
      const call = { action: 'correctRecord' as const, activityId, memberId: editing.row.memberId, reason: times.reason, ...changed }
      return submit(activityContract, call, () => callFunction('activity', call))
    }
    const saved = await send()
    if (!saved) return
    setEditing(null)
    void Taro.showToast({ title: editing.kind === 'add' ? '已补录' : '已更正', icon: 'success' })
    await remote.reload()
  }

  const recordForm = (idPrefix: string, title: string, reasonLabel: '补录原因' | '更正原因', initialIn: string | null, initialOut: string | null) => (
    <RecordForm
      idPrefix={idPrefix}
      title={title}
      reasonLabel={reasonLabel}
      initialIn={initialIn}
      initialOut={initialOut}
      busy={busy}
      onSave={(times) => void saveRecord(times)}
      onCancel={() => {
        setEditing(null)
        setError(null)
      }}
      onInvalid={setError}
    />
  )

  return (
    <View id='attendance'>
      <View className='card'>
        <ActivitySummary activity={activity} />
        <Text className='attendance-totals' id='attendance-totals'>
          {`已签到 ${attendance.attended.length} 人 · 服务时长共计 ${minutesText(totalMinutes)}`}
        </Text>
      </View>

      {live ? (
        <View className='card'>
          <Text className='card__title'>扫联系证签到</Text>
          <Text className='card__text'>党员未带手机时，扫描其联系证二维码为其签到。</Text>
          <Scanner idPrefix='attendance' subject='联系证二维码' busy={busy} onScanned={(token) => void scanCard(token)} />
          <Notice id='attendance-scan-result' tone='success' text={scanned} />
        </View>
      ) : null}
      <Notice id='attendance-error' tone='error' text={error} />

      <View className='card' id='attendance-attended'>
        <Text className='card__title'>{`签到记录（${attendance.attended.length}）`}</Text>
        {attendance.attended.length === 0 ? <Text className='muted' id='attendance-attended-empty'>还没有人签到</Text> : null}
        {attendance.attended.map((row) =>
          editing?.kind === 'correct' && editing.row.memberId === row.memberId ? (
            <View key={row.memberId}>{recordForm('attendance-correct-form', `更正 ${row.memberName} 的签到记录`, '更正原因', row.inAt, row.outAt)}</View>
          ) : (
            <AttendanceItem key={row.memberId} row={row} onCorrect={!mine || activity.status === 'cancelled' ? undefined : () => setEditing({ kind: 'correct', row })} />
          ),
        )}
      </View>

      <View className='card' id='attendance-signed-up'>
        <Text className='card__title'>{`已报名（${attendance.signedUp.length}）`}</Text>
        {attendance.signedUp.length === 0 ? <Text className='muted'>{activity.signupRequired ? '还没有人报名' : '本活动无需报名'}</Text> : null}
        {attendance.signedUp.map((member) =>
          editing?.kind === 'add' && editing.member.memberId === member.memberId ? (
            <View key={member.memberId}>{recordForm('attendance-add-form', `为 ${member.memberName} 补录签到`, '补录原因', activity.startAt, null)}</View>
          ) : (
            <View className='signup-row' key={member.memberId} id={`signup-row-${member.memberId}`}>
              <View className='signup-row__who'>
                <Text className='signup-row__name'>{member.memberName}</Text>
                <Text className='muted'>{`${member.unitName} · 报名于 ${dateTimeText(member.at)}`}</Text>
              </View>
              {attendedIds.has(member.memberId) ? (
                <Text className='badge badge--green'>已签到</Text>
              ) : recordable ? (
                <Button className='btn-mini signup-add' onClick={() => setEditing({ kind: 'add', member })}>
                  补录签到
                </Button>
              ) : null}
            </View>
          ),
        )}
      </View>

      <View className='card' id='attendance-waitlist'>
        <Text className='card__title'>{`候补（${attendance.waitlist.length}）`}</Text>
        {attendance.waitlist.length === 0 ? <Text className='muted'>没有候补</Text> : null}
        {attendance.waitlist.map((member, i) => (
          <View className='signup-row waitlist-row' key={member.memberId} id={`waitlist-row-${member.memberId}`}>
            <Text className='waitlist-row__place'>{`第${i + 1}位`}</Text>
            <View className='signup-row__who'>
              <Text className='signup-row__name'>{member.memberName}</Text>
              <Text className='muted'>{`${member.unitName} · ${dateTimeText(member.at)}`}</Text>
            </View>
          </View>
        ))}
      </View>
    </View>
  )
}

const sameTime = (a: string | null, b: string | null) => (a === null || b === null ? a === b : Date.parse(a) === Date.parse(b))

/** The times a correction changes, or null when it changes none. */
export function correctedTimes(row: AttendanceRow, times: RecordTimes): { inAt?: string; outAt?: string | null } | null {
  const changed = {
    ...(sameTime(row.inAt, times.inAt) ? {} : { inAt: times.inAt }),
    ...(sameTime(row.outAt, times.outAt) ? {} : { outAt: times.outAt }),
  }
  return Object.keys(changed).length ? changed : null
}

/** "09:05（扫码）", with the date when it is not the activity's day. */
function stamp(at: string, method: AttendanceRow['inMethod']): string {
  return `${dateTimeText(at)}（${METHOD_LABELS[method]}）`
}

function AttendanceItem({ row, onCorrect }: { row: AttendanceRow; onCorrect?: () => void }) {
  return (
    <View className='attendance-row' id={`attendance-row-${row.memberId}`}>
      <View className='attendance-row__head'>
        <Text className='attendance-row__name'>{row.memberName}</Text>
        <Text className='muted'>{row.unitName}</Text>
        {row.flagged ? <Text className='badge badge--red attendance-row__flag'>超出范围</Text> : null}
      </View>
      <Text className='attendance-row__line attendance-row__in'>{`签到：${stamp(row.inAt, row.inMethod)}`}</Text>
      <Text className='attendance-row__line attendance-row__out'>{row.outAt && row.outMethod ? `签退：${stamp(row.outAt, row.outMethod)}` : '签退：尚未签退'}</Text>
      <Text className='attendance-row__line attendance-row__minutes'>{row.minutes === null ? '服务时长：活动进行中' : `服务时长：${minutesText(row.minutes)}`}</Text>
      {row.distance !== null ? (
        <Text className='attendance-row__line attendance-row__distance'>
          {`距活动地点约 ${row.distance} 米${row.accuracy !== null ? `（定位精度约 ${Math.round(row.accuracy)} 米）` : ''}`}
        </Text>
      ) : null}
      {row.reason ? <Text className='attendance-row__line muted'>{`补录原因：${row.reason}`}</Text> : null}
      {row.corrections.length > 0 ? (
        <View className='attendance-row__history'>
          {row.corrections.map((c) => (
            <Text className='attendance-correction' key={c.correctedAt}>
              {`${dateTimeText(c.correctedAt)} 更正：原签到 ${dateTimeText(c.inAt)}，原签退 ${c.outAt ? dateTimeText(c.outAt) : '无'}；原因：${c.correction}`}
            </Text>
          ))}
        </View>
      ) : null}
      {onCorrect ? (
        <Button className='btn-mini btn-mini--grey attendance-correct' onClick={onCorrect}>
          更正
        </Button>
      ) : null}
    </View>
  )
}
