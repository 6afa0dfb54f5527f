import { accountInput } from '../../../src/domain/contracts/account.contract'
import { defineFunction } from '../../kernel/function-def'
import { bindCard } from './bind-card'

/** A WeChat user the system does not know yet links themself by scanning their own 联系证. */
export const account = defineFunction({
  name: 'account',
  public: true,
  input: accountInput,
  async handle(input, ctx) {
    switch (input.action) {
      case 'bindCard':
        return bindCard(ctx, input)
    }
  },
})
