import { grantsAllowing } from '../../../src/domain/access'
import type { PairingView } from '../../../src/domain/contracts/pairing.contract'
import type { Permission } from '../../../src/domain/permissions'
import type { Grant, Role, Scope } from '../../../src/domain/roles'
import type { UnitPairingDoc } from '../../db/docs'
import type { KnownContext } from '../../kernel/function-def'

// Both sides of a pairing see it: its scope holds the unit (secretary,
// liaison) and the community with its street and district (staff, street
// and district admins), so one covers() check answers for every role.

export function pairingScope(p: Pick<UnitPairingDoc, 'unitId' | 'communityId' | 'streetId' | 'districtId'>): Scope {
  return { unitId: p.unitId, communityId: p.communityId, streetId: p.streetId, districtId: p.districtId }
}

/** The `unitPairings` field each role that sees pairings is anchored to. */
const ANCHOR: Partial<Record<Role, 'unitId' | 'communityId' | 'streetId' | 'districtId'>> = {
  secretary: 'unitId',
  liaison: 'unitId',
  staff: 'communityId',
  streetAdmin: 'streetId',
  districtAdmin: 'districtId',
}

/** The pairings one grant sees, as a filter on `unitPairings`. */
function grantFilter(grant: Grant): Record<string, string> | null {
  const field = ANCHOR[grant.role]
  const value = field ? grant.scope[field] : undefined
  return field && value ? { [field]: value } : null
}

/** The filter of every pairing the caller's grants allowing `permission` see; null when none. */
export function visiblePairings(ctx: KnownContext, permission: Permission) {
  const clauses = grantsAllowing(ctx.principal, permission).flatMap((g) => {
    const filter = grantFilter(g)
    return filter ? [filter] : []
  })
  if (clauses.length === 0) return null
  return clauses.length === 1 ? clauses[0]! : ctx.db.command.or(clauses)
}

export function pairingView(p: UnitPairingDoc): PairingView {
  return {
    pairingId: p._id,
    unitId: p.unitId,
    unitName: p.unitName,
    partyOrgName: p.partyOrgName || p.unitName,
    branchId: p.branchId,
    branchName: p.branchName,
    communityId: p.communityId,
    communityName: p.communityName,
    streetName: p.streetName,
    status: p.status,
    startedAt: p.startedAt.toISOString(),
    endedAt: p.endedAt ? p.endedAt.toISOString() : null,
    note: p.note,
    endReason: p.endReason,
  }
}
