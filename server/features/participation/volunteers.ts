import { grantsAllowing } from '../../../src/domain/access'
import { AppError } from '../../../src/domain/errors'
import { SERVICE_CATALOG } from '../../../src/domain/service-catalog'
import { docsByIds } from '../../db/by-ids'
import type { MemberDoc, RegistrationDoc } from '../../db/docs'
import { namesOf } from '../../db/names'
import { readPage } from '../../db/read'
import type { KnownContext } from '../../kernel/function-def'

// The 区志愿者工作指导中心 (002 §三.4, 附件1): members who choose a 志愿专业服务
// item are coordinated across communities. The centre sees, per item, the
// members of its district who chose it, by community, with their 特长 — and
// members only through the items they chose. The claims are read where the
// registrations keep them (附件1), grouped by the database.

const VOLUNTEER = SERVICE_CATALOG.find((c) => c.kind === 'volunteer')!

/** The district whose volunteer centre the caller is. */
export function centreDistrict(ctx: KnownContext): string {
  const grant = grantsAllowing(ctx.principal, 'volunteers.read').find((g) => g.scope.districtId)
  if (!grant) throw new AppError('FORBIDDEN')
  return grant.scope.districtId!
}

export function isVolunteerItem(item: string): boolean {
  return VOLUNTEER.items.some((i) => i.name === item)
}

/** Each item of the 志愿专业服务 list, with how many of the district's members chose it. */
export async function volunteerItems(ctx: KnownContext) {
  const { db } = ctx
  const $ = db.command.aggregate
  const districtId = centreDistrict(ctx)
  const grouped = (await db
    .collection('registrations')
    .aggregate()
    .match({ districtId, 'claims.category': VOLUNTEER.key })
    .unwind('$claims')
    .match({ 'claims.category': VOLUNTEER.key })
    .group({ _id: '$claims.postName', members: $.addToSet('$memberId') })
    .project({ members: $.size('$members') })
    .limit(VOLUNTEER.items.length * 10)
    .end()) as { list: Array<{ _id: string; members: number }> }
  const counts = new Map(grouped.list.map((g) => [g._id, g.members]))
  return VOLUNTEER.items.map((i) => ({ item: i.name, description: i.description ?? '', members: counts.get(i.name) ?? 0 }))
}

/** The district's members who chose `item`, by community, a page at a time. */
export async function volunteersOf(ctx: KnownContext, input: { item: string; page: number; pageSize: number }) {
  const { db } = ctx
  const _ = db.command
  const districtId = centreDistrict(ctx)
  if (!isVolunteerItem(input.item)) throw new AppError('NOT_A_VOLUNTEER_ITEM')
  const filter = { districtId, claims: _.elemMatch({ category: VOLUNTEER.key, postName: input.item }) }
  const page = await readPage<RegistrationDoc>(db, 'registrations', filter, ['communityId', 'asc'], input)
  const [members, communities, units] = await Promise.all([
    docsByIds<MemberDoc>(db, 'members', page.docs.map((r) => r.memberId), { name: true, specialty: true }),
    namesOf(db, 'communities', page.docs.map((r) => r.communityId)),
    namesOf(db, 'units', page.docs.map((r) => r.unitId)),
  ])
  const rows = page.docs.map((r) => {
    const member = members.get(r.memberId)
    return {
      memberId: r.memberId,
      memberName: member?.name ?? '',
      communityName: communities.get(r.communityId) ?? '',
      unitName: units.get(r.unitId) ?? '',
      specialty: [r.hobbies, member?.specialty].filter(Boolean).join('；'),
    }
  })
  return { rows, total: page.total, page: input.page, pageSize: input.pageSize }
}
