import { View, Text } from '@tarojs/components'
import type { ActivityView } from '../../../domain/contracts/activity.contract'
import { dateTimeText } from '../../../services/format'
import { inChina } from '../../../domain/china-time'
import { STATUS_LABELS } from './organiser'
import './organiser.css'

const STATUS_BADGES = { draft: 'badge--grey', published: 'badge--green', ended: 'badge--amber', cancelled: 'badge--red' } as const

/** "2026年5月10日 09:00–11:00", or both ends in full when it runs past a day. */
export function scheduleText(activity: Pick<ActivityView, 'startAt' | 'endAt'>): string {
  const start = new Date(activity.startAt)
  const end = new Date(activity.endAt)
  const sameDay = inChina(start).format('YYYY-MM-DD') === inChina(end).format('YYYY-MM-DD')
  return `${dateTimeText(activity.startAt)}–${sameDay ? inChina(end).format('HH:mm') : dateTimeText(activity.endAt)}`
}

/** Seats as the organiser reads them: "已报名 8 / 10 · 候补 2", "已报名 3（不限人数）". */
export function seatsText(activity: Pick<ActivityView, 'signedUp' | 'capacity' | 'waitlisted'>): string {
  const seats = activity.capacity > 0 ? `已报名 ${activity.signedUp} / ${activity.capacity}` : `已报名 ${activity.signedUp}（不限人数）`
  return activity.waitlisted > 0 ? `${seats} · 候补 ${activity.waitlisted}` : seats
}

/** One activity's head: title, status, time, place, post and seats. */
export function ActivitySummary({ activity, id }: { activity: ActivityView; id?: string }) {
  return (
    <View className='activity-summary' id={id}>
      <View className='activity-summary__head'>
        <Text className='activity-summary__title'>{activity.title}</Text>
        <Text className={`badge ${STATUS_BADGES[activity.status]} activity-summary__status`}>{STATUS_LABELS[activity.status]}</Text>
      </View>
      <Text className='activity-summary__line'>{scheduleText(activity)}</Text>
      <Text className='activity-summary__line'>{`${activity.place}${activity.postName ? ` · ${activity.postName}` : ''}`}</Text>
      <Text className='activity-summary__line muted'>{activity.signupRequired ? seatsText(activity) : `无需报名 · ${seatsText(activity)}`}</Text>
      {activity.cancelReason ? <Text className='activity-summary__line muted'>{`取消原因：${activity.cancelReason}`}</Text> : null}
    </View>
  )
}
