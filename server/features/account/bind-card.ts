import type { BindResult } from '../../../src/domain/contracts/account.contract'
import { AppError } from '../../../src/domain/errors'
import type { Grant } from '../../../src/domain/roles'
import type { FunctionContext } from '../../kernel/function-def'
import type { MemberDoc } from '../../db/docs'
import { getRows } from '../../db/read'
import { inTransaction } from '../../db/transaction'
import { newId } from '../../db/new-id'
import { resolveCard } from '../card/card-resolve'

interface UserDoc {
  _id: string
  openid: string
  name: string
  grants: Grant[]
}

const memberGrant = (member: MemberDoc): Grant => ({ role: 'member', scope: { memberId: member._id, unitId: member.unitId, communityId: member.communityId } })

/**
 * Links the calling WeChat user to the member whose active card they scanned.
 * Holding the card is the proof; a card already linked to another WeChat user
 * is refused (the unit reissues the card to take the link back).
 */
export async function bindCard(ctx: FunctionContext, token: string): Promise<BindResult> {
  if (!ctx.env.cardSecret) throw new AppError('CONFIG_MISSING')
  if (!ctx.openid) throw new AppError('AUTH_REQUIRED')
  const { member } = await resolveCard(ctx.db, ctx.env.cardSecret, { token })
  const [existing] = await getRows<UserDoc>(ctx.db.collection('users').where({ openid: ctx.openid }).limit(1))

  return inTransaction(ctx.db, async (t) => {
    const current = (await t.collection('members').doc<MemberDoc>(member._id).get()).data
    if (current.boundUserId && current.boundUserId !== existing?._id) throw new AppError('CARD_ALREADY_BOUND')
    const alreadyGranted = existing?.grants.some((g) => g.role === 'member' && g.scope.memberId === member._id) ?? false
    if (current.boundUserId && alreadyGranted) return { memberName: member.name, bound: false }

    const grants = [...(existing?.grants ?? []).filter((g) => !(g.role === 'member' && g.scope.memberId === member._id)), memberGrant(current)]
    const userId = existing?._id ?? newId('user')
    // A user who already has other roles (staff, secretary) keeps them and gains this one.
    if (existing) await t.collection('users').doc(userId).update({ data: { grants } })
    else await t.collection('users').doc(userId).set({ data: { openid: ctx.openid, name: member.name, grants } })
    await t.collection('members').doc(member._id).update({ data: { boundUserId: userId, updatedAt: ctx.now() } })
    return { memberName: member.name, bound: true }
  })
}
