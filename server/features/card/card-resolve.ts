import { isCardNoWellFormed } from '../../../src/domain/card-no'
import { AppError } from '../../../src/domain/errors'
import type { Database } from '../../kernel/database'
import type { CardDoc, MemberDoc } from '../../db/docs'
import { getRows } from '../../db/read'
import { cardId } from './card-number'
import { verifyCardToken } from './card-token'

// What the community desk holds up to the system: a scanned QR text or a
// typed 联系证号. Either must name the member's current, active card.

export type CardRef = { token: string } | { cardNo: string }

export interface ResolvedCard {
  card: CardDoc
  member: MemberDoc
}

async function cardByToken(db: Database, secret: string, token: string): Promise<CardDoc> {
  const claim = verifyCardToken(secret, token)
  const [card] = await getRows<CardDoc>(db.collection('cards').where({ _id: cardId(claim.memberId, claim.serial) }).limit(1))
  // Signed by us but unknown here: issued in another environment, or its member was deleted.
  if (!card) throw new AppError('CARD_NOT_FOUND', '没有找到这张联系证，请联系党员所在单位核实')
  return card
}

async function cardByNumber(db: Database, cardNo: string): Promise<CardDoc> {
  if (!isCardNoWellFormed(cardNo)) throw new AppError('CARD_NO_INVALID')
  const [card] = await getRows<CardDoc>(db.collection('cards').where({ cardNo }).limit(1))
  if (!card) throw new AppError('CARD_NOT_FOUND')
  return card
}

export async function resolveCard(db: Database, secret: string, ref: CardRef): Promise<ResolvedCard> {
  const card = 'token' in ref ? await cardByToken(db, secret, ref.token) : await cardByNumber(db, ref.cardNo)
  if (card.status !== 'active') throw new AppError('CARD_REVOKED')
  const [member] = await getRows<MemberDoc>(db.collection('members').where({ _id: card.memberId }).limit(1))
  if (!member) throw new AppError('CARD_NOT_FOUND', '该联系证对应的党员已不在名册中')
  // Belt and braces: the member's mirror names their current card.
  if (member.card?.serial !== card.serial || member.card.status !== 'active') throw new AppError('CARD_REVOKED')
  return { card, member }
}
