import type { Database } from '../../kernel/database'
import type { MemberDoc } from '../../db/docs'
import { namesOf } from '../../db/names'
import type { CardNames } from './card-view'

/**
 * Names printed on the cards of these members: their own, their unit's and
 * their residence community's. Members carry the two place names (MemberDoc.unitName);
 * only older ones without them cost a read.
 */
export async function cardNamesOf(db: Database, members: readonly MemberDoc[]): Promise<Map<string, CardNames>> {
  const units = await namesOf(db, 'units', members.filter((m) => m.unitName === undefined).map((m) => m.unitId))
  const communities = await namesOf(db, 'communities', members.filter((m) => m.communityName === undefined).map((m) => m.communityId))
  return new Map(
    members.map((m) => [
      m._id,
      { memberName: m.name, unitName: m.unitName ?? units.get(m.unitId) ?? '', communityName: m.communityName ?? communities.get(m.communityId) ?? '' },
    ]),
  )
}
