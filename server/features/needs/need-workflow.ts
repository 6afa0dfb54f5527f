import { inChina } from '../../../src/domain/china-time'
import type { NeedDetail } from '../../../src/domain/contracts/needs.contract'
import { AppError } from '../../../src/domain/errors'
import { clockFor, FINAL_STATES, planNeedTransition, type Actor, type NeedEvent } from '../../../src/domain/need-rules'
import { ownMemberPlace } from '../../access/own-member'
import { loadMember } from '../../db/load'
import type { KnownContext } from '../../kernel/function-def'
import { loadNeed, needAs, type NeedRole } from './need-access'
import type { NeedDoc } from './need-doc'
import { notifyTransition } from './need-notify'
import { checkedPhotos } from './need-submit'
import { needDetail } from './need-view'

// Every move of a need after submission. The plan comes from the pure rules
// (need-rules.ts); the write applies only to the version the plan was made on,
// so of two members claiming one wish at the same moment exactly one gets it,
// and the other is told it is claimed. Each write appends who and when to the
// need's history.

type Extra = Partial<NeedDoc>

async function apply(ctx: KnownContext, need: NeedDoc, actor: Actor, event: NeedEvent, extra: (need: NeedDoc) => Extra = () => ({})): Promise<NeedDoc> {
  const now = ctx.now()
  const plan = planNeedTransition(need, event, actor, now)
  if ('refuse' in plan) throw new AppError(plan.refuse)
  const acceptedAt = plan.set.acceptedAt ?? need.acceptedAt
  // Whole arrays, not pushes: the write applies to this version only, so nothing written meanwhile is lost.
  const data = {
    ...plan.set,
    ...extra(need),
    state: plan.to,
    ...clockFor(plan.to, need.urgency, need.deadlines, { submittedAt: need.submittedAt, acceptedAt }),
    version: need.version + 1,
    history: [...need.history, plan.entry],
    updatedAt: now,
  }
  const result = (await ctx.db.collection('needs').where({ _id: need._id, version: need.version }).update({ data })) as { stats: { updated: number } }
  if (result.stats.updated === 0) {
    // Someone moved it first: refuse as the need now stands (a claimed wish says so).
    const current = await loadNeed(ctx, need._id)
    const again = planNeedTransition(current, event, actor, now)
    throw 'refuse' in again ? new AppError(again.refuse) : new AppError('CONFLICT')
  }
  const after: NeedDoc = { ...need, ...data }
  await notifyTransition(ctx, after, event)
  return after
}

async function move(ctx: KnownContext, needId: string, role: NeedRole, event: NeedEvent, extra?: (need: NeedDoc) => Extra): Promise<NeedDetail> {
  const { need, actor } = await needAs(ctx, needId, role)
  return needDetail(await apply(ctx, need, actor, event, extra), actor, ctx.now())
}

export const withdrawNeed = (ctx: KnownContext, needId: string) => move(ctx, needId, 'resident', { type: 'withdraw' })

export const addInfo = (ctx: KnownContext, needId: string, text: string) =>
  move(ctx, needId, 'resident', { type: 'addInfo' }, (need) => ({ additions: [...need.additions, { text, at: ctx.now() }] }))

export const acceptNeed = (ctx: KnownContext, needId: string) => move(ctx, needId, 'staff', { type: 'accept' })
export const rejectNeed = (ctx: KnownContext, needId: string, reason: string) => move(ctx, needId, 'staff', { type: 'reject', reason })
export const publishNeed = (ctx: KnownContext, needId: string) => move(ctx, needId, 'staff', { type: 'publish' })
export const closeNeed = (ctx: KnownContext, needId: string) => move(ctx, needId, 'staff', { type: 'close' })

/** Into another open need of the same community (a duplicate). */
export async function mergeNeed(ctx: KnownContext, needId: string, intoNeedId: string): Promise<NeedDetail> {
  const { need, actor } = await needAs(ctx, needId, 'staff')
  const into = intoNeedId === needId ? null : await needAs(ctx, intoNeedId, 'staff').catch(() => null)
  if (!into || into.need.communityId !== need.communityId || FINAL_STATES.includes(into.need.state)) throw new AppError('MERGE_TARGET_INVALID')
  return needDetail(await apply(ctx, need, actor, { type: 'merge', intoNeedId }), actor, ctx.now())
}

/** To a member living in the community. */
export async function assignNeed(ctx: KnownContext, needId: string, memberId: string): Promise<NeedDetail> {
  const { need, actor } = await needAs(ctx, needId, 'staff')
  const member = await loadMember(ctx.db, memberId).catch(() => null)
  if (!member || member.communityId !== need.communityId) throw new AppError('HELPER_NOT_IN_COMMUNITY')
  const after = await apply(ctx, need, actor, { type: 'assign', memberId, memberName: member.name }, () => ({ assignedMemberName: member.name }))
  return needDetail(after, actor, ctx.now())
}

/** Was this need on the caller's community's wall, and is it now another member's? */
async function claimedByAnother(ctx: KnownContext, needId: string): Promise<boolean> {
  if (!ctx.principal.grants.some((g) => g.role === 'member')) return false
  const need = await loadNeed(ctx, needId).catch(() => null)
  const member = ownMemberPlace(ctx.principal)
  return !!need && need.communityId === member.communityId && need.history.some((e) => e.event === 'publish') && !!need.assignedMemberId && need.assignedMemberId !== member._id
}

/** The wish goes to the caller's member, named as the roster names them (a user's own name may be a nickname). */
export async function claimNeed(ctx: KnownContext, needId: string): Promise<NeedDetail> {
  const { need, actor } = await needAs(ctx, needId, 'member').catch(async (error: unknown) => {
    // A wish a neighbour saw on the wall and someone else claimed since: say so, not NOT_FOUND.
    if (await claimedByAnother(ctx, needId)) throw new AppError('NEED_ALREADY_CLAIMED')
    throw error
  })
  const { name } = await loadMember(ctx.db, actor.role === 'member' ? actor.memberId : '')
  const after = await apply(ctx, need, actor, { type: 'claim', memberName: name }, () => ({ assignedMemberName: name }))
  return needDetail(after, actor, ctx.now())
}

export const declineNeed = (ctx: KnownContext, needId: string, reason: string) =>
  move(ctx, needId, 'member', { type: 'decline', reason }, () => ({ assignedMemberName: null }))

export interface Completion {
  what: string
  doneAt: Date
  hours: number
  photos: string[]
}

/** The member records what was done, when, and the hours; it counts as their service. */
export async function completeNeed(ctx: KnownContext, needId: string, input: Completion): Promise<NeedDetail> {
  const { need, actor } = await needAs(ctx, needId, 'member')
  if (input.doneAt.getTime() > ctx.now().getTime()) throw new AppError('DONE_IN_FUTURE')
  const photos = await checkedPhotos(ctx, input.photos)
  const completion = { what: input.what, doneAt: input.doneAt, hours: input.hours, photos, year: inChina(input.doneAt).year() }
  return needDetail(await apply(ctx, need, actor, { type: 'complete', hours: input.hours }, () => ({ completion })), actor, ctx.now())
}

export const rateNeed = (ctx: KnownContext, needId: string, rating: number, comment: string) =>
  move(ctx, needId, 'resident', { type: 'rate', rating }, () => ({ rating, comment }))
