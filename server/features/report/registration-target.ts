import type { Permission } from '../../../src/domain/permissions'
import type { KnownContext } from '../../kernel/function-def'
import type { CommunityDoc, MemberDoc, ReportDoc } from '../../db/docs'
import { loadCommunity, loadMember, memberScope } from '../../db/load'
import { activeReportOf } from '../../db/reports'
import { assertMayAccess } from '../../access/authorized-record'
import { ownMemberId } from '../../access/own-member'

// Whose 附件1 registration, in which community, and may the caller touch it.
// The community is where the member reported, or where they live if they have
// not reported yet; the member themself or that community's staff may fill it.

export interface RegistrationTarget {
  member: MemberDoc
  community: CommunityDoc
  report: ReportDoc | null
}

export async function registrationTarget(ctx: KnownContext, memberId: string | undefined, permission: Permission): Promise<RegistrationTarget> {
  const member = await loadMember(ctx.db, memberId ?? ownMemberId(ctx.principal))
  const report = await activeReportOf(ctx.db, member._id)
  const community = await loadCommunity(ctx.db, report?.communityId ?? member.communityId)
  const target = { ...memberScope(member), communityId: community._id, streetId: community.streetId, districtId: community.districtId }
  assertMayAccess(ctx, permission, target, '党员')
  return { member, community, report }
}

/** One registration per member per community: a member who moves registers again, claiming the new community's posts. */
export function registrationId(memberId: string, communityId: string): string {
  return `registration-${memberId}-${communityId}`
}
