import { setupContract } from '../../../src/domain/contracts/setup.contract'
import { defineFunction } from '../../kernel/function-def'
import { claimSetup, setupOpen } from './setup-claim'

/** A new deployment's first administrator: the one-time setup code (or the configured OPENID). */
export const setup = defineFunction('setup', setupContract, {
  status: { permission: 'public', handle: async (_input, ctx) => ({ open: await setupOpen(ctx) }) },
  claim: { permission: 'public', handle: (input, ctx) => claimSetup(ctx, input) },
})
