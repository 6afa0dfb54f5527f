import { can, grantsAllowing } from '../../../src/domain/access'
import { unitPairedAt } from '../../../src/domain/pairing'
import type { Principal } from '../../../src/domain/roles'
import type { Database } from '../../kernel/database'
import type { CommunityDoc, MemberDoc } from '../../db/docs'
import { communityScope } from '../../db/load'
import { docsByIds } from '../../db/by-ids'
import { activeReportsOf } from '../../db/reports'
import { unitPairingTerms } from '../../db/unit-pairings'
import { ownMemberIds } from '../../access/own-member'

/**
 * May the caller read this community's active posts without managing them?
 * Residents of the community may; so may members who live or reported there.
 * A member's grant carries the community of when it was made, so the member
 * record (which follows moves) decides, not the grant. A unit's secretary or
 * liaison may, in a community the unit is paired with now (the posts their
 * unit's activities there can serve).
 */
export async function mayBrowsePosts(db: Database, principal: Principal, community: CommunityDoc, now: Date): Promise<boolean> {
  if (can(principal, 'posts.read', communityScope(community))) return true
  if (await unitPairedHere(db, principal, community, now)) return true
  const memberIds = ownMemberIds(principal)
  if (memberIds.length === 0) return false
  const members = await docsByIds<MemberDoc>(db, 'members', memberIds)
  if ([...members.values()].some((m) => m.communityId === community._id)) return true
  const reports = await activeReportsOf(db, memberIds)
  return [...reports.values()].some((r) => r.communityId === community._id)
}

async function unitPairedHere(db: Database, principal: Principal, community: CommunityDoc, now: Date): Promise<boolean> {
  // A member's grant names a unit too: only the unit's own roles count here.
  for (const grant of grantsAllowing(principal, 'posts.read').filter((g) => g.role === 'secretary' || g.role === 'liaison')) {
    const unitId = grant.scope.unitId
    if (!unitId) continue
    if (unitPairedAt(await unitPairingTerms(db, unitId), unitId, community._id, now)) return true
  }
  return false
}
