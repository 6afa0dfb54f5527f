import { authorize } from '../../../src/domain/access'
import type { Permission } from '../../../src/domain/permissions'
import type { KnownContext } from '../../kernel/function-def'
import type { UnitDoc } from '../../db/docs'
import { loadUnit, unitScope } from '../../db/load'

/** The unit, once the caller is known to hold `permission` on it (its secretary or liaison). */
export async function authorizedUnit(ctx: KnownContext, unitId: string, permission: Permission): Promise<UnitDoc> {
  const unit = await loadUnit(ctx.db, unitId)
  authorize(ctx.principal, permission, unitScope(unit))
  return unit
}
