import { AppError } from './errors'
import { rolesFor, type Permission } from './permissions'
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
  volunteerCentre: 'districtId',
}

export function covers(grant: Grant, target: Scope): boolean {
  const key = ANCHOR[grant.role]
  const mine = grant.scope[key]
  return mine !== undefined && target[key] === mine
}

/** The caller's grants that allow `permission`, on `target` when given. */
export function grantsAllowing(principal: Principal, permission: Permission, target?: Scope): Grant[] {
  const roles = rolesFor(permission)
  return principal.grants.filter((g) => roles.includes(g.role) && (target === undefined || covers(g, target)))
}

export function can(principal: Principal, permission: Permission, target?: Scope): boolean {
  return grantsAllowing(principal, permission, target).length > 0
}

/**
 * The scope check a handler makes before it reads or writes (the function
 * kernel has already checked the role): returns the grant that allows the
 * action on `target`, or throws FORBIDDEN. Pass the resource's full scope
 * (its member, unit, community, street and district ids) as `target`.
 */
export function authorize(principal: Principal, permission: Permission, target: Scope): Grant {
  const grant = grantsAllowing(principal, permission, target)[0]
  if (!grant) throw new AppError('FORBIDDEN')
  return grant
}
