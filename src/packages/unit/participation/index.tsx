import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { YEARLY_MINIMUM } from '../../../domain/activity-status'
import type { MemberYearRow } from '../../../domain/contracts/participation.contract'
import { EmptyState } from '../../../components/empty-state'
import { Pager } from '../../../components/pager'
import { RemoteState } from '../../../components/remote-state'
import { RolePage } from '../../../components/role-page'
import { callFunction } from '../../../services/call-function'
import { dateText } from '../../../services/format'
import { useRemote } from '../../../services/use-remote'
import '../../../components/ui.css'
import './index.css'

const PAGE_SIZE = 20
const VIEWS = { all: '全部党员', short: '未达标', activities: '本单位参加的活动' } as const
type ViewKey = keyof typeof VIEWS
const KIND_LABELS = { community: '社区组织', unit: '单位组织', volunteerCentre: '区志愿者中心组织' } as const

// 党员参与活动情况 (participation.unit): each member's year against the rule
// (002 §三.1: community-organised X / 2, unit-organised in the paired
// community Y / 2), those short first, and the activities the unit's members
// attended, a page at a time.
export default function ParticipationPage() {
  return (
    <RolePage id='page-participation' roles={['secretary', 'liaison']}>
      {(grant) => (grant.scope.unitId ? <Participation unitId={grant.scope.unitId} unitName={grant.scopeName} /> : <EmptyState title='未绑定单位' text='您的身份没有绑定单位。' />)}
    </RolePage>
  )
}

function Participation({ unitId, unitName }: { unitId: string; unitName: string }) {
  const [view, setView] = useState<ViewKey>('all')
  const [page, setPage] = useState(1)
  return (
    <View>
      <View className='page-head'>
        <Text className='page-head__title'>{`${unitName}党员参与社区活动`}</Text>
        <Text className='page-head__sub'>{`每名党员每年参加社区组织的活动不少于${YEARLY_MINIMUM}次、单位组织到结对社区的活动不少于${YEARLY_MINIMUM}次`}</Text>
      </View>
      <View className='tabs' id='participation-views'>
        {(Object.keys(VIEWS) as ViewKey[]).map((v) => (
          <Text
            key={v}
            id={`participation-view-${v}`}
            className={v === view ? 'tabs__item tabs__item--active' : 'tabs__item'}
            onClick={() => {
              setView(v)
              setPage(1)
            }}
          >
            {VIEWS[v]}
          </Text>
        ))}
      </View>
      {view === 'activities' ? <UnitActivities unitId={unitId} page={page} setPage={setPage} /> : <Members unitId={unitId} filter={view} page={page} setPage={setPage} />}
    </View>
  )
}

interface Paged {
  page: number
  setPage: (page: number) => void
}

function countsText(row: MemberYearRow): string {
  return `社区组织 ${row.community}/${YEARLY_MINIMUM} · 单位组织 ${row.unit}/${YEARLY_MINIMUM}`
}

function Members({ unitId, filter, page, setPage }: Paged & { unitId: string; filter: 'all' | 'short' }) {
  const remote = useRemote(() => callFunction('participation', { action: 'unitMembers', unitId, filter, page, pageSize: PAGE_SIZE }), `${unitId}|${filter}|${page}`)
  if (remote.data === null) return <RemoteState remote={remote} />
  const d = remote.data
  return (
    <View>
      <View className='card'>
        <Text className='card__text' id='participation-summary'>{`${d.year}年：名册 ${d.memberTotal} 人，未达标 ${d.shortTotal} 人`}</Text>
      </View>
      {d.rows.length === 0 ? (
        <EmptyState id='participation-empty' title={filter === 'short' ? '没有未达标的党员' : '名册还是空的'} text={filter === 'short' ? '本单位党员今年都已达到活动要求。' : '导入名册后可查看党员参与活动的情况。'} />
      ) : (
        <View className='card' id='participation-members'>
          {d.rows.map((row) => (
            <View key={row.memberId} className='list-row'>
              <View>
                <Text className='list-row__name'>{row.memberName}</Text>
                <Text className='muted'>{` ${row.communityName}`}</Text>
              </View>
              <Text className={row.short ? 'participation-row__counts participation-row__counts--short' : 'participation-row__counts'}>{`${countsText(row)}${row.short ? ' 未达标' : ''}`}</Text>
            </View>
          ))}
        </View>
      )}
      <Pager idPrefix='participation' page={page} pages={Math.ceil(d.total / PAGE_SIZE)} onPage={setPage} />
    </View>
  )
}

function UnitActivities({ unitId, page, setPage }: Paged & { unitId: string }) {
  const remote = useRemote(() => callFunction('participation', { action: 'unitActivities', unitId, page, pageSize: PAGE_SIZE }), `${unitId}|${page}`)
  if (remote.data === null) return <RemoteState remote={remote} />
  const d = remote.data
  if (d.rows.length === 0) return <EmptyState id='participation-empty' title='今年还没有参加活动' text='本单位党员参加活动并签到后，会出现在这里。' />
  return (
    <View>
      <View className='card' id='participation-activities'>
        {d.rows.map((a) => (
          <View key={a.activityId} className='list-row'>
            <View>
              <Text className='list-row__name'>{a.title}</Text>
              <Text className='muted'>{` ${dateText(a.startAt)} · ${a.communityName} · ${KIND_LABELS[a.organiserKind]}`}</Text>
            </View>
            <Text className='participation-row__counts'>{`本单位 ${a.attended} 人参加`}</Text>
          </View>
        ))}
      </View>
      <Pager idPrefix='participation' page={page} pages={Math.ceil(d.total / PAGE_SIZE)} onPage={setPage} />
    </View>
  )
}
