import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View, Text, Button } from '@tarojs/components'
import { activityContract, type ActivityView } from '../../../domain/contracts/activity.contract'
import { rolesFor } from '../../../domain/permissions'
import { EmptyState } from '../../../components/empty-state'
import { TextField } from '../../../components/field'
import { KeyValue } from '../../../components/key-value'
import { Notice } from '../../../components/notice'
import { RemoteState } from '../../../components/remote-state'
import { RolePage } from '../../../components/role-page'
import { callFunction } from '../../../services/call-function'
import { dateTimeText } from '../../../services/format'
import { usePullDownReload } from '../../../services/use-pull-down-reload'
import { useRemote } from '../../../services/use-remote'
import { useSubmit } from '../../../services/use-submit'
import { checkCall } from '../../../services/validate'
import { ActivitySummary } from '../activity-common/activity-summary'
import { organiserSide, organiserText, pageUrl, runs, type OrganiserSide } from '../activity-common/organiser'
import { useReloadOnReturn } from '../../../services/use-reload-on-return'
import '../../../components/ui.css'

// 活动详情 for the organiser: the activity, and what can be done with it in
// its status — edit, publish, show the sign-in/out code, see attendance, end
// it (those signed in but not out get the scheduled end), or cancel it with
// a reason (those signed up are told).
export default function ActivityDetailPage() {
  const { params } = useRouter()
  const activityId = typeof params.activityId === 'string' ? params.activityId : ''
  return (
    <RolePage id='page-activity' roles={rolesFor('activity.manage')}>
      {(grant) => (activityId ? <ActivityDetail activityId={activityId} side={organiserSide(grant)} /> : <EmptyState title='未指定活动' text='请从“组织活动”中选择一项活动。' />)}
    </RolePage>
  )
}

const go = (url: string) => void Taro.navigateTo({ url })

function ActivityDetail({ activityId, side }: { activityId: string; side: OrganiserSide | null }) {
  const remote = useRemote(() => callFunction('activity', { action: 'get', activityId }), activityId)
  usePullDownReload(remote.reload)
  useReloadOnReturn(remote.reload)
  const { busy, error, setError, submit } = useSubmit()
  const [cancelling, setCancelling] = useState(false)
  const [reason, setReason] = useState('')

  const activity = remote.data
  if (!activity) return <RemoteState remote={remote} />

  /** Runs one status change after the organiser confirms it; the page shows the activity as the server returns it. */
  const change = async (call: { action: 'publish' | 'end'; activityId: string } | { action: 'cancel'; activityId: string; reason: string }, confirm: { title: string; content: string }, done: string) => {
    // A missing reason is said before asking to confirm.
    const checked = checkCall(activityContract, call)
    if (!checked.ok) return setError(checked.message)
    const answer = await Taro.showModal({ ...confirm, confirmText: '确定', cancelText: '再想想' })
    if (!answer.confirm) return
    const changed: ActivityView | null = await submit(activityContract, call, () => callFunction('activity', call))
    if (!changed) return
    remote.setData(changed)
    setCancelling(false)
    void Taro.showToast({ title: done, icon: 'success' })
  }

  const { status } = activity
  // A community's staff read a unit's or the centre's activity held there: its sign-ups and attendance only.
  const mine = side !== null && runs(side, activity)
  const open = mine && (status === 'draft' || status === 'published')
  const live = mine && status === 'published'
  return (
    <View id='activity-detail'>
      <View className='card'>
        <ActivitySummary activity={activity} id='activity-summary' />
      </View>
      <View className='card'>
        <KeyValue label='组织方' id='activity-organiser'>{organiserText(activity)}</KeyValue>
        {mine ? null : <Text className='card__text muted' id='activity-read-only'>本活动由组织方管理，社区可查看报名与签到情况。</Text>}
        <KeyValue label='报名时间'>
          {`${activity.signupOpensAt ? dateTimeText(activity.signupOpensAt) : '发布后'} 至 ${dateTimeText(activity.signupClosesAt)}`}
        </KeyValue>
        <KeyValue label='签到位置' id='activity-location'>
          {activity.location ? `已设置，范围 ${activity.location.radius} 米（超出范围的签到会标记）` : '未设置'}
        </KeyValue>
        {activity.description ? <Text className='card__text'>{activity.description}</Text> : null}
      </View>

      <Notice id='activity-action-error' tone='error' text={error} />
      <View className='actions'>
        {live ? (
          <>
            <Button className='btn btn--primary' id='activity-qr-in' onClick={() => go(pageUrl('qr', { activityId, direction: 'in' }))}>
              显示签到码
            </Button>
            <Button className='btn btn--plain' id='activity-qr-out' onClick={() => go(pageUrl('qr', { activityId, direction: 'out' }))}>
              显示签退码
            </Button>
          </>
        ) : null}
        {mine && status === 'draft' ? (
          <Button
            className='btn btn--primary'
            id='activity-publish'
            disabled={busy || undefined}
            onClick={() => void change({ action: 'publish', activityId }, { title: '发布活动', content: '发布后党员即可看到并报名。确定发布？' }, '已发布')}
          >
            发布活动
          </Button>
        ) : null}
        {status !== 'draft' ? (
          <Button className='btn btn--plain' id='activity-attendance' onClick={() => go(pageUrl('attendance', { activityId }))}>
            报名与签到情况
          </Button>
        ) : null}
        {open ? (
          <Button className='btn btn--plain' id='activity-edit' onClick={() => go(pageUrl('edit', { activityId }))}>
            修改活动
          </Button>
        ) : null}
        {live ? (
          <Button
            className='btn btn--plain'
            id='activity-end'
            disabled={busy || undefined}
            onClick={() =>
              void change(
                { action: 'end', activityId },
                { title: '结束活动', content: '结束后不能再签到；已签到未签退的党员按活动结束时间签退。确定结束？' },
                '活动已结束',
              )
            }
          >
            结束活动
          </Button>
        ) : null}
        {open && !cancelling ? (
          <Button
            className='btn btn--plain'
            id='activity-cancel'
            onClick={() => {
              setError(null)
              setCancelling(true)
            }}
          >
            取消活动
          </Button>
        ) : null}
      </View>
      {open && cancelling ? (
        <View className='card' id='activity-cancel-form'>
          <TextField id='activity-cancel-reason' label='取消原因' required maxlength={20} hint='将通知已报名的党员' value={reason} onChange={setReason} />
          <View className='btn-row'>
            <Button
              className='btn-mini btn-mini--primary'
              id='activity-cancel-confirm'
              disabled={busy || undefined}
              onClick={() => void change({ action: 'cancel', activityId, reason }, { title: '取消活动', content: '取消后不能恢复。确定取消？' }, '活动已取消')}
            >
              确认取消活动
            </Button>
            <Button className='btn-mini btn-mini--grey' id='activity-cancel-back' onClick={() => setCancelling(false)}>
              不取消
            </Button>
          </View>
        </View>
      ) : null}
    </View>
  )
}
