import type { CorrectionView } from '../../../src/domain/contracts/corrections.contract'
import { OPEN_KEY, activityKeyOf, planRaise, type CorrectionField } from '../../../src/domain/corrections'
import { AppError } from '../../../src/domain/errors'
import { authorizedMember } from '../../access/authorized-record'
import { isDuplicateKey } from '../../db/db-errors'
import type { ActivityDoc, MemberDoc } from '../../db/docs'
import { findById, loadCommunity } from '../../db/load'
import { namesOf } from '../../db/names'
import { newId } from '../../db/new-id'
import { getRows } from '../../db/read'
import type { KnownContext } from '../../kernel/function-def'
import type { CorrectionDoc } from './correction-doc'
import { notifyRaised } from './correction-notify'
import { correctionView } from './correction-view'

// The unit's secretary or liaison raises a request about one of the unit's
// own members (another unit's member: NOT_FOUND). It goes to the community
// the member reported to; a member who has not reported has nothing held yet.
// Raising the same thing again while it is open returns the open request.

export interface RaiseInput {
  memberId: string
  field: CorrectionField
  activityId?: string
  text: string
}

async function openRequest(ctx: KnownContext, memberId: string, field: CorrectionField, activityKey: string): Promise<CorrectionDoc | undefined> {
  const [open] = await getRows<CorrectionDoc>(ctx.db.collection('corrections').where({ memberId, field, activityKey, liveKey: OPEN_KEY }).limit(1))
  return open
}

export async function raiseCorrection(ctx: KnownContext, input: RaiseInput): Promise<CorrectionView> {
  const member = await authorizedMember(ctx, input.memberId, 'correction.raise')
  const activityId = input.activityId ?? null
  const reportedCommunityId = member.report?.communityId ?? null
  const activityKey = activityKeyOf(input.field, activityId)
  const open = reportedCommunityId && (input.field === 'activity' || !activityId) ? await openRequest(ctx, member._id, input.field, activityKey) : undefined
  const plan = planRaise({ field: input.field, activityId, reportedCommunityId, open: open ?? null })
  if (plan.kind === 'existing') return correctionView(open!)

  const [community, activity, unitName] = await Promise.all([
    loadCommunity(ctx.db, plan.communityId),
    activityId ? findById<ActivityDoc>(ctx.db, 'activities', activityId) : Promise.resolve(undefined),
    unitNameOf(ctx, member),
  ])
  if (activityId && activity?.communityId !== community._id) throw new AppError('CORRECTION_ACTIVITY_INVALID')
  const now = ctx.now()
  const doc: CorrectionDoc = {
    _id: newId('correction'),
    memberId: member._id,
    memberName: member.name,
    unitId: member.unitId,
    unitName,
    communityId: community._id,
    communityName: community.name,
    streetId: community.streetId,
    districtId: community.districtId,
    field: input.field,
    activityId,
    activityTitle: activity?.title ?? null,
    activityKey: plan.activityKey,
    text: input.text,
    status: 'open',
    liveKey: OPEN_KEY,
    raisedBy: ctx.principal.userId,
    raisedByName: ctx.principal.name,
    raisedAt: now,
    answer: null,
    resolvedBy: null,
    resolvedByName: null,
    resolvedAt: null,
  }
  const { _id, ...data } = doc
  try {
    await ctx.db.collection('corrections').doc(_id).set({ data })
  } catch (error) {
    // Raised at the same moment by someone else of the unit: theirs is the open one.
    if (!isDuplicateKey(error)) throw error
    const theirs = await openRequest(ctx, member._id, input.field, plan.activityKey)
    if (!theirs) throw error
    return correctionView(theirs)
  }
  await notifyRaised(ctx, doc)
  return correctionView(doc)
}

async function unitNameOf(ctx: KnownContext, member: MemberDoc): Promise<string> {
  return member.unitName ?? (await namesOf(ctx.db, 'units', [member.unitId])).get(member.unitId) ?? ''
}
