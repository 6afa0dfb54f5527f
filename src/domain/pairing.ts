// 结对共建 (002 §二): a unit's party organisation, or one of its branches (支部),
// pairs with one or more communities. A pairing has a term: it starts when
// the street or district records it and ends when they end it; an ended term
// stays as history, and pairing again starts a new term.

export interface PairingTerm {
  unitId: string
  /** Null: the whole unit pairs; otherwise one branch of it. */
  branchId: string | null
  communityId: string
  startedAt: Date
  endedAt: Date | null
}

/** Where a member stands in their unit. */
export interface MemberBranch {
  unitId: string
  branchId: string | null
}

/** The key only an active term holds, so one (unit, branch, community) has at most one active term (unique index). */
export function activeKey(term: Pick<PairingTerm, 'unitId' | 'branchId' | 'communityId'>): string {
  return `${term.unitId}:${term.branchId ?? '*'}:${term.communityId}`
}

/** What an ended term keeps in the key's place: unique, and never an active key. */
export function endedKey(pairingId: string): string {
  return `ended:${pairingId}`
}

/** A unit-wide term applies to every member of the unit; a branch's, to that branch's members. */
export function appliesTo(term: PairingTerm, member: MemberBranch): boolean {
  return term.unitId === member.unitId && (term.branchId === null || term.branchId === member.branchId)
}

export function activeAt(term: PairingTerm, at: Date): boolean {
  return term.startedAt.getTime() <= at.getTime() && (term.endedAt === null || at.getTime() < term.endedAt.getTime())
}

/** The communities the member's unit (or branch) is paired with at `at`, each once. */
export function pairedCommunityIds(terms: readonly PairingTerm[], member: MemberBranch, at: Date): string[] {
  return [...new Set(terms.filter((t) => appliesTo(t, member) && activeAt(t, at)).map((t) => t.communityId))]
}

/** The key a term is mirrored under on its community's activities (activity-pairings.ts): the whole unit's, or one branch's. */
export function pairedKey(term: Pick<PairingTerm, 'unitId' | 'branchId'>): string {
  return term.branchId === null ? `unit:${term.unitId}` : `branch:${term.branchId}`
}

/** The mirror of a community's terms active at `at`, each key once. */
export function pairedKeysAt(terms: readonly PairingTerm[], at: Date): string[] {
  return [...new Set(terms.filter((t) => activeAt(t, at)).map(pairedKey))]
}

/** Does a community activity's mirror open it to the member: their unit, or their branch, is paired there. */
export function mirrorOpensTo(keys: readonly string[], member: { unitId: string; branchId?: string | null }): boolean {
  return keys.includes(pairedKey({ unitId: member.unitId, branchId: null })) || (!!member.branchId && keys.includes(pairedKey({ unitId: member.unitId, branchId: member.branchId })))
}

/** Was any of the unit's terms with the community (any branch) active at `at`? The organiser's rule. */
export function unitPairedAt(terms: readonly PairingTerm[], unitId: string, communityId: string, at: Date): boolean {
  return terms.some((t) => t.unitId === unitId && t.communityId === communityId && activeAt(t, at))
}

/** The China-time year's bounds, [start, end). */
export function yearBounds(year: number): { start: Date; end: Date } {
  // Midnight of 1 January in China is 16:00 UTC the day before.
  return { start: new Date(Date.UTC(year, 0, 1) - 8 * 3_600_000), end: new Date(Date.UTC(year + 1, 0, 1) - 8 * 3_600_000) }
}

/** Did the term run at some moment of the year? */
export function overlapsYear(term: PairingTerm, year: number): boolean {
  const { start, end } = yearBounds(year)
  return term.startedAt.getTime() < end.getTime() && (term.endedAt === null || term.endedAt.getTime() > start.getTime())
}
