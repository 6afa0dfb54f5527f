import type { Ability } from '../../src/domain/abilities'
import { can } from '../../src/domain/access'
import { AppError } from '../../src/domain/errors'
import type { Principal, Scope } from '../../src/domain/roles'

/** For records several roles may read (a receipt: the unit, the member, the community): any one ability on the target suffices. */
export function authorizeAny(principal: Principal, abilities: readonly Ability[], target: Scope): void {
  if (!abilities.some((ability) => can(principal, ability, target))) throw new AppError('FORBIDDEN')
}
