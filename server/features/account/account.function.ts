import { accountContract } from '../../../src/domain/contracts/account.contract'
import { defineFunction } from '../../kernel/function-def'
import { bindCard } from './bind-card'

/** A WeChat user the system does not know yet links themself by scanning their own 联系证. */
export const account = defineFunction('account', accountContract, {
  bindCard: { permission: 'public', handle: (input, ctx) => bindCard(ctx, input) },
})
