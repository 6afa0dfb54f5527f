import { can } from '../../../src/domain/access'
import { AppError } from '../../../src/domain/errors'
import { mirrorOpensTo } from '../../../src/domain/pairing'
import type { Scope } from '../../../src/domain/roles'
import { ownMemberPlace, type MemberPlace } from '../../access/own-member'
import type { ActivityDoc } from '../../db/docs'
import { findById, notFound } from '../../db/load'
import { pairedCommunitiesOf } from '../../db/unit-pairings'
import type { KnownContext } from '../../kernel/function-def'
import { openToMember, organises } from './volunteer-access'

// Who may see and run an activity. Staff manage their community's; a unit's
// secretary or liaison manage their unit's (organised in a paired community),
// which that community's staff see. A member takes part in the community
// activities where they live and where their unit (or branch) is paired, and
// in their own unit's activities; a resident sees their community's published
// ones. An activity a caller may not see answers NOT_FOUND, as every record
// asked for by id does.

/** Where the activity is run from: the community's staff, or the organising unit. */
export function activityScope(activity: ActivityDoc): Scope {
  if (activity.organiserKind === 'unit') return { unitId: activity.unitId, districtId: activity.districtId }
  return { communityId: activity.communityId, streetId: activity.streetId, districtId: activity.districtId }
}

/** Who reads it: the community's side, and the organising unit's. */
function readScope(activity: ActivityDoc): Scope {
  return { communityId: activity.communityId, streetId: activity.streetId, districtId: activity.districtId, unitId: activity.unitId }
}

/** The communities whose community-organised activities are open to a member: where they live, and where their unit (or branch) is paired. */
export async function openCommunitiesOf(ctx: KnownContext, member: MemberPlace): Promise<string[]> {
  return [...new Set([member.communityId, ...(await pairedCommunitiesOf(ctx.db, member, ctx.now()))])]
}

/** Open to the member: their unit's own activity, or a community one where they live or are paired (by the activity's mirror; read only for an older one without it). */
export async function isOpenTo(ctx: KnownContext, activity: ActivityDoc, member: MemberPlace): Promise<boolean> {
  if (activity.status === 'draft') return false
  if (activity.organiserKind === 'unit') return activity.unitId === member.unitId
  if (activity.communityId === member.communityId) return true
  if (activity.pairedKeys) return mirrorOpensTo(activity.pairedKeys, member)
  return (await openCommunitiesOf(ctx, member)).includes(activity.communityId)
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

/**
 * Whose attendance list it is to read: the organiser's, and (read only, once
 * published) the staff of the community it is held in, whoever organised it —
 * the community sees each activity's sign-ups, waitlist and attendance (issue
 * 9 §5). Only a community-anchored grant covers a bare community scope.
 */
export async function attendanceReadable(ctx: KnownContext, activityId: string): Promise<ActivityDoc> {
  const activity = await loadActivity(ctx, activityId)
  if (manages(ctx, activity)) return activity
  if (activity.status !== 'draft' && can(ctx.principal, 'activity.manage', { communityId: activity.communityId })) return activity
  throw notFound('活动')
}

/** The caller's own member, when they are one. */
export function callerMember(ctx: KnownContext): MemberPlace | null {
  return ctx.principal.grants.some((g) => g.role === 'member') ? ownMemberPlace(ctx.principal) : null
}

/** Anyone's read: the organiser, a member it is open to, or (once published) its community's staff and residents and the organising unit. */
export async function readableActivity(ctx: KnownContext, activityId: string): Promise<{ activity: ActivityDoc; member: MemberPlace | null }> {
  const activity = await loadActivity(ctx, activityId)
  const member = callerMember(ctx)
  if (manages(ctx, activity)) return { activity, member }
  if (member && (await openToMember(ctx, activity, member))) return { activity, member }
  if (activity.status !== 'draft' && can(ctx.principal, 'activity.read', readScope(activity))) return { activity, member }
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
