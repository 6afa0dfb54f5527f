import { AppError } from '../../../src/domain/errors'
import type { KnownContext } from '../../kernel/function-def'
import type { CardDoc, MemberDoc } from '../../db/docs'
import { inTransaction, type Txn } from '../../db/transaction'
import type { Grant } from '../../../src/domain/roles'
import { cardId, takeCardNumber } from './card-number'

// Issue and revoke. The card, the previous card and the member's card mirror
// change in one transaction: there is never a moment with two active cards.

/**
 * Issues the member's next card (serial + 1); the card they held, if any, is
 * revoked. Reissue is the same call. The member is read once, inside the
 * transaction, and `mayIssue` checks the caller may act on them; only then
 * is the card's number taken, outside the transaction (card-number.ts), and
 * kept if the transaction runs again: a refused issue writes nothing.
 */
export async function issueCard(ctx: KnownContext, memberId: string, mayIssue: (member: MemberDoc) => void): Promise<{ card: CardDoc; member: MemberDoc }> {
  const { db } = ctx
  const _ = db.command
  const now = ctx.now()
  let taken: Awaited<ReturnType<typeof takeCardNumber>> | undefined
  return inTransaction(db, async (t) => {
    const member = (await t.collection('members').doc<MemberDoc>(memberId).get()).data
    mayIssue(member)
    taken ??= await takeCardNumber(db)
    const { sequence, cardNo } = taken
    const previous = member.card ?? null
    if (previous?.status === 'active') {
      await t.collection('cards').doc(cardId(memberId, previous.serial)).update({ data: { status: 'revoked', revokedAt: now } })
    }
    // A new card takes back the WeChat link made with the old one (account.bindCard):
    // a lost card bound by a stranger stops working for them here.
    if (member.boundUserId) await unbindUser(t, member.boundUserId, memberId)
    const serial = (previous?.serial ?? 0) + 1
    const card: CardDoc = {
      _id: cardId(memberId, serial),
      memberId,
      unitId: member.unitId,
      districtId: member.districtId,
      serial,
      sequence,
      cardNo,
      status: 'active',
      issuedAt: now,
      issuedBy: ctx.principal.userId,
    }
    await t.collection('cards').add({ data: { ...card } })
    await t.collection('members').doc(memberId).update({ data: { card: _.set({ serial, cardNo, status: 'active' }), boundUserId: null, updatedAt: now } })
    return { card, member }
  })
}

async function unbindUser(t: Txn, userId: string, memberId: string): Promise<void> {
  const user = (await t.collection('users').doc<{ grants?: Grant[] }>(userId).get()).data
  const grants = (user.grants ?? []).filter((g) => !(g.role === 'member' && g.scope.memberId === memberId))
  await t.collection('users').doc(userId).update({ data: { grants } })
}

/** Revokes the member's active card (lost, or the member left): its QR and number stop working at once. */
export async function revokeCard(ctx: KnownContext, memberId: string): Promise<CardDoc> {
  const { db } = ctx
  const _ = db.command
  const now = ctx.now()
  return inTransaction(db, async (t) => {
    const member = (await t.collection('members').doc<MemberDoc>(memberId).get()).data
    const current = member.card
    if (!current || current.status !== 'active') throw new AppError('CARD_NOT_FOUND', '该党员没有有效的联系证，无需作废')
    const id = cardId(memberId, current.serial)
    const card = (await t.collection('cards').doc<CardDoc>(id).get()).data
    await t.collection('cards').doc(id).update({ data: { status: 'revoked', revokedAt: now } })
    await t.collection('members').doc(memberId).update({ data: { card: _.set({ ...current, status: 'revoked' }), updatedAt: now } })
    return { ...card, status: 'revoked', revokedAt: now }
  })
}
