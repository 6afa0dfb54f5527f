import { can } from '../../../src/domain/access'
import type { Principal } from '../../../src/domain/roles'
import type { Database } from '../../kernel/database'
import type { CommunityDoc, MemberDoc } from '../../db/docs'
import { communityScope } from '../../db/load'
import { docsByIds } from '../../db/by-ids'
import { activeReportsOf } from '../../db/reports'
import { ownMemberIds } from '../../access/own-member'

/**
 * May the caller read this community's active posts without managing them?
 * Residents of the community may; so may members who live or reported there.
 * A member's grant carries the community of when it was made, so the member
 * record (which follows moves) decides, not the grant.
 */
export async function mayBrowsePosts(db: Database, principal: Principal, community: CommunityDoc): Promise<boolean> {
  if (can(principal, 'posts.read', communityScope(community))) return true
  const memberIds = ownMemberIds(principal)
  if (memberIds.length === 0) return false
  const members = await docsByIds<MemberDoc>(db, 'members', memberIds)
  if ([...members.values()].some((m) => m.communityId === community._id)) return true
  const reports = await activeReportsOf(db, memberIds)
  return [...reports.values()].some((r) => r.communityId === community._id)
}
