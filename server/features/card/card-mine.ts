import { authorize } from '../../../src/domain/access'
import type { CardView } from '../../../src/domain/contracts/card.contract'
import type { KnownContext } from '../../kernel/function-def'
import type { CardDoc } from '../../db/docs'
import { loadMember, memberScope } from '../../db/load'
import { getRows } from '../../db/read'
import { ownMemberId } from '../../access/own-member'
import { cardId } from './card-number'
import { cardNamesOf } from './card-names'
import { cardView } from './card-view'

/**
 * The member's own latest card: active with its QR, or revoked (so the page
 * can say "ask your unit for a new one"); null when none was ever issued.
 */
export async function mineCard(ctx: KnownContext): Promise<CardView | null> {
  const member = await loadMember(ctx.db, ownMemberId(ctx.principal))
  authorize(ctx.principal, 'card.show', memberScope(member))
  if (!member.card) return null
  const [card] = await getRows<CardDoc>(ctx.db.collection('cards').where({ _id: cardId(member._id, member.card.serial) }).limit(1))
  if (!card) return null
  return cardView(ctx.env.cardSecret, card, (await cardNamesOf(ctx.db, [member])).get(member._id)!)
}
