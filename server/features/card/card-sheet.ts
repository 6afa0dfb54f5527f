import { authorize } from '../../../src/domain/access'
import type { CardSheet } from '../../../src/domain/contracts/card.contract'
import { AppError } from '../../../src/domain/errors'
import type { KnownContext } from '../../kernel/function-def'
import { docsByIds } from '../../db/by-ids'
import type { CardDoc, MemberDoc } from '../../db/docs'
import { loadMember, loadUnit, unitScope } from '../../db/load'
import { scanAll } from '../../db/read'
import { byNameThenId } from '../../../src/domain/chinese-order'
import { cardNamesOf } from './card-names'
import { cardView } from './card-view'

export interface SheetInput {
  unitId: string
  memberId?: string
  page: number
  pageSize: number
}

/**
 * Active cards to print, by member name. Every active card of the unit is
 * read (keyset paging), sorted, and one page is rendered with its QR images.
 */
export async function cardSheet(ctx: KnownContext, input: SheetInput): Promise<CardSheet> {
  const { db } = ctx
  const unit = await loadUnit(db, input.unitId)
  authorize(ctx.principal, 'card.manage', unitScope(unit))
  if (!ctx.env.cardSecret) throw new AppError('CONFIG_MISSING')

  let cards: CardDoc[]
  if (input.memberId) {
    const member = await loadMember(db, input.memberId)
    if (member.unitId !== unit._id) throw new AppError('NOT_FOUND', '该党员不在本单位名册中')
    cards = await scanAll<CardDoc>(db, 'cards', { memberId: member._id, status: 'active' })
  } else {
    cards = await scanAll<CardDoc>(db, 'cards', { unitId: unit._id, status: 'active' })
  }

  const members = await docsByIds<MemberDoc>(db, 'members', cards.map((c) => c.memberId))
  const ordered = cards
    .filter((c) => members.has(c.memberId))
    .map((card) => ({ card, name: members.get(card.memberId)!.name, _id: card._id }))
    .sort(byNameThenId)
  const start = (input.page - 1) * input.pageSize
  const pageCards = ordered.slice(start, start + input.pageSize).map((o) => o.card)
  const names = await cardNamesOf(db, pageCards.map((c) => members.get(c.memberId)!))
  const rows = []
  for (const card of pageCards) rows.push(await cardView(ctx.env.cardSecret, card, names.get(card.memberId)!))
  return { rows, total: ordered.length, page: input.page, pageSize: input.pageSize }
}
