import type { Database } from '../kernel/database'
import type { ReportDoc } from './docs'
import { getRows, scan } from './read'

// Reads of the `reports` collection, the one source of every report count.

/** The member's active report anywhere, or null (at most one exists: confirm keeps it so). */
export async function activeReportOf(db: Database, memberId: string): Promise<ReportDoc | null> {
  const [report] = await getRows<ReportDoc>(db.collection('reports').where({ memberId, status: 'active' }).limit(1))
  return report ?? null
}

/** Active reports of the given members, by member id; `ids` may be any length. */
export async function activeReportsOf(db: Database, memberIds: readonly string[]): Promise<Map<string, ReportDoc>> {
  const _ = db.command
  const found = new Map<string, ReportDoc>()
  const unique = [...new Set(memberIds)]
  for (let i = 0; i < unique.length; i += 100) {
    const filter = { memberId: _.in(unique.slice(i, i + 100)), status: 'active' }
    for await (const page of scan<ReportDoc>(db, 'reports', filter)) for (const r of page) found.set(r.memberId, r)
  }
  return found
}

/** Every active report of a unit, by member id (keyset paging: right at any size). */
export async function activeReportsOfUnit(db: Database, unitId: string): Promise<Map<string, ReportDoc>> {
  const found = new Map<string, ReportDoc>()
  for await (const page of scan<ReportDoc>(db, 'reports', { unitId, status: 'active' })) for (const r of page) found.set(r.memberId, r)
  return found
}
