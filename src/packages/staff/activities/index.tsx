import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View, Text, Button } from '@tarojs/components'
import type { GrantView } from '../../../domain/contracts/bootstrap.contract'
import { rolesFor } from '../../../domain/permissions'
import { EmptyState } from '../../../components/empty-state'
import { Pager } from '../../../components/pager'
import { RemoteState } from '../../../components/remote-state'
import { RolePage } from '../../../components/role-page'
import { callFunction } from '../../../services/call-function'
import { usePullDownReload } from '../../../services/use-pull-down-reload'
import { useRemote } from '../../../services/use-remote'
import { ActivitySummary } from '../activity-common/activity-summary'
import { organiserCommunity, pageUrl } from '../activity-common/organiser'
import { useReloadOnReturn } from '../../../services/use-reload-on-return'
import '../../../components/ui.css'

const WHEN = ['upcoming', 'past'] as const
type When = (typeof WHEN)[number]
const WHEN_LABELS: Record<When, string> = { upcoming: '进行中与未开始', past: '已结束与已取消' }
const PAGE_SIZE = 20

// 组织活动 (activity.manage): the organiser's activities in their community,
// drafts too; upcoming soonest first, past latest first. A unit organiser
// comes here with ?communityId= of a paired community.
export default function ActivitiesPage() {
  const { params } = useRouter()
  return (
    <RolePage id='page-activity-list' roles={rolesFor('activity.manage')}>
      {(grant) => {
        const communityId = organiserCommunity(grant, params.communityId)
        return communityId ? (
          <ActivityList grant={grant} communityId={communityId} />
        ) : (
          <EmptyState id='activity-no-community' title='请先选择社区' text='单位组织的活动须在结对社区开展，请从结对社区进入。' />
        )
      }}
    </RolePage>
  )
}

function ActivityList({ grant, communityId }: { grant: GrantView; communityId: string }) {
  const [when, setWhen] = useState<When>('upcoming')
  const [page, setPage] = useState(1)
  const remote = useRemote(() => callFunction('activity', { action: 'list', communityId, when, page, pageSize: PAGE_SIZE }), `${communityId}:${when}:${page}`)
  usePullDownReload(remote.reload)
  useReloadOnReturn(remote.reload)
  const list = remote.data
  const pages = list ? Math.max(1, Math.ceil(list.total / PAGE_SIZE)) : 1
  // A unit organiser's pages keep the community they came for.
  const here: Record<string, string> = grant.scope.communityId === communityId ? {} : { communityId }

  return (
    <View>
      <View className='card'>
        <Text className='card__title'>{`组织活动 · ${grant.scopeName}`}</Text>
        <Text className='card__text'>新建的活动先保存为草稿，发布后党员才能看到并报名。活动现场用“签到码”让党员扫码签到。</Text>
        <View className='btn-row'>
          <Button className='btn-mini btn-mini--primary' id='activity-new' onClick={() => void Taro.navigateTo({ url: pageUrl('edit', here) })}>
            新建活动
          </Button>
        </View>
      </View>
      <View className='tabs' id='activity-when'>
        {WHEN.map((w) => (
          <Text
            key={w}
            className={w === when ? 'tabs__item tabs__item--active' : 'tabs__item'}
            id={`activity-when-${w}`}
            onClick={() => {
              setWhen(w)
              setPage(1)
            }}
          >
            {WHEN_LABELS[w]}
          </Text>
        ))}
      </View>
      {list === null ? (
        <RemoteState remote={remote} />
      ) : list.rows.length === 0 ? (
        <EmptyState
          id='activity-list-empty'
          title={when === 'upcoming' ? '暂无进行中或未开始的活动' : '暂无往期活动'}
          text={when === 'upcoming' ? '点击“新建活动”发布社区活动。' : '活动结束或取消后会出现在这里。'}
        />
      ) : (
        <View id='activity-list'>
          {list.rows.map((activity) => (
            <View
              key={activity.activityId}
              className='card activity-row'
              id={`activity-row-${activity.activityId}`}
              onClick={() => void Taro.navigateTo({ url: pageUrl('detail', { activityId: activity.activityId }) })}
            >
              <ActivitySummary activity={activity} />
            </View>
          ))}
          <Pager idPrefix='activity' page={page} pages={pages} onPage={setPage} />
        </View>
      )}
    </View>
  )
}
