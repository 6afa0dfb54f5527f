import type { Ability } from './abilities'
import type { Role } from './roles'

// What the `bootstrap` function tells the client about the caller.
export interface GrantView {
  role: Role
  roleLabel: string
  /** Name of the unit, community, street or district the grant acts in. */
  scopeName: string
  scope: { districtId?: string; streetId?: string; communityId?: string; unitId?: string; memberId?: string }
}

export interface BootstrapData {
  /** False for a WeChat user the system does not know yet. */
  known: boolean
  user: { id: string; name: string } | null
  grants: GrantView[]
  abilities: Ability[]
}
