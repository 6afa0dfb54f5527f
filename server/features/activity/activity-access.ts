import { can } from '../../../src/domain/access'
import { AppError } from '../../../src/domain/errors'
import type { Scope } from '../../../src/domain/roles'
import { ownMemberPlace, type MemberPlace } from '../../access/own-member'
import type { ActivityDoc } from '../../db/docs'
import { findById, notFound } from '../../db/load'
import type { KnownContext } from '../../kernel/function-def'
import { openToMember, organises } from './volunteer-access'

// Who may see and run an activity. Staff manage their community's; a member
// takes part where they live (their unit's paired communities come with
// pairing); a resident sees their community's published ones. An activity a
// caller may not see answers NOT_FOUND, as every record asked for by id does.

export function activityScope(activity: ActivityDoc): Scope {
  return { communityId: activity.communityId, streetId: activity.streetId, districtId: activity.districtId }
}

/** The communities whose activities are open to a member. */
export function openCommunitiesOf(member: MemberPlace): string[] {
  return [member.communityId]
}

export function isOpenTo(activity: ActivityDoc, member: MemberPlace): boolean {
  return activity.status !== 'draft' && openCommunitiesOf(member).includes(activity.communityId)
}

async function loadActivity(ctx: KnownContext, activityId: string): Promise<ActivityDoc> {
  const activity = await findById<ActivityDoc>(ctx.db, 'activities', activityId)
  if (!activity) throw notFound('活动')
  return activity
}

/** The organiser's load: NOT_FOUND unless the caller manages the activity's scope. */
export async function managedActivity(ctx: KnownContext, activityId: string): Promise<ActivityDoc> {
  const activity = await loadActivity(ctx, activityId)
  if (!manages(ctx, activity)) throw notFound('活动')
  return activity
}

function manages(ctx: KnownContext, activity: ActivityDoc): boolean {
  return organises(ctx.principal, activity)
}

/** The caller's own member, when they are one. */
export function callerMember(ctx: KnownContext): MemberPlace | null {
  return ctx.principal.grants.some((g) => g.role === 'member') ? ownMemberPlace(ctx.principal) : null
}

/** Anyone's read: the organiser, a member it is open to, or a resident of its community once published. */
export async function readableActivity(ctx: KnownContext, activityId: string): Promise<{ activity: ActivityDoc; member: MemberPlace | null }> {
  const activity = await loadActivity(ctx, activityId)
  const member = callerMember(ctx)
  if (manages(ctx, activity)) return { activity, member }
  if (member && (await openToMember(ctx, activity, member))) return { activity, member }
  if (activity.status !== 'draft' && can(ctx.principal, 'activity.read', activityScope(activity))) return { activity, member }
  throw notFound('活动')
}

/** A member acting on an activity by id (sign-up): NOT_FOUND unless it is open to them. */
export async function memberActivity(ctx: KnownContext, activityId: string): Promise<{ activity: ActivityDoc; member: MemberPlace }> {
  const activity = await loadActivity(ctx, activityId)
  const member = ownMemberPlace(ctx.principal)
  if (!(await openToMember(ctx, activity, member))) throw notFound('活动')
  return { activity, member }
}

/** A member the organiser signs in (by card or by hand) must be one the activity is open to. */
export async function requireOpenTo(ctx: KnownContext, activity: ActivityDoc, member: MemberPlace): Promise<void> {
  if (!(await openToMember(ctx, activity, member))) throw new AppError('ACTIVITY_NOT_FOR_YOU', '该党员不属于本活动面向的社区或单位')
}
