import { authorize, can } from '../../../src/domain/access'
import type { NeedChannel, NeedDetail, NeedFields } from '../../../src/domain/contracts/needs.contract'
import { AppError } from '../../../src/domain/errors'
import { clockFor, deadlinesOf, submittedEntry, type Actor, type NeedDeadlines } from '../../../src/domain/need-rules'
import { authorizedPost } from '../../access/authorized-record'
import type { CommunityDoc } from '../../db/docs'
import { communityScope, loadCommunity } from '../../db/load'
import { newId } from '../../db/new-id'
import type { KnownContext } from '../../kernel/function-def'
import { readUpload } from '../../storage/uploads'
import type { NeedDoc } from './need-doc'
import { needDetail } from './need-view'

// A need enters the workflow here, whoever brings it: the resident themself,
// staff at the desk or on the phone, or a 征集记录 converted in one step
// (server/features/records/need-link.ts calls createNeed). Everything is
// checked before the one write: the category, each photo (the caller's own
// upload, an image by its bytes), the caller's right to the community.

/** A community's deadlines are its own when set (needs.setDeadlines). */
export type CommunityWithDeadlines = CommunityDoc & { needDeadlines?: Partial<NeedDeadlines> | null }

export interface NewNeed {
  communityId: string
  channel: NeedChannel
  fields: NeedFields
  /** The resident's user when they have one (self: the caller). */
  residentUserId: string | null
  /** The 征集记录 it comes from (channel `record`). */
  sourceRecordId?: string | null
}

/** The category as the need records it: a post of the community's catalog, or 其他. */
async function categoryOf(ctx: KnownContext, communityId: string, postId: string | null): Promise<string> {
  if (!postId) return '其他'
  const post = await authorizedPost(ctx, postId, 'posts.read')
  if (post.communityId !== communityId || !post.active) throw new AppError('CLAIM_NOT_AVAILABLE', '所选需求类别已停用或不属于该社区')
  return post.name
}

/** Each photo must be the caller's own image upload; returns the fileIDs, once each. */
export async function checkedPhotos(ctx: KnownContext, fileIDs: string[]): Promise<string[]> {
  const unique = [...new Set(fileIDs)]
  for (const fileID of unique) await readUpload(ctx, fileID, 'image')
  return unique
}

/** Creates a need in `pending`. Self-submission needs the caller to be a resident of the community; any other channel, its staff. */
export async function createNeed(ctx: KnownContext, input: NewNeed): Promise<NeedDoc> {
  const community = (await loadCommunity(ctx.db, input.communityId)) as CommunityWithDeadlines
  const scope = communityScope(community)
  const role = input.channel === 'self' ? 'resident' : 'staff'
  if (role === 'resident') {
    if (!can(ctx.principal, 'need.submit', scope)) throw new AppError('NEED_NOT_A_RESIDENT')
  } else {
    authorize(ctx.principal, 'need.manage', scope)
  }
  const { photos, ...fields } = input.fields
  const categoryName = await categoryOf(ctx, community._id, fields.postId)
  const checked = await checkedPhotos(ctx, photos)
  const now = ctx.now()
  const actor: Actor = { role, userId: ctx.principal.userId, name: ctx.principal.name }
  const deadlines = deadlinesOf(community)
  const need: NeedDoc = {
    ...fields,
    _id: newId('need'),
    communityId: community._id,
    streetId: community.streetId,
    districtId: community.districtId,
    categoryName,
    channel: input.channel,
    sourceRecordId: input.sourceRecordId ?? null,
    photos: checked,
    state: 'pending',
    deadlines,
    ...clockFor('pending', fields.urgency, deadlines, { submittedAt: now, acceptedAt: null }),
    version: 0,
    submittedAt: now,
    acceptedAt: null,
    completedAt: null,
    residentUserId: input.residentUserId,
    enteredBy: ctx.principal.userId,
    assignedMemberId: null,
    assignedMemberName: null,
    rejectReason: null,
    mergedInto: null,
    additions: [],
    completion: null,
    rating: null,
    comment: null,
    history: [submittedEntry(actor, now)],
    updatedAt: now,
  }
  const { _id, ...data } = need
  await ctx.db.collection('needs').doc(_id).set({ data })
  return need
}

/** A resident's own need, in the community their grant names. */
export async function submitNeed(ctx: KnownContext, fields: NeedFields): Promise<NeedDetail> {
  const communityId = ctx.principal.grants.find((g) => g.role === 'resident')?.scope.communityId
  if (!communityId) throw new AppError('NEED_NOT_A_RESIDENT')
  const need = await createNeed(ctx, { communityId, channel: 'self', fields, residentUserId: ctx.principal.userId })
  return needDetail(need, { role: 'resident', userId: ctx.principal.userId, name: ctx.principal.name }, ctx.now())
}

export async function enterNeed(ctx: KnownContext, input: NeedFields & { communityId: string; channel: 'desk' | 'phone' }): Promise<NeedDetail> {
  const { communityId, channel, ...fields } = input
  const need = await createNeed(ctx, { communityId, channel, fields, residentUserId: null })
  return needDetail(need, { role: 'staff', userId: ctx.principal.userId, name: ctx.principal.name }, ctx.now())
}
