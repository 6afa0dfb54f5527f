import type { BindingProof, BindResult } from '../../../src/domain/contracts/account.contract'
import { AppError } from '../../../src/domain/errors'
import { maskMobile } from '../../../src/domain/mobile'
import type { Grant } from '../../../src/domain/roles'
import type { FunctionContext } from '../../kernel/function-def'
import type { MemberDoc } from '../../db/docs'
import { getRows } from '../../db/read'
import { inTransaction } from '../../db/transaction'
import { assertNotLocked, countFailure } from '../../access/attempt-limit'
import { writeAudit } from '../../audit/audit-log'
import { newId } from '../../db/new-id'
import { resolveToken } from '../card/card-resolve'
import { bindingCodeMatches } from './binding-code'

interface UserDoc {
  _id: string
  openid: string
  name: string
  grants: Grant[]
}

export interface BindInput {
  token: string
  proof?: BindingProof
}

const memberGrant = (member: MemberDoc): Grant => ({ role: 'member', scope: { memberId: member._id, unitId: member.unitId, communityId: member.communityId } })

function bindAttemptKey(openid: string): string {
  return `bind:${openid}`
}

/**
 * A failed proof: counted against the caller (too many lock them out for a
 * while) and audited, then answered.
 */
async function refuse(ctx: FunctionContext, member: MemberDoc, failure: AppError, details: Record<string, unknown>): Promise<AppError> {
  const answer = await countFailure(ctx, bindAttemptKey(ctx.openid), failure)
  await writeAudit(ctx, 'account.bindFailed', { memberId: member._id, unitId: member.unitId }, { reason: failure.code, locked: answer.code === 'TOO_MANY_ATTEMPTS', ...details })
  return answer
}

/** Checks the proof that the caller is the member; returns whether it used the member's 绑定码. */
async function proveMember(ctx: FunctionContext, member: MemberDoc, proof: BindingProof): Promise<{ usedBindingCode: boolean }> {
  if ('phoneCode' in proof) {
    const phone = await ctx.openapi.phoneNumberOf(proof.phoneCode, ctx.openid)
    // An expired or reused code says nothing about the member: asked again, not counted.
    if (!phone) throw new AppError('PHONE_CODE_INVALID')
    if (phone !== member.mobile) throw await refuse(ctx, member, new AppError('PHONE_MISMATCH'), { phone: maskMobile(phone) })
    return { usedBindingCode: false }
  }
  if (!bindingCodeMatches(ctx.env.cardSecret, member, proof.bindingCode, ctx.now())) {
    throw await refuse(ctx, member, new AppError('BINDING_CODE_INVALID'), {})
  }
  return { usedBindingCode: true }
}

/**
 * Links the calling WeChat user to the member whose active card they scanned,
 * once they prove they are that member: anyone who saw the QR could scan it.
 * A card already linked to another WeChat user is refused (the unit reissues
 * the card to take the link back).
 */
export async function bindCard(ctx: FunctionContext, input: BindInput): Promise<BindResult> {
  if (!ctx.env.cardSecret) throw new AppError('CONFIG_MISSING')
  if (!ctx.openid) throw new AppError('AUTH_REQUIRED')
  await assertNotLocked(ctx, bindAttemptKey(ctx.openid))
  const { member } = await resolveToken(ctx.db, ctx.env.cardSecret, input.token)
  const [existing] = await getRows<UserDoc>(ctx.db.collection('users').where({ openid: ctx.openid }).limit(1))
  const alreadyGranted = existing?.grants.some((g) => g.role === 'member' && g.scope.memberId === member._id) ?? false
  // Scanning again once bound writes nothing and needs no new proof (a used 绑定码 is gone).
  if (member.boundUserId && member.boundUserId === existing?._id && alreadyGranted) return { memberName: member.name, bound: false }
  if (member.boundUserId && member.boundUserId !== existing?._id) throw new AppError('CARD_ALREADY_BOUND')
  if (!input.proof) throw new AppError('BIND_PROOF_REQUIRED')
  const { usedBindingCode } = await proveMember(ctx, member, input.proof)

  const now = ctx.now()
  const result = await inTransaction(ctx.db, async (t) => {
    const current = (await t.collection('members').doc<MemberDoc>(member._id).get()).data
    if (current.boundUserId && current.boundUserId !== existing?._id) throw new AppError('CARD_ALREADY_BOUND')
    // Single use: a 绑定码 taken by a racing bind (or replaced since) is no longer there.
    if (usedBindingCode && !bindingCodeMatches(ctx.env.cardSecret, current, (input.proof as { bindingCode: string }).bindingCode, now)) {
      throw new AppError('BINDING_CODE_INVALID')
    }

    const grants = [...(existing?.grants ?? []).filter((g) => !(g.role === 'member' && g.scope.memberId === member._id)), memberGrant(current)]
    const userId = existing?._id ?? newId('user')
    // A user who already has other roles (staff, secretary) keeps them and gains this one.
    if (existing) await t.collection('users').doc(userId).update({ data: { grants } })
    else await t.collection('users').doc(userId).set({ data: { openid: ctx.openid, name: member.name, grants } })
    await t.collection('members').doc(member._id).update({ data: { boundUserId: userId, updatedAt: now, ...(usedBindingCode ? { bindingCode: null } : {}) } })
    return { userId }
  })
  await writeAudit(ctx, 'account.bound', { memberId: member._id, unitId: member.unitId, userId: result.userId }, { proof: usedBindingCode ? 'bindingCode' : 'phone' })
  return { memberName: member.name, bound: true }
}
