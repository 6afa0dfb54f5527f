import type { MemberEntries } from '../../../src/domain/contracts/services.contract'
import type { Quarter } from '../../../src/domain/quarter'
import type { MemberDoc, ServiceEntryDoc } from '../../db/docs'
import { countOf, readPage, scanAll } from '../../db/read'
import type { Database } from '../../kernel/database'
import { membersWithEntries } from './entry-views'

// One unit's members reported to one community, a page at a time, each with
// their entries of a quarter, and who wrote nothing: what the liaison checks
// before handing in and what the community opens. The cost is fixed: the
// members' count and page, one aggregate of the quarter's entries by member,
// and the page's entries (the liaison's view first fills in the page's
// members' lines: a fixed number more, and the aggregate again if any came).

export interface PeriodPage {
  rows: MemberEntries[]
  total: number
  page: number
  pageSize: number
  memberTotal: number
  nothingTotal: number
  entries: number
  hours: number
}

export async function periodMembers(
  db: Database,
  scope: { unitId: string; communityId: string; year: number; quarter: Quarter },
  paging: { filter: 'all' | 'nothing'; page: number; pageSize: number },
  /** Fills in the page's members' lines before they are read (the liaison's view); how many were added. */
  fillIn?: (members: MemberDoc[]) => Promise<number>,
): Promise<PeriodPage> {
  const _ = db.command
  const $ = db.command.aggregate
  const reportedHere = { unitId: scope.unitId, 'report.communityId': scope.communityId }
  const entryScope = { unitId: scope.unitId, communityId: scope.communityId, year: scope.year, quarter: scope.quarter }
  const byMember = () =>
    db.collection('serviceEntries').aggregate().match(entryScope).group({ _id: '$memberId', n: $.sum(1), hours: $.sum('$hours') }).limit(10_000).end() as Promise<{ list: Array<{ _id: string; n: number; hours: number }> }>
  const before = await byMember()
  const writers = before.list.map((g) => g._id)
  // Who the period shows: the members reported here now, and whoever has entries of the quarter filed here
  // (moved or re-reported since): what a confirm acts on is exactly what the pages list.
  const shown = writers.length > 0 ? _.or([reportedHere, { _id: _.in(writers) }]) : reportedHere
  const filter = paging.filter === 'nothing' && writers.length > 0 ? { ...reportedHere, _id: _.nin(writers) } : shown
  const [memberTotal, { docs, total }] = await Promise.all([countOf(db.collection('members').where(shown)), readPage<MemberDoc>(db, 'members', filter, ['name', 'asc'], paging)])
  // Lines filled in now change the totals: counted again (the page itself stays the one asked for).
  const grouped = fillIn && docs.length && (await fillIn(docs)) > 0 ? await byMember() : before
  const entries = docs.length ? await scanAll<ServiceEntryDoc>(db, 'serviceEntries', { ...entryScope, memberId: _.in(docs.map((m) => m._id)) }) : []
  return {
    rows: await membersWithEntries(docs, entries),
    total,
    page: paging.page,
    pageSize: paging.pageSize,
    memberTotal,
    nothingTotal: Math.max(0, memberTotal - grouped.list.length),
    entries: grouped.list.reduce((n, g) => n + g.n, 0),
    hours: grouped.list.reduce((n, g) => n + g.hours, 0),
  }
}
