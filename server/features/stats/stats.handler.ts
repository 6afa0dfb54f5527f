import { statsInput } from '../../../src/domain/contracts/stats.contract'
import { defineFunction } from '../../kernel/function-def'
import { districtStats } from './district-stats'
import { unitStats } from './unit-stats'

/** Report rates: one unit's 附件3 footer, and the street/district table of units. */
export const stats = defineFunction({
  name: 'stats',
  input: statsInput,
  async handle(input, ctx) {
    switch (input.action) {
      case 'unit':
        return unitStats(ctx, input.unitId)
      case 'district':
        return districtStats(ctx, input.streetId)
    }
  },
})
