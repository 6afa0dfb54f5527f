import type { CommunityChoice } from '../../../src/domain/contracts/roster.contract'
import { AppError } from '../../../src/domain/errors'
import type { KnownContext } from '../../kernel/function-def'
import type { CommunityDoc } from '../../db/docs'
import { namesOf } from '../../db/names'
import { scanAll } from '../../db/read'
import { compareChinese } from '../../../src/domain/chinese-order'
import { communityFiltersOf, type CommunityFilter } from './community-scope'
import { authorizedUnit } from './roster-access'

/**
 * The communities a member's 居住社区 may be chosen from, with their street's
 * name, by street then community. For a unit: every community of its
 * district (its secretary or liaison only). Without a unit: the caller's own
 * scope. Keyset scans, so a district of any size arrives whole.
 */
export async function communityChoices(ctx: KnownContext, unitId: string | undefined): Promise<CommunityChoice[]> {
  const { db } = ctx
  const filters: CommunityFilter[] = unitId ? [{ districtId: (await authorizedUnit(ctx, unitId, 'roster.read')).districtId }] : await communityFiltersOf(db, ctx.principal)
  if (filters.length === 0) throw new AppError('FORBIDDEN')

  const found = new Map<string, CommunityDoc>()
  for (const filter of filters) {
    for (const c of await scanAll<CommunityDoc>(db, 'communities', filter, { fields: { name: true, streetId: true } })) found.set(c._id, c)
  }
  const communities = [...found.values()]
  const streets = await namesOf(db, 'streets', communities.map((c) => c.streetId))
  return communities
    .map((c) => ({ communityId: c._id, name: c.name, streetName: streets.get(c.streetId) ?? '' }))
    .sort((a, b) => compareChinese(a.streetName, b.streetName) || compareChinese(a.name, b.name) || (a.communityId < b.communityId ? -1 : 1))
}
