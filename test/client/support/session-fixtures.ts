import { menuOf } from '../../../src/domain/menu'
import type { BootstrapData, GrantView } from '../../../src/domain/contracts/bootstrap.contract'
import { ROLE_LABELS, type Role } from '../../../src/domain/roles'

// Bootstrap answers for the demo roles, built with the same menu and permission tables the
// server uses, so the tests follow any change to that table.
const SCOPES: Record<Role, { scopeName: string; scope: GrantView['scope'] }> = {
  member: { scopeName: '西溪社区', scope: { communityId: 'c1', unitId: 'u1', memberId: 'm1' } },
  staff: { scopeName: '西溪社区', scope: { communityId: 'c1' } },
  secretary: { scopeName: '区卫健局机关党委', scope: { unitId: 'u1' } },
  liaison: { scopeName: '区卫健局机关党委', scope: { unitId: 'u1' } },
  resident: { scopeName: '西溪社区', scope: { communityId: 'c1' } },
  streetAdmin: { scopeName: '北山街道', scope: { streetId: 's1' } },
  districtAdmin: { scopeName: '西湖区', scope: { districtId: 'd1' } },
  volunteerCentre: { scopeName: '西湖区', scope: { districtId: 'd1' } },
}

export function grant(role: Role): GrantView {
  return { role, roleLabel: ROLE_LABELS[role], ...SCOPES[role] }
}

export function bootstrapFor(name: string, ...roles: Role[]): BootstrapData {
  const grants = roles.map(grant)
  return {
    known: true,
    user: { id: 'user-' + name, name },
    grants,
    menu: menuOf(grants.map((g) => ({ role: g.role, scope: g.scope }))),
  }
}

export const UNKNOWN_USER: BootstrapData = { known: false, user: null, grants: [], menu: [] }
