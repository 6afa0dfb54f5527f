import { grantsAllowing } from '../../../src/domain/access'
import { statsContract } from '../../../src/domain/contracts/stats.contract'
import { AppError } from '../../../src/domain/errors'
import { defineFunction } from '../../kernel/function-def'
import { districtStats } from './district-stats'
import { recountTallies } from './tally-recount'
import { unitStats } from './unit-stats'

/**
 * Report rates: one unit's 附件3 footer, and the street/district table of
 * units, both from the units' tallies; the recount that repairs them, nightly
 * (config.json's trigger) and on the district's demand.
 */
export const stats = defineFunction(
  'stats',
  statsContract,
  {
    unit: { permission: 'unit.stats', handle: (input, ctx) => unitStats(ctx, input.unitId) },
    district: { permission: 'district.stats', handle: (input, ctx) => districtStats(ctx, input.streetId) },
    recount: {
      permission: 'tallies.recount',
      handle: async (_input, ctx) => {
        const districtId = grantsAllowing(ctx.principal, 'tallies.recount')[0]?.scope.districtId
        if (!districtId) throw new AppError('FORBIDDEN')
        return recountTallies(ctx.db, { districtId }, ctx.now())
      },
    },
  },
  { timer: (_event, ctx) => recountTallies(ctx.db, {}, ctx.now()) },
)
