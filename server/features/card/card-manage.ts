import type { CardView } from '../../../src/domain/contracts/card.contract'
import { AppError } from '../../../src/domain/errors'
import type { KnownContext } from '../../kernel/function-def'
import { assertMayAccess, authorizedMember } from '../../access/authorized-record'
import { isDocumentMissing } from '../../db/db-errors'
import { memberScope, notFound } from '../../db/load'
import { issueCard, revokeCard } from './card-issue'
import { cardNamesOf } from './card-names'
import { cardView } from './card-view'

// The unit's side of cards: the secretary or liaison of the member's own unit.

export async function issueForMember(ctx: KnownContext, memberId: string): Promise<CardView> {
  // Refuse before anything is written when no token could be made for the new card.
  if (!ctx.env.cardSecret) throw new AppError('CONFIG_MISSING')
  const { card, member } = await issuedOrNotFound(ctx, memberId)
  return cardView(ctx.env.cardSecret, card, (await cardNamesOf(ctx.db, [member])).get(member._id)!)
}

export async function revokeForMember(ctx: KnownContext, memberId: string): Promise<CardView> {
  const member = await authorizedMember(ctx, memberId, 'card.manage')
  const card = await revokeCard(ctx, member._id)
  return cardView(ctx.env.cardSecret, card, (await cardNamesOf(ctx.db, [member])).get(member._id)!)
}

/** A member who does not exist, or is not the caller's, is the same NOT_FOUND (access/authorized-record.ts). */
async function issuedOrNotFound(ctx: KnownContext, memberId: string) {
  try {
    return await issueCard(ctx, memberId, (member) => assertMayAccess(ctx, 'card.manage', memberScope(member), '党员'))
  } catch (error) {
    if (isDocumentMissing(error)) throw notFound('党员')
    throw error
  }
}
