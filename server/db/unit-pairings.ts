import { pairedCommunityIds, pairedKey, pairedKeysAt, type MemberBranch } from '../../src/domain/pairing'
import type { Database } from '../kernel/database'
import type { ActivityDoc, MemberDoc, UnitPairingDoc } from './docs'
import { findById } from './load'
import { scanAll } from './read'

// The unit's 结对共建 terms as the activities read them (who may organise
// where, which communities' activities a member sees, what counts).

/** Every term of the unit, active and ended. */
export function unitPairingTerms(db: Database, unitId: string): Promise<UnitPairingDoc[]> {
  return scanAll<UnitPairingDoc>(db, 'unitPairings', { unitId })
}

/** The member's unit and branch: as the caller has it, else read from the member record. */
async function memberBranch(db: Database, member: { _id: string; unitId: string; branchId?: string | null }): Promise<MemberBranch> {
  if (member.branchId !== undefined) return { unitId: member.unitId, branchId: member.branchId }
  const doc = await findById<Pick<MemberDoc, 'branchId'>>(db, 'members', member._id)
  return { unitId: member.unitId, branchId: doc?.branchId ?? null }
}

/** The communities the member's unit, or their branch, is paired with now: one request, two when a branch pairs and the member's branch is not known. */
export async function pairedCommunitiesOf(db: Database, member: { _id: string; unitId: string; branchId?: string | null }, now: Date): Promise<string[]> {
  const terms = await scanAll<UnitPairingDoc>(db, 'unitPairings', { unitId: member.unitId, status: 'active' })
  const branch = terms.some((t) => t.branchId !== null) ? await memberBranch(db, member) : { unitId: member.unitId, branchId: null }
  return pairedCommunityIds(terms, branch, now)
}

// The mirror on a community's activities (issue 9: a sign-in in four
// requests): the keys of the units and branches paired with the community,
// taken when the activity is created and again when published, and kept by
// the pairing's start and end, so a member's access needs no pairing read.
// An activity from before the mirror has no `pairedKeys` and reads the terms.

/** The mirror of the community's active terms now: one request. */
export async function communityPairedKeys(db: Database, communityId: string, now: Date): Promise<string[]> {
  return pairedKeysAt(await scanAll<UnitPairingDoc>(db, 'unitPairings', { communityId, status: 'active' }), now)
}

/** A term started or ended: its key added to, or taken from, the mirror of each of its community's activities not yet over, in one request. */
export async function mirrorPairing(db: Database, term: Pick<UnitPairingDoc, 'unitId' | 'branchId' | 'communityId'>, change: 'started' | 'ended'): Promise<void> {
  const _ = db.command
  const key = pairedKey(term)
  const pairedKeys = change === 'started' ? _.addToSet(key) : _.pull(key)
  await db
    .collection('activities')
    // Only a mirror already there: a new one of one key would shut out the community's other pairings.
    .where({ communityId: term.communityId, organiserKind: 'community', status: _.in(['draft', 'published'] satisfies ActivityDoc['status'][]), pairedKeys: _.exists(true) })
    .update({ data: { pairedKeys } })
}
