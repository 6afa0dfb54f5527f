import { AppError } from '../../../src/domain/errors'
import type { Database } from '../../kernel/database'
import type { CardDoc, MemberDoc } from '../../db/docs'
import { getRows } from '../../db/read'
import { cardId } from './card-number'
import { verifyCardToken } from './card-token'

// What is held up to the system: a scanned QR text, or (at the community
// desk only, with a proof; see report/desk-card.ts) a typed 联系证号. Either
// must name the member's current, active card.

export interface ResolvedCard {
  card: CardDoc
  member: MemberDoc
}

async function memberOf(db: Database, card: CardDoc): Promise<MemberDoc | undefined> {
  const [member] = await getRows<MemberDoc>(db.collection('members').where({ _id: card.memberId }).limit(1))
  return member
}

/** The card is the member's current one: not revoked, and the member's mirror agrees. */
export function requireActive(resolved: ResolvedCard): ResolvedCard {
  const { card, member } = resolved
  if (card.status !== 'active') throw new AppError('CARD_REVOKED')
  // Belt and braces: the member's mirror names their current card.
  if (member.card?.serial !== card.serial || member.card.status !== 'active') throw new AppError('CARD_REVOKED')
  return resolved
}

/** A scanned QR: signed by us, naming a card we issued, still active. */
export async function resolveToken(db: Database, secret: string, token: string): Promise<ResolvedCard> {
  const claim = verifyCardToken(secret, token)
  const [card] = await getRows<CardDoc>(db.collection('cards').where({ _id: cardId(claim.memberId, claim.serial) }).limit(1))
  // Signed by us but unknown here: issued in another environment, or its member was deleted.
  if (!card) throw new AppError('CARD_NOT_FOUND', '没有找到这张联系证，请联系党员所在单位核实')
  if (card.status !== 'active') throw new AppError('CARD_REVOKED')
  const member = await memberOf(db, card)
  if (!member) throw new AppError('CARD_NOT_FOUND', '该联系证对应的党员已不在名册中')
  return requireActive({ card, member })
}

/** The card with this number and its member, whatever the card's status; null when there is none. */
export async function findByNumber(db: Database, cardNo: string): Promise<ResolvedCard | null> {
  const [card] = await getRows<CardDoc>(db.collection('cards').where({ cardNo }).limit(1))
  const member = card ? await memberOf(db, card) : undefined
  return card && member ? { card, member } : null
}
