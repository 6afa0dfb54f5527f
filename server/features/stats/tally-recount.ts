import { recount, sameTally, type MemberContribution, type TallyCounts, type UnitTally } from '../../../src/domain/unit-tally'
import type { Database } from '../../kernel/database'
import { docsByIds } from '../../db/by-ids'
import type { MemberDoc, RegistrationDoc, ReportDoc, UnitDoc } from '../../db/docs'
import { scan, scanAll } from '../../db/read'
import { isDuplicateKey } from '../../db/db-errors'
import { inTransaction } from '../../db/transaction'
import { addDoc } from '../../db/write'
import type { UnitTallyDoc } from '../../db/unit-tallies'
import { contributionOf } from '../../../src/domain/unit-tally'

// The recount: every unit's tally from the records themselves (members,
// active reports, registrations), compared with the stored tally, and the
// ones that drifted set right. Run nightly by the stats function's timer and
// on demand by the district. Every read pages; 100 units per query.

export interface TallyDrift {
  unitId: string
  unitName: string
  stored: TallyCounts | null
  actual: TallyCounts
}

export interface RecountReport {
  units: number
  drifted: TallyDrift[]
  /** Set right now. */
  repaired: number
  /** Changed by a write while the recount read; left for the next run. */
  skipped: number
}

const CHUNK = 100

/** What the records say each member adds, for the members of these units. */
async function contributions(db: Database, unitIds: readonly string[]): Promise<MemberContribution[]> {
  const _ = db.command
  const out: MemberContribution[] = []
  for (let i = 0; i < unitIds.length; i += CHUNK) {
    const units = _.in(unitIds.slice(i, i + CHUNK))
    const reportedIn = new Map<string, string>()
    for await (const page of scan<ReportDoc>(db, 'reports', { unitId: units, status: 'active' }, { fields: { memberId: true, communityId: true } })) {
      for (const r of page) reportedIn.set(r.memberId, r.communityId)
    }
    const claims = new Map<string, Record<string, number>>()
    for await (const page of scan<RegistrationDoc>(db, 'registrations', { unitId: units }, { fields: { memberId: true, communityId: true, claimCount: true } })) {
      for (const r of page) claims.set(r.memberId, { ...claims.get(r.memberId), [r.communityId]: r.claimCount })
    }
    for await (const page of scan<MemberDoc>(db, 'members', { unitId: units }, { fields: { unitId: true, streetId: true } })) {
      for (const m of page) {
        out.push(contributionOf({ unitId: m.unitId, streetId: m.streetId, reportedIn: reportedIn.get(m._id) ?? null, claimCounts: claims.get(m._id) ?? {} }))
      }
    }
  }
  return out
}

function storedTally(doc: UnitTallyDoc | undefined): UnitTally | undefined {
  return doc && { unitId: doc._id, total: { memberTotal: doc.memberTotal, reported: doc.reported, claimedPosts: doc.claimedPosts }, streets: doc.streets ?? {} }
}

/**
 * Recounts the tallies of the units matching `filter` (all units when empty).
 * A drifted tally is replaced in a transaction that first checks the stored
 * tally is still what the recount compared: a write that landed meanwhile
 * changed it, and the next run looks again.
 */
export async function recountTallies(
  db: Database,
  filter: { districtId?: string },
  now: Date,
  log: (line: string) => void = console.warn,
): Promise<RecountReport> {
  const units = await scanAll<UnitDoc>(db, 'units', filter, { fields: { name: true, districtId: true } })
  const ids = units.map((u) => u._id)
  const stored = await docsByIds<UnitTallyDoc>(db, 'unitTallies', ids)
  const actual = recount(ids, await contributions(db, ids))
  const report: RecountReport = { units: units.length, drifted: [], repaired: 0, skipped: 0 }

  for (const unit of units) {
    const was = stored.get(unit._id)
    const counted = actual.get(unit._id)!
    const countsRight = sameTally(storedTally(was), counted)
    if (countsRight && was?.unitName === unit.name && was.districtId === unit.districtId) continue
    if (!countsRight) report.drifted.push({ unitId: unit._id, unitName: unit.name, stored: storedTally(was)?.total ?? null, actual: counted.total })
    const data = { unitName: unit.name, districtId: unit.districtId, ...counted.total, streets: counted.streets, recountedAt: now }
    const repaired = was ? await replaceIfUnchanged(db, was, data) : await createIfAbsent(db, unit._id, data)
    if (countsRight) continue
    if (repaired) report.repaired++
    else report.skipped++
  }
  if (report.drifted.length > 0) log(`[tally-recount] ${report.drifted.length} of ${report.units} unit tallies drifted: ${JSON.stringify(report.drifted.slice(0, 20))}`)
  return report
}

/** Sets the tally, unless a write changed it since the recount read it. */
async function replaceIfUnchanged(db: Database, was: UnitTallyDoc, data: Record<string, unknown>): Promise<boolean> {
  return inTransaction(db, async (t) => {
    const doc = t.collection('unitTallies').doc<UnitTallyDoc>(was._id)
    if (!sameStored((await doc.get()).data, was)) return false
    await doc.set({ data })
    return true
  })
}

/** Creates the missing tally, unless a writer created it meanwhile. */
async function createIfAbsent(db: Database, unitId: string, data: Record<string, unknown>): Promise<boolean> {
  try {
    await addDoc(db, 'unitTallies', { _id: unitId, ...data })
    return true
  } catch (error) {
    if (isDuplicateKey(error)) return false
    throw error
  }
}

function sameStored(a: UnitTallyDoc, b: UnitTallyDoc): boolean {
  return sameTally(storedTally(a), storedTally(b)!) && sameTally(storedTally(b), storedTally(a)!)
}
