import { pairedCommunityIds, type MemberBranch } from '../../src/domain/pairing'
import type { Database } from '../kernel/database'
import type { MemberDoc, UnitPairingDoc } from './docs'
import { findById } from './load'
import { scanAll } from './read'

// The unit's 结对共建 terms as the activities read them (who may organise
// where, which communities' activities a member sees, what counts).

/** Every term of the unit, active and ended. */
export function unitPairingTerms(db: Database, unitId: string): Promise<UnitPairingDoc[]> {
  return scanAll<UnitPairingDoc>(db, 'unitPairings', { unitId })
}

/** The member's unit and branch, read from the member record (the principal carries no branch). */
async function memberBranch(db: Database, member: { _id: string; unitId: string }): Promise<MemberBranch> {
  const doc = await findById<Pick<MemberDoc, 'branchId'>>(db, 'members', member._id)
  return { unitId: member.unitId, branchId: doc?.branchId ?? null }
}

/** The communities the member's unit, or their branch, is paired with now: one request, two when a branch pairs. */
export async function pairedCommunitiesOf(db: Database, member: { _id: string; unitId: string }, now: Date): Promise<string[]> {
  const terms = await scanAll<UnitPairingDoc>(db, 'unitPairings', { unitId: member.unitId, status: 'active' })
  const branch = terms.some((t) => t.branchId !== null) ? await memberBranch(db, member) : { unitId: member.unitId, branchId: null }
  return pairedCommunityIds(terms, branch, now)
}
