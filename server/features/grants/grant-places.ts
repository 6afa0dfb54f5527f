import { GRANT_ANCHOR, type GrantableRole } from '../../../src/domain/grant-rules'
import type { Grant, Scope } from '../../../src/domain/roles'
import type { Database } from '../../kernel/database'
import type { CommunityDoc, DistrictDoc, StreetDoc, UnitDoc } from '../../db/docs'
import { findById, notFound } from '../../db/load'
import { namesOf, type NamedCollection } from '../../db/names'

// The place a grant acts in, by the role's anchor: a district, a street, a
// community or a unit, with the full scope a grant of it carries (the same
// shapes the demo seed's users hold), the name people see and the place's own
// name, which the grant keeps (Grant.placeName).

export interface GrantPlace {
  scope: Scope
  name: string
  ownName: string
}

const ANCHOR_COLLECTION: Record<'districtId' | 'streetId' | 'communityId' | 'unitId', NamedCollection> = {
  districtId: 'districts',
  streetId: 'streets',
  communityId: 'communities',
  unitId: 'units',
}

export const streetCommunityName = (streetName: string, communityName: string) => (streetName ? `${streetName} · ${communityName}` : communityName)

export async function grantPlace(db: Database, role: GrantableRole, placeId: string): Promise<GrantPlace> {
  switch (GRANT_ANCHOR[role]) {
    case 'districtId': {
      const d = await findById<DistrictDoc>(db, 'districts', placeId)
      if (!d) break
      return { scope: { districtId: d._id }, name: d.name, ownName: d.name }
    }
    case 'streetId': {
      const s = await findById<StreetDoc>(db, 'streets', placeId)
      if (!s) break
      return { scope: { streetId: s._id, districtId: s.districtId }, name: s.name, ownName: s.name }
    }
    case 'communityId': {
      const c = await findById<CommunityDoc>(db, 'communities', placeId)
      if (!c) break
      const street = await findById<StreetDoc>(db, 'streets', c.streetId)
      return { scope: { communityId: c._id, streetId: c.streetId, districtId: c.districtId }, name: streetCommunityName(street?.name ?? '', c.name), ownName: c.name }
    }
    case 'unitId': {
      const u = await findById<UnitDoc>(db, 'units', placeId)
      if (!u) break
      return { scope: { unitId: u._id, districtId: u.districtId }, name: u.name, ownName: u.name }
    }
  }
  throw notFound('授权范围')
}

/** The id a grant's place has (its anchor), for grants of the roles one can grant. */
export function placeIdOf(grant: Grant & { role: GrantableRole }): string {
  return grant.scope[GRANT_ANCHOR[grant.role]] ?? ''
}

/** The names of many grants' places at once, by place id. */
export async function placeNamesOf(db: Database, grants: Array<Grant & { role: GrantableRole }>): Promise<Map<string, string>> {
  const names = new Map<string, string>()
  for (const [anchor, collection] of Object.entries(ANCHOR_COLLECTION) as Array<[keyof typeof ANCHOR_COLLECTION, NamedCollection]>) {
    const ids = grants.filter((g) => GRANT_ANCHOR[g.role] === anchor).map(placeIdOf)
    for (const [id, name] of await namesOf(db, collection, ids)) names.set(id, name)
  }
  return names
}
