import { View, Text } from '@tarojs/components'
import { hoursOf } from '../../domain/activity-hours'
import { ruleProgress } from '../../domain/activity-progress'
import { RemoteState } from '../../components/remote-state'
import { callFunction } from '../../services/call-function'
import { useRemote } from '../../services/use-remote'
import { useReloadOnReturn } from '../../services/use-reload-on-return'

// The member's year against the rule (002 §三.1): 社区组织 X / 2 and
// 单位组织（结对社区）Y / 2, a short one in red, and the hours credited.
export function YearProgress() {
  const year = useRemote(() => callFunction('activity', { action: 'myYear' }), 'myYear')
  useReloadOnReturn(year.reload)
  if (!year.data) return <RemoteState remote={year} errorId='activities-year-error' />
  const rows = ruleProgress(year.data)
  const short = rows.filter((r) => r.short)
  return (
    <View className='card activities-year' id='activities-year'>
      <Text className='card__title'>{`${year.data.year}年参加活动`}</Text>
      <View className='activities-year__rules'>
        {rows.map((row) => (
          <View key={row.kind} className={row.short ? 'year-rule year-rule--short' : 'year-rule'} id={`activities-year-${row.kind}`}>
            <Text className='year-rule__count'>{`${row.done} / ${row.required}`}</Text>
            <Text className='year-rule__label'>{row.label}</Text>
          </View>
        ))}
      </View>
      <Text className='muted' id='activities-year-note'>
        {short.length
          ? `每年至少参加社区组织的活动${year.data.required}次、本单位在结对社区组织的活动${year.data.required}次；${short.map((r) => `${r.label}还差${r.required - r.done}次`).join('，')}。`
          : `今年的活动次数已达到要求。累计服务${hoursOf(year.data.minutes)}小时。`}
      </Text>
    </View>
  )
}
