import { correctionsContract } from '../../../src/domain/contracts/corrections.contract'
import { defineFunction } from '../../kernel/function-def'
import { correctionDetail } from './correction-detail'
import { communityCorrections, unitCorrections } from './correction-lists'
import { raiseCorrection } from './correction-raise'
import { resolveCorrection } from './correction-resolve'
import { unitMembers } from './unit-members'

/** 数据核对 (000 §二.(一)): the unit raises correction requests about its members; the community's staff resolve them. */
export const corrections = defineFunction('corrections', correctionsContract, {
  raise: { permission: 'correction.raise', handle: (input, ctx) => raiseCorrection(ctx, input) },
  unitList: { permission: 'correction.raise', handle: (input, ctx) => unitCorrections(ctx, input) },
  unitMembers: { permission: 'correction.raise', handle: (input, ctx) => unitMembers(ctx, input) },
  list: { permission: 'correction.resolve', handle: (input, ctx) => communityCorrections(ctx, input) },
  get: { permission: 'correction.resolve', handle: (input, ctx) => correctionDetail(ctx, input.correctionId) },
  resolve: { permission: 'correction.resolve', handle: (input, ctx) => resolveCorrection(ctx, input) },
})
