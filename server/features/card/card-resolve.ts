import { AppError } from '../../../src/domain/errors'
import type { Database } from '../../kernel/database'
import type { CardDoc, MemberDoc } from '../../db/docs'
import { findById } from '../../db/load'
import { getRows } from '../../db/read'
import { verifyCardToken, type CardClaim } from './card-token'

// What is held up to the system: a scanned QR text, or (at the community
// desk only, with a proof; see report/desk-card.ts) a typed 联系证号. Either
// must name the member's current, active card. The member's card mirror is
// written in the same transaction as the card (card-issue.ts), so it answers
// "is this their current, active card" without reading the card itself.

export interface ResolvedCard {
  member: MemberDoc
  cardNo: string
}

/** The card (serial) is the member's current one and active, by the member's mirror. */
export function requireActive(member: MemberDoc, serial: number): ResolvedCard {
  const current = member.card
  if (!current || current.serial !== serial || current.status !== 'active') throw new AppError('CARD_REVOKED')
  return { member, cardNo: current.cardNo }
}

/** The member a signed card names, holding that card now; `member` as read by its id (undefined: none). */
export function cardHolder(member: MemberDoc | undefined, claim: CardClaim): ResolvedCard {
  // Signed by us but unknown here: issued in another environment, or its member was deleted.
  if (!member) throw new AppError('CARD_NOT_FOUND', '该联系证对应的党员已不在名册中')
  // Never issued here (another environment's serial) reads as not found, not as revoked.
  if (!member.card || member.card.serial < claim.serial) throw new AppError('CARD_NOT_FOUND', '没有找到这张联系证，请联系党员所在单位核实')
  return requireActive(member, claim.serial)
}

/** A scanned QR: signed by us, naming a member we have and their current, active card. */
export async function resolveToken(db: Database, secret: string, token: string): Promise<ResolvedCard> {
  const claim = verifyCardToken(secret, token)
  return cardHolder(await findById<MemberDoc>(db, 'members', claim.memberId), claim)
}

/** The card with this number and its member, whatever the card's status; null when there is none. */
export async function findByNumber(db: Database, cardNo: string): Promise<{ card: CardDoc; member: MemberDoc } | null> {
  const [card] = await getRows<CardDoc>(db.collection('cards').where({ cardNo }).limit(1))
  const member = card ? await findById<MemberDoc>(db, 'members', card.memberId) : undefined
  return card && member ? { card, member } : null
}
