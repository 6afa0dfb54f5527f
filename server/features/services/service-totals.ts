import type { Database } from '../../kernel/database'

// Confirmed 服务清单 entries as others count them: the annual evaluation
// (per member) and the unit's bulletin (the unit's year). Only what the
// community confirmed counts; one aggregate each.

export interface ServiceTotals {
  entries: number
  hours: number
}

/** Confirmed entries and hours of `year`, per member; members with none are absent. */
export async function confirmedServiceTotals(db: Database, memberIds: readonly string[], year: number): Promise<Map<string, ServiceTotals>> {
  const totals = new Map<string, ServiceTotals>()
  if (memberIds.length === 0) return totals
  const $ = db.command.aggregate
  const result = (await db
    .collection('serviceEntries')
    .aggregate()
    .match({ memberId: db.command.in([...new Set(memberIds)]), year, status: 'confirmed' })
    .group({ _id: '$memberId', entries: $.sum(1), hours: $.sum('$hours') })
    .limit(Math.max(1, memberIds.length))
    .end()) as { list: Array<{ _id: string; entries: number; hours: number }> }
  for (const row of result.list) totals.set(row._id, { entries: row.entries, hours: row.hours })
  return totals
}

/** The unit's confirmed entries, hours and members who served, in `year` (the half-yearly bulletin passes its quarters). */
export async function unitServiceTotals(db: Database, unitId: string, year: number, quarters?: readonly number[]): Promise<ServiceTotals & { members: number }> {
  const $ = db.command.aggregate
  const match = { unitId, year, status: 'confirmed', ...(quarters ? { quarter: db.command.in([...quarters]) } : {}) }
  const result = (await db
    .collection('serviceEntries')
    .aggregate()
    .match(match)
    .group({ _id: '$memberId', entries: $.sum(1), hours: $.sum('$hours') })
    .group({ _id: null, members: $.sum(1), entries: $.sum('$entries'), hours: $.sum('$hours') })
    .end()) as { list: Array<{ members: number; entries: number; hours: number }> }
  const row = result.list[0]
  return { members: row?.members ?? 0, entries: row?.entries ?? 0, hours: row?.hours ?? 0 }
}
