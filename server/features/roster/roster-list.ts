import type { RosterList } from '../../../src/domain/contracts/roster.contract'
import { isReportOverdue } from '../../../src/domain/report-deadline'
import type { KnownContext } from '../../kernel/function-def'
import { docsByIds } from '../../db/by-ids'
import type { MemberDoc } from '../../db/docs'
import { scanAll } from '../../db/read'
import { activeReportsOfUnit } from '../../db/reports'
import { byNameThenId } from '../../../src/domain/chinese-order'
import { authorizedUnit } from './roster-access'
import { rosterRows } from './roster-row-view'

export interface ListInput {
  unitId: string
  filter: 'all' | 'unreported' | 'overdue'
  page: number
  pageSize: number
}

/**
 * A page of the unit's roster by name. Whether a member has reported is a
 * question for `reports`, so the whole unit is read (ids, names, join dates:
 * keyset paging), filtered and sorted, and only the page is loaded in full.
 */
export async function listRoster(ctx: KnownContext, input: ListInput): Promise<RosterList> {
  const unit = await authorizedUnit(ctx, input.unitId, 'roster.read')
  const now = ctx.now()
  const all = await scanAll<MemberDoc>(ctx.db, 'members', { unitId: unit._id }, { fields: { name: true, joinedUnitAt: true, createdAt: true } })
  const reported = await activeReportsOfUnit(ctx.db, unit._id)
  const wanted = all.filter((m) => {
    if (input.filter === 'all') return true
    if (reported.has(m._id)) return false
    return input.filter === 'unreported' || isReportOverdue(m.joinedUnitAt ?? m.createdAt ?? now, null, now)
  })
  wanted.sort(byNameThenId)
  const start = (input.page - 1) * input.pageSize
  const pageIds = wanted.slice(start, start + input.pageSize).map((m) => m._id)
  const docs = await docsByIds<MemberDoc>(ctx.db, 'members', pageIds)
  const members = pageIds.map((id) => docs.get(id)).filter((m): m is MemberDoc => m !== undefined)
  return { rows: await rosterRows(ctx.db, ctx.principal, members, now), total: wanted.length, page: input.page, pageSize: input.pageSize }
}
