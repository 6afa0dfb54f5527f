import { AppError } from '../../src/domain/errors'
import { contributionOf, type MemberContribution, type TallyCounts, type TallyPlan, type UnitDelta } from '../../src/domain/unit-tally'
import type { Database } from '../kernel/database'
import { isDuplicateKey } from './db-errors'
import type { MemberDoc, UnitDoc } from './docs'
import { addDoc, updateDoc } from './write'

// The `unitTallies` collection (src/domain/unit-tally.ts): one document per
// unit, id = the unit's id. A plan is applied as increments, never as
// read-then-write, so two writers of one unit add up.

export interface UnitTallyDoc extends TallyCounts {
  _id: string
  unitName: string
  /** The unit's district (the district view lists its units by it). */
  districtId: string
  /** Per street the members live in. */
  streets: Record<string, TallyCounts>
  recountedAt?: Date
}

/** What this member adds to the tallies, by their own document and its mirrors. */
export function memberContribution(member: Pick<MemberDoc, 'unitId' | 'streetId' | 'report' | 'claimCounts'>): MemberContribution {
  return contributionOf({ unitId: member.unitId, streetId: member.streetId, reportedIn: member.report?.communityId ?? null, claimCounts: member.claimCounts ?? {} })
}

// An id becomes a field name (a street under `streets`, a community under a
// member's `claimCounts`): it must not read as a path or an operator.
export function fieldKey(id: string): string {
  if (id === '' || /[.$]/.test(id)) throw new AppError('INTERNAL', `编号不能用作字段名：${id}`)
  return id
}

// All three, even at zero: a street seen for the first time gets every field.
function incCounts(db: Database, c: TallyCounts): Record<string, unknown> {
  const _ = db.command
  return { memberTotal: _.inc(c.memberTotal), reported: _.inc(c.reported), claimedPosts: _.inc(c.claimedPosts) }
}

/** The delta as one update: the unit's totals and each street's, by increments. */
function incUpdate(db: Database, delta: UnitDelta): Record<string, unknown> {
  const streets: Record<string, unknown> = {}
  for (const [streetId, counts] of delta.streets) streets[fieldKey(streetId)] = incCounts(db, counts)
  return { ...incCounts(db, delta.total), ...(delta.streets.size > 0 ? { streets } : {}) }
}

function freshTally(unit: UnitDoc, delta: UnitDelta): Omit<UnitTallyDoc, '_id'> {
  const streets: Record<string, TallyCounts> = {}
  for (const [streetId, counts] of delta.streets) streets[fieldKey(streetId)] = counts
  return { unitName: unit.name, districtId: unit.districtId, ...delta.total, streets }
}

/**
 * Applies the plan: one increment per unit touched, right after the write that
 * made the change has committed (its transaction computed the plan from what
 * it read). Not inside that transaction: every check-in of a unit would then
 * write the unit's one tally document, and a unit's members reporting at once
 * would conflict and fail (27 of 30 at once, measured); increments commute and
 * never conflict. A crash between the write and its increment is drift the
 * nightly recount reports and repairs. Creates the tally of `unit` (when
 * given) on first use; a unit without one otherwise waits for the recount.
 */
export async function applyTallyPlan(db: Database, plan: TallyPlan, unit?: UnitDoc): Promise<void> {
  for (const delta of plan.values()) {
    if ((await updateDoc(db, 'unitTallies', delta.unitId, incUpdate(db, delta))) > 0 || unit?._id !== delta.unitId) continue
    try {
      await addDoc(db, 'unitTallies', { _id: unit._id, ...freshTally(unit, delta) })
    } catch (error) {
      if (!isDuplicateKey(error)) throw error
      await updateDoc(db, 'unitTallies', unit._id, incUpdate(db, delta)) // another writer created it a moment ago
    }
  }
}
