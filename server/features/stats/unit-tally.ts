import type { Database } from '../../kernel/database'
import type { MemberDoc, ReportDoc } from '../../db/docs'
import { scan } from '../../db/read'

type Filter = Parameters<typeof scan>[2]

export interface Tally {
  memberTotal: number
  reported: number
}

/**
 * Members matching `filter`, and how many of them have an active report
 * anywhere, per unit. One keyset page of members (up to 1000) at a time, and
 * their reports 100 ids per query: linear in the members counted, right at any size.
 */
export async function tallyByUnit(db: Database, filter: Filter): Promise<Map<string, Tally>> {
  const _ = db.command
  const tallies = new Map<string, Tally>()
  for await (const members of scan<MemberDoc>(db, 'members', filter, { fields: { unitId: true } })) {
    const reported = new Set<string>()
    // 100 ids per `in`, the size names.ts keeps to as well.
    for (let i = 0; i < members.length; i += 100) {
      const ids = members.slice(i, i + 100).map((m) => m._id)
      for await (const reports of scan<ReportDoc>(db, 'reports', { memberId: _.in(ids), status: 'active' }, { fields: { memberId: true } })) {
        for (const r of reports) reported.add(r.memberId)
      }
    }
    for (const m of members) {
      const tally = tallies.get(m.unitId) ?? { memberTotal: 0, reported: 0 }
      tally.memberTotal++
      if (reported.has(m._id)) tally.reported++
      tallies.set(m.unitId, tally)
    }
  }
  return tallies
}
