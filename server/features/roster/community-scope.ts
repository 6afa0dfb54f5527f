import type { Principal } from '../../../src/domain/roles'
import type { Database } from '../../kernel/database'
import { docsByIds } from '../../db/by-ids'
import type { UnitDoc } from '../../db/docs'
import type { scan } from '../../db/read'

export type CommunityFilter = Parameters<typeof scan>[2]

/**
 * Which communities the caller's own grants reach, as filters on
 * `communities`: a staff member's community, a street admin's street, a
 * district admin's district, and the district of a secretary's or liaison's
 * unit (a unit's members live anywhere in its district). Only the caller's
 * own scopes are read, so no other scope can be asked for; no grant of these
 * roles, no filter.
 */
export async function communityFiltersOf(db: Database, principal: Principal): Promise<CommunityFilter[]> {
  const filters: CommunityFilter[] = []
  const unitIds: string[] = []
  for (const { role, scope } of principal.grants) {
    if (role === 'staff' && scope.communityId) filters.push({ _id: scope.communityId })
    else if (role === 'streetAdmin' && scope.streetId) filters.push({ streetId: scope.streetId })
    else if ((role === 'districtAdmin' || role === 'volunteerCentre') && scope.districtId) filters.push({ districtId: scope.districtId })
    else if ((role === 'secretary' || role === 'liaison') && scope.unitId) unitIds.push(scope.unitId)
  }
  const units = await docsByIds<UnitDoc>(db, 'units', unitIds, { districtId: true })
  for (const unit of units.values()) filters.push({ districtId: unit.districtId })
  // The same scope held twice (secretary and liaison of one unit) is read once.
  return [...new Map(filters.map((f) => [JSON.stringify(f), f])).values()]
}
