import type { BootstrapData, GrantView } from '../domain/contracts/bootstrap.contract'
import type { Role } from '../domain/roles'

/** The caller's first grant with one of `roles` (a staff grant carries its communityId, a secretary's its unitId). */
export function grantFor(data: BootstrapData | null | undefined, roles: readonly Role[]): GrantView | undefined {
  return data?.grants.find((g) => roles.includes(g.role))
}
