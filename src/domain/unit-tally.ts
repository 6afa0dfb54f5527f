// Per-unit tallies for the district and street views: how many members a unit
// has, how many of them reported, and how many posts they claimed where they
// reported. Kept in `unitTallies`, one document per unit, with the same three
// figures per street the members live in (a street sees, per unit, the members
// who live in its communities). The writes that change a member change its
// tally by a delta plan made here; a recount compares the tallies with the
// records and repairs what drifted.

export interface TallyCounts {
  memberTotal: number
  reported: number
  claimedPosts: number
}

/** What one member adds to the tallies: where they belong and what they count for. */
export interface MemberContribution {
  unitId: string
  /** The street of the community they live in. */
  streetId: string
  reported: boolean
  /** Posts claimed in the community where they are reported now (0 when not reported). */
  claimedPosts: number
}

/** A unit's change: to its totals and to each street's. */
export interface UnitDelta {
  unitId: string
  total: TallyCounts
  streets: Map<string, TallyCounts>
}

/** Per unit; empty when nothing changes. */
export type TallyPlan = Map<string, UnitDelta>

export const ZERO: TallyCounts = Object.freeze({ memberTotal: 0, reported: 0, claimedPosts: 0 })

function countsOf(c: MemberContribution, sign: 1 | -1): TallyCounts {
  return { memberTotal: sign, reported: c.reported ? sign : 0, claimedPosts: sign * c.claimedPosts }
}

/** Counts as stored, a missing figure read as zero. */
export function countsFrom(c: Partial<TallyCounts> | undefined): TallyCounts {
  return { memberTotal: c?.memberTotal ?? 0, reported: c?.reported ?? 0, claimedPosts: c?.claimedPosts ?? 0 }
}

export function addCounts(a: TallyCounts, b: TallyCounts): TallyCounts {
  return { memberTotal: a.memberTotal + b.memberTotal, reported: a.reported + b.reported, claimedPosts: a.claimedPosts + b.claimedPosts }
}

export function isZero(c: TallyCounts): boolean {
  return c.memberTotal === 0 && c.reported === 0 && c.claimedPosts === 0
}

function add(plan: TallyPlan, c: MemberContribution, sign: 1 | -1): void {
  const unit = plan.get(c.unitId) ?? { unitId: c.unitId, total: ZERO, streets: new Map() }
  const counts = countsOf(c, sign)
  unit.total = addCounts(unit.total, counts)
  unit.streets.set(c.streetId, addCounts(unit.streets.get(c.streetId) ?? ZERO, counts))
  plan.set(c.unitId, unit)
}

/** Drops units and streets whose change is zero: a write that changes nothing tallied plans nothing. */
function pruned(plan: TallyPlan): TallyPlan {
  for (const [unitId, unit] of plan) {
    for (const [streetId, counts] of unit.streets) if (isZero(counts)) unit.streets.delete(streetId)
    if (unit.streets.size === 0 && isZero(unit.total)) plan.delete(unitId)
  }
  return plan
}

/**
 * The tally change of members going from `before` to `after` (null: not on any
 * roster). An import adds (null → member), a removal takes away (member →
 * null), a check-in or a move changes one member in place.
 */
export function tallyPlan(changes: ReadonlyArray<{ before: MemberContribution | null; after: MemberContribution | null }>): TallyPlan {
  const plan: TallyPlan = new Map()
  for (const { before, after } of changes) {
    if (before) add(plan, before, -1)
    if (after) add(plan, after, 1)
  }
  return pruned(plan)
}

export const memberChange = (before: MemberContribution | null, after: MemberContribution | null): TallyPlan => tallyPlan([{ before, after }])

/** A unit's tallies as stored (or recounted). */
export interface UnitTally {
  unitId: string
  total: TallyCounts
  streets: Record<string, TallyCounts>
}

/** The tallies the records say: every member's contribution, summed per unit and street. */
export function recount(unitIds: readonly string[], members: Iterable<MemberContribution>): Map<string, UnitTally> {
  const tallies = new Map<string, UnitTally>(unitIds.map((unitId) => [unitId, { unitId, total: ZERO, streets: {} }]))
  for (const m of members) {
    const t = tallies.get(m.unitId)
    if (!t) continue
    const counts = countsOf(m, 1)
    t.total = addCounts(t.total, counts)
    t.streets[m.streetId] = addCounts(t.streets[m.streetId] ?? ZERO, counts)
  }
  return tallies
}

function sameCounts(a: TallyCounts | undefined, b: TallyCounts | undefined): boolean {
  const x = countsFrom(a)
  const y = countsFrom(b)
  return x.memberTotal === y.memberTotal && x.reported === y.reported && x.claimedPosts === y.claimedPosts
}

/** Whether a stored tally says what the records say (zero equals not there, for a street or a whole tally). */
export function sameTally(stored: UnitTally | undefined, actual: UnitTally): boolean {
  const streetsOf = stored?.streets ?? {}
  if (!sameCounts(stored?.total, actual.total)) return false
  const streets = new Set([...Object.keys(streetsOf), ...Object.keys(actual.streets)])
  return [...streets].every((s) => sameCounts(streetsOf[s], actual.streets[s]))
}

/** A member as the tallies see them: reported where their active report is, claims counted only there. */
export function contributionOf(m: {
  unitId: string
  streetId: string
  /** The community of their active report, or null. */
  reportedIn: string | null
  /** Posts claimed per community they registered in. */
  claimCounts: Readonly<Record<string, number>>
}): MemberContribution {
  return { unitId: m.unitId, streetId: m.streetId, reported: m.reportedIn !== null, claimedPosts: m.reportedIn === null ? 0 : (m.claimCounts[m.reportedIn] ?? 0) }
}
