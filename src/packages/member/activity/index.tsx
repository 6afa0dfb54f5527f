import Taro, { useRouter } from '@tarojs/taro'
import { View, Text, Button } from '@tarojs/components'
import { organiserLabel, myStanding, signupOffer, type SignupOffer } from '../../../domain/activity-progress'
import { activityContract, type ActivityView } from '../../../domain/contracts/activity.contract'
import type { GrantView } from '../../../domain/contracts/bootstrap.contract'
import { EmptyState } from '../../../components/empty-state'
import { KeyValue } from '../../../components/key-value'
import { Notice } from '../../../components/notice'
import { RemoteState } from '../../../components/remote-state'
import { RolePage } from '../../../components/role-page'
import { signinPageOf } from '../../../services/activity-pages'
import { callFunction } from '../../../services/call-function'
import { dateTimeText, timeRangeText } from '../../../services/format'
import { useReloadOnReturn } from '../../../services/use-reload-on-return'
import { useRemote } from '../../../services/use-remote'
import { useSubmit } from '../../../services/use-submit'
import '../../../components/ui.css'
import './index.css'

// 活动详情 (?activityId=): what, when, where, seats; a member signs up or
// cancels until the window closes (a full activity puts them on the
// waitlist, its place shown) and opens the scanner for this activity. A
// resident sees the activity but cannot sign up.
export default function ActivityPage() {
  const { params } = useRouter()
  const activityId = typeof params.activityId === 'string' ? params.activityId : ''
  return (
    <RolePage id='page-member-activity' roles={['member', 'resident']}>
      {(grant) => (activityId ? <ActivityLoader activityId={activityId} grant={grant} /> : <EmptyState id='member-activity-missing' title='未指定活动' text='请从“活动”页选择一项活动。' />)}
    </RolePage>
  )
}

function ActivityLoader({ activityId, grant }: { activityId: string; grant: GrantView }) {
  const remote = useRemote(() => callFunction('activity', { action: 'get', activityId }), activityId)
  useReloadOnReturn(remote.reload)
  if (!remote.data) return <RemoteState remote={remote} />
  return <ActivityDetail activity={remote.data} member={grant.role === 'member'} onChanged={remote.reload} />
}

function seatsText(a: ActivityView): string {
  const seats = a.capacity === 0 ? `已报名 ${a.signedUp} 人（不限人数）` : `已报名 ${a.signedUp} / ${a.capacity} 人`
  return a.waitlisted ? `${seats}，候补 ${a.waitlisted} 人` : seats
}

function ActivityDetail({ activity: a, member, onChanged }: { activity: ActivityView; member: boolean; onChanged: () => Promise<void> }) {
  const { busy, error, submit } = useSubmit()
  const standing = myStanding(a)
  const offer = signupOffer(a, new Date())

  const act = async (action: 'signUp' | 'cancelSignUp') => {
    if (action === 'cancelSignUp') {
      const answer = await Taro.showModal({ title: '取消报名', content: a.mySignup === 'waitlisted' ? '确定退出候补吗？' : '确定取消报名吗？名额将让给候补的党员。', confirmText: '取消报名', cancelText: '不取消' })
      if (!answer.confirm) return
    }
    const input = { action, activityId: a.activityId }
    const done = await submit(activityContract, input, () => callFunction('activity', input))
    if (done) await onChanged()
  }

  return (
    <View>
      <View className='card' id='member-activity-detail'>
        <View className='activity-detail__head'>
          <Text className='activity-detail__title' id='member-activity-title'>
            {a.title}
          </Text>
          {standing ? (
            <Text className={`badge badge--${standing.tone}`} id='member-activity-standing'>
              {standing.text}
            </Text>
          ) : null}
        </View>
        {a.status === 'cancelled' ? <Notice id='member-activity-cancelled' tone='warn' text={`活动已取消${a.cancelReason ? `：${a.cancelReason}` : ''}`} /> : null}
        {a.status === 'ended' ? <Notice tone='info' text='活动已结束' /> : null}
        <KeyValue label='时间' id='member-activity-time'>{timeRangeText(a.startAt, a.endAt)}</KeyValue>
        <KeyValue label='地点' id='member-activity-place'>{a.place}</KeyValue>
        <KeyValue label='组织'>{`${a.communityName} · ${organiserLabel(a.organiserKind)}`}</KeyValue>
        {a.postName ? (
          <KeyValue label='服务项目' id='member-activity-post'>
            {a.claimedPost ? `${a.postName}（我认领的岗位）` : a.postName}
          </KeyValue>
        ) : null}
        {a.signupRequired ? (
          <>
            <KeyValue label='报名' id='member-activity-seats'>{seatsText(a)}</KeyValue>
            <KeyValue label='报名截止'>{dateTimeText(a.signupClosesAt)}</KeyValue>
          </>
        ) : (
          <KeyValue label='报名'>无需报名，到场扫码签到</KeyValue>
        )}
        {a.myAttendance ? (
          <KeyValue label='我的签到' id='member-activity-my-attendance'>
            {`签到 ${dateTimeText(a.myAttendance.inAt)}${a.myAttendance.outAt ? `，签退 ${dateTimeText(a.myAttendance.outAt)}` : ''}`}
          </KeyValue>
        ) : null}
        {a.description ? <Text className='activity-detail__description'>{a.description}</Text> : null}
      </View>
      {member ? (
        <MemberActions activity={a} offer={offer} busy={busy} onSignUp={() => void act('signUp')} onCancel={() => void act('cancelSignUp')} />
      ) : (
        <Notice id='member-activity-resident-note' tone='info' text='居民可以查看社区活动；报名和扫码签到仅限在职党员。' />
      )}
      <Notice id='member-activity-error' tone='error' text={error} />
    </View>
  )
}

interface ActionsProps {
  activity: ActivityView
  offer: SignupOffer
  busy: boolean
  onSignUp: () => void
  onCancel: () => void
}

function MemberActions({ activity: a, offer, busy, onSignUp, onCancel }: ActionsProps) {
  const full = a.capacity !== 0 && a.signedUp >= a.capacity
  return (
    <View className='actions'>
      {'action' in offer && offer.action === 'signUp' ? (
        <Button className='btn btn--primary' id='member-activity-signup' disabled={busy || undefined} onClick={onSignUp}>
          {full ? '报名候补' : '报名'}
        </Button>
      ) : null}
      {'action' in offer && offer.action === 'cancel' ? (
        <Button className='btn btn--plain' id='member-activity-cancel-signup' disabled={busy || undefined} onClick={onCancel}>
          {a.mySignup === 'waitlisted' ? '退出候补' : '取消报名'}
        </Button>
      ) : null}
      {'closed' in offer && a.signupRequired ? <Notice id='member-activity-signup-closed' tone='info' text={offer.closed} /> : null}
      {a.status === 'published' ? (
        <Button className='btn btn--primary' id='member-activity-scan' onClick={() => void Taro.navigateTo({ url: signinPageOf(a.activityId) })}>
          {a.myAttendance && !a.myAttendance.outAt ? '扫码签退' : '扫码签到'}
        </Button>
      ) : null}
    </View>
  )
}
