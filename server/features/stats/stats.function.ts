import { statsContract } from '../../../src/domain/contracts/stats.contract'
import { defineFunction } from '../../kernel/function-def'
import { districtStats } from './district-stats'
import { unitStats } from './unit-stats'

/** Report rates: one unit's 附件3 footer, and the street/district table of units. */
export const stats = defineFunction('stats', statsContract, {
  unit: { permission: 'unit.stats', handle: (input, ctx) => unitStats(ctx, input.unitId) },
  district: { permission: 'district.stats', handle: (input, ctx) => districtStats(ctx, input.streetId) },
})
