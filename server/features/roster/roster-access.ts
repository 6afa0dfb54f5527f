import { authorize } from '../../../src/domain/access'
import type { KnownContext } from '../../kernel/function-def'
import type { UnitDoc } from '../../db/docs'
import { loadUnit, unitScope } from '../../db/load'

/** The unit, once the caller is known to be its secretary or liaison. */
export async function authorizedUnit(ctx: KnownContext, unitId: string): Promise<UnitDoc> {
  const unit = await loadUnit(ctx.db, unitId)
  authorize(ctx.principal, 'roster.manage', unitScope(unit))
  return unit
}
