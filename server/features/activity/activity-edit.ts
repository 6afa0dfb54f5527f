import { authorize } from '../../../src/domain/access'
import type { ActivityView } from '../../../src/domain/contracts/activity.contract'
import { AppError } from '../../../src/domain/errors'
import { decideCapacity } from '../../../src/domain/signup'
import { unitPairedAt } from '../../../src/domain/pairing'
import type { ActivityDoc, CommunityDoc, PostDoc } from '../../db/docs'
import { communityScope, findById, loadCommunity, loadUnit, notFound, unitScope } from '../../db/load'
import { communityPairedKeys, unitPairingTerms } from '../../db/unit-pairings'
import { newId } from '../../db/new-id'
import { inTransaction } from '../../db/transaction'
import type { KnownContext } from '../../kernel/function-def'
import { managedActivity } from './activity-access'
import { notifyPromoted, notifySignedUp, timeText } from './activity-notify'
import { activityView } from './activity-view'
import { setSignupStatus } from './signup-write'

// The organiser's side of an activity's life: create a draft, edit, publish,
// cancel, end. A status change is a conditional update (only from the status it
// leaves), so two organisers pressing at once change it once.

type Schedule = Pick<ActivityDoc, 'startAt' | 'endAt' | 'signupOpensAt'> & { signupClosesAt: Date | null }

/** The schedule's own rules; returns the sign-up deadline, the start when none is given. */
function checkedSchedule(s: Schedule): Date {
  if (s.endAt.getTime() <= s.startAt.getTime()) throw new AppError('END_BEFORE_START')
  const closes = s.signupClosesAt ?? s.startAt
  if (closes.getTime() > s.endAt.getTime() || (s.signupOpensAt && s.signupOpensAt.getTime() >= closes.getTime())) throw new AppError('SIGNUP_WINDOW_INVALID')
  return closes
}

/** A post of the activity's community catalog (a unit organiser picks from the paired community's). */
async function postOf(ctx: KnownContext, communityId: string, postId: string | null): Promise<{ postId: string | null; postName: string | null }> {
  if (!postId) return { postId: null, postName: null }
  // Any organiser of the community's activities may pick from its catalog; a
  // unit organiser holds no community scope, so the post's own check is here.
  const post = await findById<PostDoc>(ctx.db, 'posts', postId)
  if (!post) throw notFound('服务项目')
  if (post.communityId !== communityId || !post.active) throw new AppError('CLAIM_NOT_AVAILABLE', '所选服务项目已停用或不属于该社区')
  return { postId: post._id, postName: post.name }
}

/** Who organises: the community's staff, or (with `unitId`) the unit's secretary or liaison, only in a community the unit is paired with now. */
async function organiserOf(ctx: KnownContext, community: CommunityDoc, unitId: string | undefined): Promise<Pick<ActivityDoc, 'organiserKind' | 'unitId' | 'unitName'>> {
  if (!unitId) {
    const grant = authorize(ctx.principal, 'activity.manage', communityScope(community))
    // The centre publishes through createVolunteer, for one of its items.
    if (grant.role === 'volunteerCentre') throw new AppError('FORBIDDEN')
    return { organiserKind: 'community' }
  }
  const unit = await loadUnit(ctx.db, unitId)
  authorize(ctx.principal, 'activity.manage', unitScope(unit))
  if (!unitPairedAt(await unitPairingTerms(ctx.db, unit._id), unit._id, community._id, ctx.now())) throw new AppError('COMMUNITY_NOT_PAIRED')
  return { organiserKind: 'unit', unitId: unit._id, unitName: unit.name }
}

export interface ActivityFields {
  title: string
  postId: string | null
  description: string
  place: string
  startAt: Date
  endAt: Date
  signupRequired: boolean
  capacity: number
  signupOpensAt: Date | null
  signupClosesAt: Date | null
  location: ActivityDoc['location']
}

export async function createActivity(ctx: KnownContext, input: ActivityFields & { communityId: string; unitId?: string }): Promise<ActivityView> {
  const community = await loadCommunity(ctx.db, input.communityId)
  return insertDraft(ctx, community, input, { ...(await organiserOf(ctx, community, input.unitId)), ...(await postOf(ctx, community._id, input.postId)) })
}

/** The organiser's side of a new draft: who organises it and the post it serves. */
export type Organiser = Pick<ActivityDoc, 'organiserKind' | 'unitId' | 'unitName' | 'postId' | 'postName' | 'volunteerItem'>

export async function insertDraft(ctx: KnownContext, community: CommunityDoc, input: ActivityFields & { communityId: string; unitId?: string }, organiser: Organiser): Promise<ActivityView> {
  const signupClosesAt = checkedSchedule(input)
  const now = ctx.now()
  const { communityId: _communityId, unitId: _unitId, ...fields } = input
  const activity: ActivityDoc = {
    ...fields,
    ...organiser,
    _id: newId('activity'),
    communityId: community._id,
    streetId: community.streetId,
    districtId: community.districtId,
    status: 'draft',
    signupClosesAt,
    signedUp: 0,
    waitlist: [],
    cancelReason: null,
    ...(await pairingMirror(ctx, organiser, community._id)),
    createdBy: ctx.principal.userId,
    createdAt: now,
    updatedAt: now,
  }
  const { _id, ...data } = activity
  await ctx.db.collection('activities').doc(_id).set({ data })
  return activityView(activity, community.name, null)
}

