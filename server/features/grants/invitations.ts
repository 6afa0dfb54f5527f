import type { InvitationView } from '../../../src/domain/contracts/grants.contract'
import { AppError } from '../../../src/domain/errors'
import { canGrant, withGrant, type GrantableRole } from '../../../src/domain/grant-rules'
import { INVITATION_TTL_MS, invitationRefusal } from '../../../src/domain/invitation'
import { ROLE_LABELS, type Grant, type Scope } from '../../../src/domain/roles'
import type { FunctionContext, KnownContext } from '../../kernel/function-def'
import { loadPrincipal } from '../../kernel/principal'
import { assertNotLocked } from '../../access/attempt-limit'
import { writeAudit } from '../../audit/audit-log'
import { findById } from '../../db/load'
import { newId } from '../../db/new-id'
import { inTransaction } from '../../db/transaction'
import { findUserByOpenid, type UserDoc } from '../../db/users'
import { qrDataUrl } from '../card/card-view'
import { grantPlace } from './grant-places'
import { grantAttemptKey, refuseGrant } from './grant-refusal'
import { invitationIdOf, signInvitation } from './invitation-token'

// An invitation: one role on one place, made by someone who may grant it,
// accepted once by whoever opens it in WeChat before it expires. The
// inviter's right is checked again at acceptance: a revoked inviter's
// invitations grant nothing.

export interface InvitationDoc {
  _id: string
  role: GrantableRole
  scope: Scope
  placeId: string
  placeName: string
  /** The place's own name, for the grant (Grant.placeName); absent on invitations made before it was kept. */
  placeOwnName?: string
  inviteeName: string
  createdBy: { userId: string; openid: string; name: string }
  createdAt: Date
  expiresAt: Date
  acceptedBy?: string | null
  acceptedAt?: Date | null
}

/** The page that accepts an invitation (src/packages/admin/accept), token included. */
export const acceptPath = (token: string) => `/packages/admin/accept/index?t=${token}`

export async function invite(ctx: KnownContext, input: { role: GrantableRole; placeId: string; inviteeName: string }): Promise<InvitationView> {
  if (!ctx.env.cardSecret) throw new AppError('CONFIG_MISSING')
  await assertNotLocked(ctx, grantAttemptKey(ctx.openid))
  const place = await grantPlace(ctx.db, input.role, input.placeId)
  if (!canGrant(ctx.principal.grants, input.role, place.scope)) {
    throw await refuseGrant(ctx, new AppError('GRANT_OUT_OF_SCOPE'), { placeId: input.placeId }, { role: input.role, step: 'invite' })
  }
  const now = ctx.now()
  const doc: InvitationDoc = {
    _id: newId('inv'),
    role: input.role,
    scope: place.scope,
    placeId: input.placeId,
    placeName: place.name,
    placeOwnName: place.ownName,
    inviteeName: input.inviteeName,
    createdBy: { userId: ctx.principal.userId, openid: ctx.openid, name: ctx.principal.name },
    createdAt: now,
    expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
    acceptedBy: null,
  }
  const { _id, ...data } = doc
  await ctx.db.collection('invitations').doc(_id).set({ data })
  await writeAudit(ctx, 'grants.invited', { invitationId: _id, placeId: input.placeId }, { role: input.role, inviteeName: input.inviteeName })
  const token = signInvitation(ctx.env.cardSecret, _id)
  return {
    invitationId: _id,
    token,
    path: acceptPath(token),
    qrDataUrl: await qrDataUrl(token),
    roleLabel: ROLE_LABELS[input.role],
    placeName: place.name,
    inviteeName: input.inviteeName,
    expiresAt: doc.expiresAt.toISOString(),
  }
}

/** The invitation a token names; a token that is not ours, or names nothing, is INVITATION_INVALID (counted). */
async function invitationOf(ctx: FunctionContext, token: string): Promise<InvitationDoc> {
  if (!ctx.env.cardSecret) throw new AppError('CONFIG_MISSING')
  const id = invitationIdOf(ctx.env.cardSecret, token)
  const doc = id ? await findById<InvitationDoc>(ctx.db, 'invitations', id) : undefined
  if (!doc) throw await refuseGrant(ctx, new AppError('INVITATION_INVALID'), {}, { step: 'accept' })
  return doc
}

export async function previewInvitation(ctx: FunctionContext, input: { token: string }) {
  await assertNotLocked(ctx, grantAttemptKey(ctx.openid))
  const doc = await invitationOf(ctx, input.token)
  const user = ctx.principal ? ctx.principal.userId : null
  const refusal = invitationRefusal(doc, user, ctx.now())
  if (refusal) throw new AppError(refusal)
  return { roleLabel: ROLE_LABELS[doc.role], placeName: doc.placeName, inviterName: doc.createdBy.name, inviteeName: doc.inviteeName, expiresAt: doc.expiresAt.toISOString() }
}

export async function acceptInvitation(ctx: FunctionContext, input: { token: string }) {
  if (!ctx.openid) throw new AppError('AUTH_REQUIRED')
  await assertNotLocked(ctx, grantAttemptKey(ctx.openid))
  const doc = await invitationOf(ctx, input.token)
  const existing = await findUserByOpenid(ctx.db, ctx.openid)
  const target = { invitationId: doc._id, placeId: doc.placeId }
  const refusal = invitationRefusal(doc, existing?._id ?? null, ctx.now())
  if (refusal) throw await refuseGrant(ctx, new AppError(refusal), target, { role: doc.role, step: 'accept' })
  const answer = { roleLabel: ROLE_LABELS[doc.role], placeName: doc.placeName }
  // Accepted already by this same user: nothing to write.
  if (existing && doc.acceptedBy === existing._id) return { ...answer, accepted: false }

  const inviter = await loadPrincipal(ctx.db, doc.createdBy.openid)
  if (!inviter || !canGrant(inviter.grants, doc.role, doc.scope)) {
    throw await refuseGrant(ctx, new AppError('INVITATION_CANCELLED'), target, { role: doc.role, step: 'accept' })
  }

  const now = ctx.now()
  const userId = existing?._id ?? newId('user')
  const grant: Grant = { role: doc.role, scope: doc.scope, ...(doc.placeOwnName ? { placeName: doc.placeOwnName } : {}) }
  await inTransaction(ctx.db, async (t) => {
    const current = (await t.collection('invitations').doc<InvitationDoc>(doc._id).get()).data
    // Taken by a racing acceptance since it was read above.
    const raced = invitationRefusal(current, userId, now)
    if (raced || current.acceptedBy) throw new AppError(raced ?? 'INVITATION_USED')
    await t.collection('invitations').doc(doc._id).update({ data: { acceptedBy: userId, acceptedAt: now } })
    if (existing) {
      const user = (await t.collection('users').doc<UserDoc>(userId).get()).data
      await t.collection('users').doc(userId).update({ data: { grants: withGrant(user.grants ?? [], grant) } })
    } else {
      await t.collection('users').doc(userId).set({ data: { openid: ctx.openid, name: doc.inviteeName, grants: [grant] } })
    }
  })
  const actor = ctx.principal ?? { userId, openid: ctx.openid, name: doc.inviteeName, grants: [grant] }
  await writeAudit({ ...ctx, principal: actor }, 'grants.granted', { ...target, userId }, { role: doc.role, invitedBy: doc.createdBy.userId, inviterName: doc.createdBy.name })
  return { ...answer, accepted: true }
}
