import type { UnitMembers } from '../../../src/domain/contracts/corrections.contract'
import type { MemberDoc } from '../../db/docs'
import { namesOf } from '../../db/names'
import { countOf, readPage } from '../../db/read'
import type { KnownContext } from '../../kernel/function-def'
import { authorizedUnit } from '../roster/roster-access'
import { photoLinks } from './member-photo'
import { pledgesOf } from './pledges'

// The unit's members as the 数据核对 page shows them: found by name, or only
// those without a photo; where each reported, whether the community has their
// photo, and their 一句话承诺 for the year. A page costs the same at any unit
// size: the unit, the page and its total, the unit's size and how many have no
// photo, the page's pledges and the names of the communities it mentions.

export interface UnitMembersInput {
  unitId: string
  q: string
  missingPhoto: boolean
  year: number
  page: number
  pageSize: number
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

export async function unitMembers(ctx: KnownContext, input: UnitMembersInput): Promise<UnitMembers> {
  const { db } = ctx
  const unit = await authorizedUnit(ctx, input.unitId, 'correction.raise')
  // `photoFileId: null` matches a missing field too (MongoDB's rule).
  const noPhoto = { photoFileId: null }
  const filter = {
    unitId: unit._id,
    ...(input.q ? { name: db.RegExp({ regexp: escapeRegExp(input.q), options: 'i' }) } : {}),
    ...(input.missingPhoto ? noPhoto : {}),
  }
  const [{ docs, total }, members, missingPhoto] = await Promise.all([
    readPage<MemberDoc>(db, 'members', filter, ['name', 'asc'], input),
    countOf(db.collection('members').where({ unitId: unit._id })),
    countOf(db.collection('members').where({ unitId: unit._id, ...noPhoto })),
  ])
  const ids = docs.map((m) => m._id)
  const [pledges, communities, links] = await Promise.all([
    pledgesOf(db, ids, input.year),
    namesOf(db, 'communities', docs.flatMap((m) => (m.report?.communityId ? [m.report.communityId] : []))),
    photoLinks(docs),
  ])
  return {
    rows: docs.map((m) => ({
      memberId: m._id,
      name: m.name,
      reportedCommunityName: m.report?.communityId ? (communities.get(m.report.communityId) ?? '') : null,
      hasPhoto: Boolean(m.photoFileId),
      photoUrl: links.get(m._id) ?? '',
      pledge: pledges.get(m._id) ?? null,
    })),
    total,
    page: input.page,
    pageSize: input.pageSize,
    members,
    missingPhoto,
  }
}
