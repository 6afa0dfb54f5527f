import { useState } from 'react'
import Taro from '@tarojs/taro'
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
import { listScope, organiserSide, organiserText, pageUrl, runs, type OrganiserSide } from '../activity-common/organiser'
import { useReloadOnReturn } from '../../../services/use-reload-on-return'
import '../../../components/ui.css'

const WHEN = ['upcoming', 'past'] as const
type When = (typeof WHEN)[number]
const WHEN_LABELS: Record<When, string> = { upcoming: '进行中与未开始', past: '已结束与已取消' }
const PAGE_SIZE = 20

// 组织活动 (activity.manage): the organiser's activities, drafts too;
// upcoming soonest first, past latest first. Staff see their community's (a
// unit's held there too, to read); a unit's secretary or liaison their unit's
// in every paired community; the volunteer centre its own.
export default function ActivitiesPage() {
  return (
    <RolePage id='page-activity-list' roles={rolesFor('activity.manage')}>
      {(grant) => {
        const side = organiserSide(grant)
        return side ? <ActivityList grant={grant} side={side} /> : <EmptyState id='activity-no-scope' title='暂无可组织的活动' text='您的授权未关联社区或单位。' />
      }}
    </RolePage>
  )
}

const INTRO: Record<OrganiserSide['kind'], string> = {
  community: '新建的活动先保存为草稿，发布后党员才能看到并报名。活动现场用“签到码”让党员扫码签到。本社区结对单位组织的活动也在这里，可查看报名与签到情况。',
  unit: '单位组织的活动须在本单位的结对社区开展，新建时选择结对社区。发布后本单位党员可以报名，活动现场用“签到码”签到。',
  centre: '志愿专业服务活动面向全区选择了该服务项目的党员，新建时选择服务项目和活动社区。',
}

function ActivityList({ grant, side }: { grant: GrantView; side: OrganiserSide }) {
  const [when, setWhen] = useState<When>('upcoming')
  const [page, setPage] = useState(1)
  const scope = listScope(side)
  const remote = useRemote(() => callFunction('activity', { action: 'list', ...scope, when, page, pageSize: PAGE_SIZE }), `${JSON.stringify(scope)}:${when}:${page}`)
  usePullDownReload(remote.reload)
  useReloadOnReturn(remote.reload)
  const list = remote.data
  const pages = list ? Math.max(1, Math.ceil(list.total / PAGE_SIZE)) : 1

  return (
    <View>
      <View className='card'>
        <Text className='card__title'>{`组织活动 · ${grant.scopeName}`}</Text>
        <Text className='card__text'>{INTRO[side.kind]}</Text>
        <View className='btn-row'>
          <Button className='btn-mini btn-mini--primary' id='activity-new' onClick={() => void Taro.navigateTo({ url: pageUrl('edit') })}>
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
          text={when === 'upcoming' ? '点击“新建活动”发布活动。' : '活动结束或取消后会出现在这里。'}
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
              {runs(side, activity) ? null : <Text className='activity-summary__line muted'>{`${organiserText(activity)} · 可查看报名与签到`}</Text>}
            </View>
          ))}
          <Pager idPrefix='activity' page={page} pages={pages} onPage={setPage} />
        </View>
      )}
    </View>
  )
}
