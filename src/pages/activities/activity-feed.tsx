import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { EmptyState } from '../../components/empty-state'
import { Pager } from '../../components/pager'
import { RemoteState } from '../../components/remote-state'
import { callFunction } from '../../services/call-function'
import { useRemote } from '../../services/use-remote'
import { useReloadOnReturn } from '../../services/use-reload-on-return'
import { ActivityRow } from './activity-row'

const PAGE_SIZE = 20
type When = 'upcoming' | 'past'
const WHEN_LABELS: Record<When, string> = { upcoming: '即将开始', past: '已结束' }

// The activities open to the caller (the server decides which: a member's
// residence community and their unit's paired communities; a resident's
// community), upcoming soonest first, past ones latest first, page by page.
export function ActivityFeed() {
  const [when, setWhen] = useState<When>('upcoming')
  const [page, setPage] = useState(1)
  const list = useRemote(() => callFunction('activity', { action: 'list', when, page, pageSize: PAGE_SIZE }), `${when}:${page}`)
  useReloadOnReturn(list.reload)
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / PAGE_SIZE)) : 1
  const choose = (next: When) => {
    setWhen(next)
    setPage(1)
  }
  return (
    <View id='activities-feed'>
      <View className='tabs' id='activities-when'>
        {(['upcoming', 'past'] as const).map((w) => (
          <Text key={w} className={w === when ? 'tabs__item tabs__item--active' : 'tabs__item'} id={`activities-when-${w}`} onClick={() => choose(w)}>
            {WHEN_LABELS[w]}
          </Text>
        ))}
      </View>
      {!list.data ? (
        <RemoteState remote={list} errorId='activities-error' />
      ) : list.data.rows.length === 0 ? (
        <EmptyState id='activities-empty' title={when === 'upcoming' ? '暂无即将开始的活动' : '暂无已结束的活动'} text={when === 'upcoming' ? '社区发布活动后会显示在这里。' : undefined} />
      ) : (
        <View id='activities-list'>
          {list.data.rows.map((activity) => (
            <ActivityRow key={activity.activityId} activity={activity} />
          ))}
          <Pager idPrefix='activities' page={page} pages={pages} onPage={setPage} />
        </View>
      )}
    </View>
  )
}
