import { recount, sameTally, type MemberContribution, type TallyCounts, type UnitTally } from '../../../src/domain/unit-tally'
import type { Database } from '../../kernel/database'
import { docsByIds } from '../../db/by-ids'
import type { MemberDoc, RegistrationDoc, ReportDoc, UnitDoc } from '../../db/docs'
import { scan, scanAll } from '../../db/read'
import { isDuplicateKey } from '../../db/db-errors'
import { inTransaction } from '../../db/transaction'
import { addDoc } from '../../db/write'
import type { UnitTallyDoc } from '../../db/unit-tallies'
import { contributionOf, countsFrom } from '../../../src/domain/unit-tally'

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
  return doc && { unitId: doc._id, total: countsFrom(doc), streets: doc.streets ?? {} }
}

export interface TallyCheck {
  units: UnitDoc[]
  stored: Map<string, UnitTallyDoc>
  actual: Map<string, UnitTally>
}

/** The stored tallies of the units matching `filter` (all units when empty), and what the records say. */
export async function checkTallies(db: Database, filter: { districtId?: string }): Promise<TallyCheck> {
  const units = await scanAll<UnitDoc>(db, 'units', filter, { fields: { name: true, districtId: true } })
  const ids = units.map((u) => u._id)
  const stored = await docsByIds<UnitTallyDoc>(db, 'unitTallies', ids)
  return { units, stored, actual: recount(ids, await contributions(db, ids)) }
}

/** The units whose stored tally is not what the records say. */
export function driftOf({ units, stored, actual }: TallyCheck): TallyDrift[] {
  return units.flatMap((unit) => {
    const was = storedTally(stored.get(unit._id))
    const counted = actual.get(unit._id)!
    return sameTally(was, counted) ? [] : [{ unitId: unit._id, unitName: unit.name, stored: was?.total ?? null, actual: counted.total }]
  })
}

/**
 * Recounts the tallies of the units matching `filter` and sets right the ones
 * that drifted (and a renamed unit's name). A tally is replaced in a
 * transaction that first checks it is still what the recount compared: a
 * write that landed meanwhile changed it, and the next run looks again.
 */
export async function recountTallies(
  db: Database,
  filter: { districtId?: string },
  now: Date,
  log: (line: string) => void = console.warn,
): Promise<RecountReport> {
  const check = await checkTallies(db, filter)
  const drifted = driftOf(check)
  const report: RecountReport = { units: check.units.length, drifted, repaired: 0, skipped: 0 }
  const isDrifted = new Set(drifted.map((d) => d.unitId))
  for (const unit of check.units) {
    const was = check.stored.get(unit._id)
    if (!isDrifted.has(unit._id) && was?.unitName === unit.name && was.districtId === unit.districtId) continue
    const { total, streets } = check.actual.get(unit._id)!
    const data = { unitName: unit.name, districtId: unit.districtId, ...total, streets, recountedAt: now }
    const repaired = was ? await replaceIfUnchanged(db, was, data) : await createIfAbsent(db, unit._id, data)
    if (!isDrifted.has(unit._id)) continue
    if (repaired) report.repaired++
    else report.skipped++
  }
  if (drifted.length > 0) log(`[tally-recount] ${drifted.length} of ${report.units} unit tallies drifted: ${JSON.stringify(drifted.slice(0, 20))}`)
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
