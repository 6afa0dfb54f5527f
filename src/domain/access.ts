import { ABILITIES, type Ability } from './abilities'
import { AppError } from './errors'
import type { Grant, Principal, Role, Scope } from './roles'

// Each role acts in exactly one kind of scope: a staff grant of community C
// covers resources whose communityId is C, a secretary's covers unit U, etc.
const ANCHOR: Record<Role, keyof Scope> = {
  member: 'memberId',
  staff: 'communityId',
  resident: 'communityId',
  secretary: 'unitId',
  liaison: 'unitId',
  streetAdmin: 'streetId',
  districtAdmin: 'districtId',
}

export function covers(grant: Grant, target: Scope): boolean {
  const key = ANCHOR[grant.role]
  const mine = grant.scope[key]
  return mine !== undefined && target[key] === mine
}

/** The caller's grants that allow `ability`, on `target` when given. */
export function grantsAllowing(principal: Principal, ability: Ability, target?: Scope): Grant[] {
  const roles = ABILITIES[ability].roles as readonly Role[]
  return principal.grants.filter((g) => roles.includes(g.role) && (target === undefined || covers(g, target)))
}

export function can(principal: Principal, ability: Ability, target?: Scope): boolean {
  return grantsAllowing(principal, ability, target).length > 0
}

/**
 * The check every handler makes before it reads or writes: returns the grant
 * that allows the action, or throws FORBIDDEN. Pass the resource's full scope
 * (its member, unit, community, street and district ids) as `target`.
 */
export function authorize(principal: Principal, ability: Ability, target?: Scope): Grant {
  const grant = grantsAllowing(principal, ability, target)[0]
  if (!grant) throw new AppError('FORBIDDEN')
  return grant
}
