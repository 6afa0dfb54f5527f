import { covers } from './access'
import type { Grant, Role, Scope } from './roles'

// Who may hand out which grant (issue 8): the district's 区委组织部 grants
// district and street admins, community staff, unit secretaries and the
// 区志愿者工作指导中心 anywhere in its district; a street admin grants staff of its own communities; a unit's
// secretary appoints its liaisons. Revoking follows the same rule: whoever
// could grant it may take it back. Members and residents are never granted:
// members bind their own card, residents register themselves.

export const GRANTABLE_ROLES = ['districtAdmin', 'streetAdmin', 'staff', 'secretary', 'liaison', 'volunteerCentre'] as const
export type GrantableRole = (typeof GRANTABLE_ROLES)[number]

const GRANTS_BY_ROLE: Partial<Record<Role, readonly GrantableRole[]>> = {
  districtAdmin: ['districtAdmin', 'streetAdmin', 'staff', 'secretary', 'volunteerCentre'],
  streetAdmin: ['staff'],
  secretary: ['liaison'],
}

export function isGrantable(role: Role): role is GrantableRole {
  return (GRANTABLE_ROLES as readonly Role[]).includes(role)
}

/** The scope key a grant of `role` is anchored on, and so the record it names. */
export const GRANT_ANCHOR: Record<GrantableRole, 'districtId' | 'streetId' | 'communityId' | 'unitId'> = {
  districtAdmin: 'districtId',
  streetAdmin: 'streetId',
  staff: 'communityId',
  secretary: 'unitId',
  liaison: 'unitId',
  volunteerCentre: 'districtId',
}

/**
 * May one of `grants` hand out (or revoke) `role` on `target`? `target` is the
 * full scope of the place (a community's street and district, a unit's district).
 */
export function canGrant(grants: readonly Grant[], role: Role, target: Scope): boolean {
  if (!isGrantable(role)) return false
  return grants.some((g) => (GRANTS_BY_ROLE[g.role] ?? []).includes(role) && covers(g, target))
}

/** Two grants are the same when they give the same role on the same place. */
export function sameGrant(a: Grant, b: Grant): boolean {
  if (a.role !== b.role) return false
  if (!isGrantable(a.role)) return a.scope.memberId === b.scope.memberId && a.scope.communityId === b.scope.communityId
  const key = GRANT_ANCHOR[a.role]
  return a.scope[key] === b.scope[key]
}

/** The user's grants after gaining `grant` (held already: unchanged, so accepting twice changes nothing). */
export function withGrant(grants: readonly Grant[], grant: Grant): Grant[] {
  return grants.some((g) => sameGrant(g, grant)) ? [...grants] : [...grants, grant]
}

export function withoutGrant(grants: readonly Grant[], grant: Grant): Grant[] {
  return grants.filter((g) => !sameGrant(g, grant))
}
