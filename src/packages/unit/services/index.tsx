import { useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import type { GrantView } from '../../../domain/contracts/bootstrap.contract'
import type { CommunityRow } from '../../../domain/contracts/services.contract'
import { QUARTER_STATE_LABELS } from '../../../domain/service-table'
import { EARLY_Q4_HANDIN_DAY, handedInThroughLabel } from '../../../domain/service-entry-rules'
import { inChina } from '../../../domain/china-time'
import type { Quarter } from '../../../domain/quarter'
import { Chip } from '../../../components/chips'
import { EmptyState } from '../../../components/empty-state'
import { TextField } from '../../../components/field'
import { Notice } from '../../../components/notice'
import { Pager } from '../../../components/pager'
import { RemoteState } from '../../../components/remote-state'
import { RolePage } from '../../../components/role-page'
import { ServiceEntryRow } from '../../../components/service-entry-row'
import { ServiceSheetLinks } from '../../../components/service-sheet-links'
import { callFunction } from '../../../services/call-function'
import { useRemote } from '../../../services/use-remote'
import { useServicesAction } from '../../../services/use-services-action'
import '../../../components/ui.css'

// 服务清单上交 (service.unitRead): per community where the unit's members
// reported, the quarter's entries and who wrote nothing. The liaison returns
// an entry to its member or hands the quarter(s) in; the secretary reads.
export default function UnitServicesPage() {
  return (
    <RolePage id='page-unit-services' roles={['liaison', 'secretary']}>
      {(grant) => (grant.scope.unitId ? <UnitServices grant={grant} unitId={grant.scope.unitId} /> : <EmptyState title='未绑定单位' text='您的身份没有绑定单位。' />)}
    </RolePage>
  )
}

const QUARTERS: Quarter[] = [1, 2, 3, 4]
const PAGE_SIZE = 20

function UnitServices({ grant, unitId }: { grant: GrantView; unitId: string }) {
  const isLiaison = grant.role === 'liaison'
  const now = inChina(new Date())
  // The last quarter that ended: the one a liaison hands in.
  const [year, setYear] = useState(now.month() < 3 ? now.year() - 1 : now.year())
  const [quarter, setQuarter] = useState<Quarter>(now.month() < 3 ? 4 : (Math.floor(now.month() / 3) as Quarter))
  const [community, setCommunity] = useState<CommunityRow | null>(null)
  const overview = useRemote(() => callFunction('services', { action: 'unitOverview', unitId, year, quarter }), `${year}:${quarter}`)
  return (
    <View>
      <View className='page-head'>
        <Text className='page-head__title'>服务清单上交</Text>
        <Text className='page-head__sub'>{overview.data ? `${overview.data.unitName} · ${year}年第${quarter}季度` : '每季度末汇总党员服务清单，上交报到社区'}</Text>
      </View>
      <View className='chips' id='unit-services-period'>
        {[now.year() - 1, now.year()].map((y) => (
          <Chip key={y} id={`unit-services-y${y}`} label={`${y}年`} selected={year === y} onTap={() => (setYear(y), setCommunity(null))} />
        ))}
        {QUARTERS.map((q) => (
          <Chip key={q} id={`unit-services-q${q}`} label={`第${q}季度`} selected={quarter === q} onTap={() => (setQuarter(q), setCommunity(null))} />
        ))}
      </View>
      {overview.data === null ? (
        <RemoteState remote={overview} />
      ) : overview.data.rows.length === 0 ? (
        <EmptyState id='unit-services-empty' title='还没有党员报到' text='本单位党员到社区报到后，在这里汇总他们的服务清单。' />
      ) : (
        <View id='unit-services-communities'>
          {overview.data.rows.map((row) => (
            <View key={row.communityId} className={`card service-community${community?.communityId === row.communityId ? ' card--selected' : ''}`} id={`service-community-${row.communityId}`} onClick={() => setCommunity(row)}>
              <Text className='card__title'>{row.communityName}</Text>
              <Text className='card__text'>{`报到党员 ${row.members} 人，未填写 ${row.nothing} 人；共 ${row.entries} 条，${row.hours} 小时`}</Text>
              <Text className='muted service-community-state'>{row.state ? `${row.coveredThrough ? `${handedInThroughLabel(row.coveredThrough)}，` : ''}${QUARTER_STATE_LABELS[row.state]}` : overview.data!.quarterEnded ? '未上交' : quarter === 4 ? `本季度尚未结束（12月${EARLY_Q4_HANDIN_DAY}日起可提前上交）` : '本季度尚未结束'}</Text>
            </View>
          ))}
        </View>
      )}
      {community ? <CommunityMembers key={`${community.communityId}:${year}:${quarter}`} unitId={unitId} community={community} year={year} quarter={quarter} isLiaison={isLiaison} onChanged={() => void overview.reload()} /> : null}
    </View>
  )
}

function CommunityMembers(props: { unitId: string; community: CommunityRow; year: number; quarter: Quarter; isLiaison: boolean; onChanged: () => void }) {
  const { unitId, community, year, quarter, isLiaison } = props
  const [filter, setFilter] = useState<'all' | 'nothing'>('all')
  const [page, setPage] = useState(1)
  const [reason, setReason] = useState('')
  const [handInQuarters, setHandInQuarters] = useState<Quarter[]>([quarter])
  const remote = useRemote(
    () => callFunction('services', { action: 'unitCommunity', unitId, communityId: community.communityId, year, quarter, filter, page, pageSize: PAGE_SIZE }),
    `${filter}:${page}`,
  )
  const { busy, error, run } = useServicesAction()
  const reload = async () => {
    await remote.reload()
    props.onChanged()
  }
  const returnEntry = async (entryId: string) => {
    if (await run({ action: 'returnEntry', entryId, reason }, '已退回')) await reload()
  }
  const handIn = async () => {
    if (await run({ action: 'handIn', unitId, communityId: community.communityId, year, quarters: handInQuarters }, '已上交')) await reload()
  }
  const data = remote.data
  // A fourth quarter handed in early takes a further batch (the days after its hand-in day).
  const open = data ? QUARTERS.filter((q) => (data.quarterStates[q] !== 'handedIn' && data.quarterStates[q] !== 'confirmed') || data.lockedThrough[q] !== null) : []
  return (
    <View id='unit-services-members'>
      <View className='page-head'>
        <Text className='page-head__title'>{community.communityName}</Text>
        <Text className='page-head__sub' id='unit-services-summary'>{data ? `报到党员 ${data.memberTotal} 人，未填写 ${data.nothingTotal} 人；共 ${data.entries} 条，${data.hours} 小时` : ''}</Text>
      </View>
      <View className='chips'>
        <Chip id='unit-services-all' label='全部党员' selected={filter === 'all'} onTap={() => (setFilter('all'), setPage(1))} />
        <Chip id='unit-services-nothing' label='未填写的党员' selected={filter === 'nothing'} onTap={() => (setFilter('nothing'), setPage(1))} />
      </View>
      {isLiaison && data ? (
        <View className='card' id='unit-services-handin'>
          <Text className='card__title'>上交社区</Text>
          <Text className='muted'>{`季度结束后上交；第四季度可从12月${EARLY_Q4_HANDIN_DAY}日起提前上交（截至当天，之后的记录再次上交）。全年第一次上交可以一次交多个季度。上交后党员不能再修改。`}</Text>
          <Text className='muted' id='unit-services-prefilled'>已自动填入截至昨日的活动和服务（参加的活动、完成的需求、结对帮扶走访）；打开名单时补填当页党员的记录。</Text>
          <View className='chips'>
            {open.map((q) => (
              <Chip key={q} id={`handin-q${q}`} label={`第${q}季度`} selected={handInQuarters.includes(q)} onTap={() => setHandInQuarters(handInQuarters.includes(q) ? handInQuarters.filter((x) => x !== q) : [...handInQuarters, q])} />
            ))}
          </View>
          <Button className='btn btn--primary btn--block' id='unit-services-handin-submit' disabled={busy || undefined} onClick={() => void handIn()}>
            上交所选季度
          </Button>
          <TextField id='unit-services-return-reason' label='退回原因' value={reason} onChange={setReason} placeholder='退回党员修改时填写' maxlength={100} />
        </View>
      ) : null}
      <Notice id='unit-services-error' tone='error' text={error} />
      {data === null ? (
        <RemoteState remote={remote} />
      ) : (
        <View>
          {data.rows.map((m) => (
            <View key={m.memberId} className='card service-member' id={`service-member-${m.memberId}`}>
              <Text className='card__title'>{`${m.name}：${m.entries} 条，${m.hours} 小时`}</Text>
              {m.rows.length === 0 ? <Text className='muted service-nothing'>本季度未填写</Text> : null}
              <ServiceSheetLinks memberId={m.memberId} year={year} quarter={quarter} as='unit' />
              {m.rows.map((entry) => (
                <ServiceEntryRow key={entry.entryId} entry={entry}>
                  {isLiaison && entry.status === 'draft' ? (
                    <Button className='btn service-return' disabled={busy || undefined} onClick={() => void returnEntry(entry.entryId)}>
                      退回修改
                    </Button>
                  ) : null}
                </ServiceEntryRow>
              ))}
            </View>
          ))}
          <Pager idPrefix='unit-services' page={page} pages={Math.ceil(data.total / PAGE_SIZE)} onPage={setPage} />
        </View>
      )}
    </View>
  )
}
