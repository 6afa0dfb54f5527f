import { cardInput } from '../../../src/domain/contracts/card.contract'
import { defineFunction } from '../../kernel/function-def'
import { issueForMember, revokeForMember } from './card-manage'
import { mineCard } from './card-mine'
import { cardSheet } from './card-sheet'

/** 联系证: the unit issues, revokes (reissue = issue again) and prints; the member shows theirs. */
export const card = defineFunction({
  name: 'card',
  input: cardInput,
  async handle(input, ctx) {
    switch (input.action) {
      case 'mine':
        return mineCard(ctx)
      case 'issue':
        return issueForMember(ctx, input.memberId)
      case 'revoke':
        return revokeForMember(ctx, input.memberId)
      case 'sheet':
        return cardSheet(ctx, input)
    }
  },
})
