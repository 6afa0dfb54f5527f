import { bootstrapContract } from '../../../src/domain/contracts/bootstrap.contract'
import { menuOf } from '../../../src/domain/menu'
import { defineFunction } from '../../kernel/function-def'
import { describeGrants } from './grant-views'

/** Tells the client who the caller is and what the tabs offer them. */
export const bootstrap = defineFunction('bootstrap', bootstrapContract, {
  get: {
    permission: 'public',
    async handle(_input, { db, principal }) {
      if (!principal) return { known: false, user: null, grants: [], menu: [] }
      return {
        known: true,
        user: { id: principal.userId, name: principal.name },
        grants: await describeGrants(db, principal.grants),
        menu: menuOf(principal.grants),
      }
    },
  },
})
