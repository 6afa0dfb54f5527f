import { grantsAllowing } from '../../../src/domain/access'
import { VOLUNTEER_CATEGORY } from '../../../src/domain/service-catalog'
import type { Principal } from '../../../src/domain/roles'
import type { MemberPlace } from '../../access/own-member'
import type { ActivityDoc, RegistrationDoc } from '../../db/docs'
import { scanAll } from '../../db/read'
import type { KnownContext } from '../../kernel/function-def'
import { activityScope, isOpenTo } from './activity-access'

// The 区志愿者工作指导中心's activities (002 §三.4): it manages only its own,
// and they are open to the members of its district who chose the activity's
// 志愿专业服务 item in 附件1, wherever they live. Everyone else's activities
// keep the rules of activity-access.ts.

export function isCentreActivity(activity: Pick<ActivityDoc, 'organiserKind'>): boolean {
  return activity.organiserKind === 'volunteerCentre'
}

/** A centre grant manages the centre's activities of its district, and nothing else; other grants never the centre's. */
export function organises(principal: Principal, activity: ActivityDoc): boolean {
  return grantsAllowing(principal, 'activity.manage', activityScope(activity)).some((g) => (g.role === 'volunteerCentre') === isCentreActivity(activity))
}

/** The 志愿专业服务 items a member chose, by the district they registered in. */
export async function chosenItems(ctx: KnownContext, memberId: string): Promise<Array<{ districtId: string; item: string }>> {
  const registrations = await scanAll<RegistrationDoc>(ctx.db, 'registrations', { memberId, 'claims.category': VOLUNTEER_CATEGORY }, { fields: { districtId: true, claims: true } })
  return registrations.flatMap((r) => r.claims.flatMap((c) => ('postId' in c && c.category === VOLUNTEER_CATEGORY ? [{ districtId: r.districtId, item: c.postName }] : [])))
}

/** isOpenTo, with the centre's rule: one more read, for the centre's activities only. */
export async function openToMember(ctx: KnownContext, activity: ActivityDoc, member: MemberPlace): Promise<boolean> {
  if (!isCentreActivity(activity)) return isOpenTo(ctx, activity, member)
  if (activity.status === 'draft') return false
  return (await chosenItems(ctx, member._id)).some((c) => c.districtId === activity.districtId && c.item === activity.volunteerItem)
}
