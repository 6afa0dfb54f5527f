import { cardContract } from '../../../src/domain/contracts/card.contract'
import { defineFunction } from '../../kernel/function-def'
import { issueForMember, revokeForMember } from './card-manage'
import { mineCard } from './card-mine'
import { cardSheet } from './card-sheet'

/** 联系证: the unit issues, revokes (reissue = issue again) and prints; the member shows theirs. */
export const card = defineFunction('card', cardContract, {
  mine: { permission: 'card.show', handle: (_input, ctx) => mineCard(ctx) },
  issue: { permission: 'card.manage', handle: (input, ctx) => issueForMember(ctx, input.memberId) },
  revoke: { permission: 'card.manage', handle: (input, ctx) => revokeForMember(ctx, input.memberId) },
  sheet: { permission: 'card.manage', handle: (input, ctx) => cardSheet(ctx, input) },
})
