import type { Database } from '../../kernel/database'
import type { CommunityDoc } from '../../db/docs'
import { scanAll } from '../../db/read'

/**
 * 居住社区 is written by name in a roster. Names are matched exactly, or
 * without the trailing "社区" ("曙光" = "曙光社区"); where two districts share
 * a name, the unit's own district wins.
 */
export async function communityResolver(db: Database, preferredDistrictId: string): Promise<(name: string) => CommunityDoc | undefined> {
  const communities = await scanAll<CommunityDoc>(db, 'communities', {}, { fields: { name: true, streetId: true, districtId: true } })
  communities.sort((a, b) => Number(b.districtId === preferredDistrictId) - Number(a.districtId === preferredDistrictId))
  const byName = new Map<string, CommunityDoc>()
  for (const c of communities) {
    const name = c.name.replace(/\s+/g, '')
    if (!byName.has(name)) byName.set(name, c)
    const short = name.replace(/社区$/, '')
    if (short && !byName.has(short)) byName.set(short, c)
  }
  return (name) => byName.get(name.replace(/\s+/g, ''))
}
