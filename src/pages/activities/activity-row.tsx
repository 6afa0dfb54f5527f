import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { myStanding } from '../../domain/activity-progress'
import type { ActivityView } from '../../domain/contracts/activity.contract'
import { activityPageOf } from '../../services/activity-pages'
import { timeRangeText } from '../../services/format'

const CLOSED: Partial<Record<ActivityView['status'], string>> = { cancelled: '已取消', ended: '已结束' }

/** One activity in a member's or resident's list; a tap opens its page. */
export function ActivityRow({ activity }: { activity: ActivityView }) {
  const standing = myStanding(activity)
  const closed = CLOSED[activity.status]
  return (
    <View className='card activity-row' id={`activities-row-${activity.activityId}`} hoverClass='entry--pressed' onClick={() => void Taro.navigateTo({ url: activityPageOf(activity.activityId) })}>
      <View className='activity-row__head'>
        <Text className='activity-row__title'>{activity.title}</Text>
        {standing ? <Text className={`badge badge--${standing.tone} activity-row__mine`}>{standing.text}</Text> : null}
        {closed ? <Text className='badge badge--grey'>{closed}</Text> : null}
      </View>
      <Text className='activity-row__line'>{timeRangeText(activity.startAt, activity.endAt)}</Text>
      <Text className='activity-row__line muted'>{`${activity.place} · ${activity.communityName}${activity.organiserKind === 'unit' ? ' · 单位组织' : ''}`}</Text>
      {activity.claimedPost ? <Text className='badge badge--red activity-row__claimed'>{`我认领的岗位：${activity.postName ?? ''}`}</Text> : null}
    </View>
  )
}
