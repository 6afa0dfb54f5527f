import { byNameThenId } from '../../../src/domain/chinese-order'
import type { Database } from '../../kernel/database'
import type { CommunityDoc, StreetDoc, UnitDoc } from '../../db/docs'
import { scanAll } from '../../db/read'

// A district's places, read whole (keyset scans) and in name order: what the
// district's own page shows, what grant targets and resident choices are made of.

export interface DistrictPlaces {
  streets: StreetDoc[]
  communities: CommunityDoc[]
  units: UnitDoc[]
}

export async function districtPlaces(db: Database, districtId: string, withUnits = true): Promise<DistrictPlaces> {
  const [streets, communities, units] = await Promise.all([
    scanAll<StreetDoc>(db, 'streets', { districtId }),
    scanAll<CommunityDoc>(db, 'communities', { districtId }),
    withUnits ? scanAll<UnitDoc>(db, 'units', { districtId }) : Promise.resolve([]),
  ])
  return { streets: streets.sort(byNameThenId), communities: communities.sort(byNameThenId), units: units.sort(byNameThenId) }
}
