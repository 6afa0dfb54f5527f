import { pairingContract } from '../../../src/domain/contracts/pairing.contract'
import { defineFunction } from '../../kernel/function-def'
import { createPairing, endPairing } from './pairing-edit'
import { listPairings, pairingChoices } from './pairing-list'
import { pairingSummary } from './pairing-summary'

/** 结对共建: units (or their branches) paired with communities, recorded by the street or district; 附件4. */
export const pairing = defineFunction('pairing', pairingContract, {
  list: { permission: 'pairing.read', handle: (input, ctx) => listPairings(ctx, input) },
  choices: { permission: 'pairing.manage', handle: (_input, ctx) => pairingChoices(ctx) },
  create: { permission: 'pairing.manage', handle: (input, ctx) => createPairing(ctx, input) },
  end: { permission: 'pairing.manage', handle: (input, ctx) => endPairing(ctx, input) },
  summary: { permission: 'pairing.summary', handle: (input, ctx) => pairingSummary(ctx, input) },
})
