import type { Database } from '../../kernel/database'
import { countBy } from '../../db/read'

type Filter = Parameters<typeof countBy>[2]

export interface Tally {
  memberTotal: number
  reported: number
}

/**
 * Members matching `filter`, and how many of them have an active report, per
 * unit: two grouped counts, whatever the size. A member has at most one active
 * report, made in the community they live in (a report elsewhere records a
 * move first), so the same filter on `reports` selects exactly their reports.
 */
export async function tallyByUnit(db: Database, filter: Filter): Promise<Map<string, Tally>> {
  const [members, reported] = await Promise.all([
    countBy(db, 'members', filter, 'unitId'),
    countBy(db, 'reports', { ...(filter as object), status: 'active' }, 'unitId'),
  ])
  const tallies = new Map<string, Tally>()
  for (const [unitId, memberTotal] of members) tallies.set(unitId, { memberTotal, reported: reported.get(unitId) ?? 0 })
  return tallies
}