export async function updateActivity(ctx: KnownContext, input: Partial<ActivityFields> & { activityId: string; note: string }): Promise<ActivityView> {
  const before = await managedActivity(ctx, input.activityId)
  if (before.status === 'ended' || before.status === 'cancelled') throw new AppError('ACTIVITY_CLOSED')
  const { activityId, note, ...changes } = input
  const post = changes.postId === undefined ? {} : await postOf(ctx, before.communityId, changes.postId)
  const now = ctx.now()
  // Read and written in one transaction with the counters: a capacity is
  // checked against the seats as they are, and a larger one takes the waitlist.
  const updated = await inTransaction(ctx.db, async (t) => {
    const current = (await t.collection('activities').doc<ActivityDoc>(activityId).get()).data
    const merged = { ...current, ...changes, ...post }
    // A new start moves a deadline left unset with it.
    const signupClosesAt = checkedSchedule({ ...merged, signupClosesAt: changes.signupClosesAt === undefined && changes.startAt ? null : merged.signupClosesAt })
    const capacity = decideCapacity(current, merged.capacity)
    if ('refuse' in capacity) throw new AppError(capacity.refuse)
    for (const memberId of capacity.promote) await setSignupStatus(t, activityId, memberId, 'signedUp', now)
    const next: ActivityDoc = {
      ...merged,
      signupClosesAt,
      signedUp: current.signedUp + capacity.promote.length,
      waitlist: current.waitlist.slice(capacity.promote.length),
      updatedAt: now,
    }
    const { _id, ...data } = next
    await t.collection('activities').doc(activityId).set({ data })
    return { next, promoted: capacity.promote }
  })
  const { next: after, promoted } = updated
  await notifyPromoted(ctx, after, promoted, now)
  const moved = after.startAt.getTime() !== before.startAt.getTime() || after.endAt.getTime() !== before.endAt.getTime() || after.place !== before.place
  if (after.status === 'published' && moved) {
    await notifySignedUp(ctx, after, (memberId) => ({
      kind: 'activityChanged',
      key: `activityChanged:${after._id}:${after.updatedAt.getTime()}:${memberId}`,
      values: { activity: after.title, time: timeText(after), place: after.place, note: note || '活动时间或地点已变更' },
    }))
  }
  return activityView(after, (await loadCommunity(ctx.db, after.communityId)).name, null)
}

/** Moves the activity from `from` to `to` once; a second press finds it moved and is refused with its status. */
async function transition(ctx: KnownContext, activity: ActivityDoc, from: ActivityDoc['status'][], data: Partial<ActivityDoc>): Promise<ActivityDoc> {
  const _ = ctx.db.command
  const result = (await ctx.db.collection('activities').where({ _id: activity._id, status: _.in(from) }).update({ data })) as { stats: { updated: number } }
  if (result.stats.updated === 0) {
    const now = await managedActivity(ctx, activity._id)
    throw new AppError(now.status === 'cancelled' ? 'ACTIVITY_CANCELLED' : now.status === 'ended' ? 'ACTIVITY_ENDED' : 'ACTIVITY_NOT_OPEN')
  }
  return { ...activity, ...data }
}

async function viewOf(ctx: KnownContext, activity: ActivityDoc): Promise<ActivityView> {
  return activityView(activity, (await loadCommunity(ctx.db, activity.communityId)).name, null)
}

/** A community activity's mirror of its community's pairings now; none for the others, whose members are not by pairing. */
async function pairingMirror(ctx: KnownContext, organiser: Pick<ActivityDoc, 'organiserKind'>, communityId: string): Promise<Pick<ActivityDoc, 'pairedKeys'>> {
  return organiser.organiserKind === 'community' ? { pairedKeys: await communityPairedKeys(ctx.db, communityId, ctx.now()) } : {}
}

export async function publishActivity(ctx: KnownContext, activityId: string): Promise<ActivityView> {
  const activity = await managedActivity(ctx, activityId)
  // Taken afresh: a draft from before the mirror gets one, and pairings keep it from here (pairing-edit.ts).
  const mirror = await pairingMirror(ctx, activity, activity.communityId)
  return viewOf(ctx, await transition(ctx, activity, ['draft'], { status: 'published', ...mirror, updatedAt: ctx.now() }))
}

export async function cancelActivity(ctx: KnownContext, activityId: string, reason: string): Promise<ActivityView> {
  const activity = await managedActivity(ctx, activityId)
  const cancelled = await transition(ctx, activity, ['draft', 'published'], { status: 'cancelled', cancelReason: reason, updatedAt: ctx.now() })
  // Anyone already signed in to it: their record counts for nobody's year, and one query can tell.
  await ctx.db.collection('attendance').where({ activityId }).update({ data: { activityCancelled: true } })
  if (activity.status === 'published') {
    await notifySignedUp(ctx, cancelled, (memberId) => ({
      kind: 'activityCancelled',
      key: `activityCancelled:${activity._id}:${memberId}`,
      values: { activity: activity.title, time: timeText(activity), reason },
    }))
  }
  return viewOf(ctx, cancelled)
}

/** Members signed in but not out are signed out at the scheduled end (activity-hours.ts credits no more). */
export async function endActivity(ctx: KnownContext, activityId: string): Promise<ActivityView> {
  const activity = await managedActivity(ctx, activityId)
  const now = ctx.now()
  if (activity.status === 'published' && now.getTime() < activity.startAt.getTime()) throw new AppError('ACTIVITY_NOT_STARTED')
  const ended = await transition(ctx, activity, ['published'], { status: 'ended', endedAt: now, updatedAt: now })
  await ctx.db
    .collection('attendance')
    .where({ activityId, outAt: null })
    .update({ data: { outAt: activity.endAt, outMethod: 'scheduledEnd' } })
  return viewOf(ctx, ended)
}
