import { SERVICE_CATALOG } from '../../../src/domain/service-catalog'
import type { Grant } from '../../../src/domain/roles'
import type { Database } from '../../../server/kernel/database'
import type { MemberDoc } from '../../../server/db/docs'
import { applyTallyPlan, memberContribution } from '../../../server/db/unit-tallies'
import { recountTallies } from '../../../server/features/stats/tally-recount'
import { memberChange } from '../../../src/domain/unit-tally'

// A small city for the integration tests: one district, two streets, three
// communities with the 附件1 catalog, two units, and a user of every role.
// Written straight to the database, as the demo seed does.

export const DISTRICT = 'district-t'
export const STREETS = { a: 'street-a', b: 'street-b' } as const
export const COMMUNITIES = {
  a1: { _id: 'community-a1', name: '曙光社区', streetId: STREETS.a },
  a2: { _id: 'community-a2', name: '桃源社区', streetId: STREETS.a },
  b1: { _id: 'community-b1', name: '古荡社区', streetId: STREETS.b },
} as const
export const UNITS = {
  u1: { _id: 'unit-1', name: '区教育局' },
  u2: { _id: 'unit-2', name: '区财政局' },
} as const

/** Openids of the fixture's users. */
export const USERS = {
  staffA1: 'staff-a1',
  staffA2: 'staff-a2',
  staffB1: 'staff-b1',
  secretary1: 'secretary-1',
  liaison1: 'liaison-1',
  secretary2: 'secretary-2',
  liaison2: 'liaison-2',
  residentA1: 'resident-a1',
  residentB1: 'resident-b1',
  streetA: 'street-admin-a',
  streetB: 'street-admin-b',
  district: 'district-admin',
  volunteerCentre: 'volunteer-centre',
} as const

type CommunityKey = keyof typeof COMMUNITIES

export function postId(community: CommunityKey, category: string, index: number): string {
  return `post-${community}-${category}-${index}`
}

async function put(db: Database, collection: string, docs: Array<{ _id: string } & Record<string, unknown>>) {
  for (const { _id, ...data } of docs) await db.collection(collection).doc(_id).set({ data })
}

export async function seedCity(db: Database): Promise<void> {
  await put(db, 'districts', [{ _id: DISTRICT, name: '测试区' }])
  await put(db, 'streets', [
    { _id: STREETS.a, name: '甲街道', districtId: DISTRICT },
    { _id: STREETS.b, name: '乙街道', districtId: DISTRICT },
  ])
  await put(db, 'communities', Object.values(COMMUNITIES).map((c) => ({ ...c, districtId: DISTRICT })))
  await put(
    db,
    'posts',
    (Object.keys(COMMUNITIES) as CommunityKey[]).flatMap((key) =>
      SERVICE_CATALOG.flatMap((category) =>
        category.items.map((item, i) => ({
          _id: postId(key, category.key, i + 1),
          communityId: COMMUNITIES[key]._id,
          category: category.key,
          categoryName: category.name,
          kind: category.kind,
          name: item.name,
          description: item.description ?? '',
          active: true,
          order: i,
        })),
      ),
    ),
  )
  await put(db, 'units', Object.values(UNITS).map((u) => ({ ...u, districtId: DISTRICT, declaredMemberTotal: 0, declaredResidentTotal: 0 })))

  const user = (openid: string, grants: Grant[]) => ({ _id: `user-${openid}`, openid, name: openid, grants })
  // Staff grants keep their community's name, as granted through an invitation.
  const staff = (c: CommunityKey): Grant[] => [{ role: 'staff', scope: { communityId: COMMUNITIES[c]._id, streetId: COMMUNITIES[c].streetId, districtId: DISTRICT }, placeName: COMMUNITIES[c].name }]
  await put(db, 'users', [
    user(USERS.staffA1, staff('a1')),
    user(USERS.staffA2, staff('a2')),
    user(USERS.staffB1, staff('b1')),
    user(USERS.secretary1, [{ role: 'secretary', scope: { unitId: UNITS.u1._id, districtId: DISTRICT } }]),
    user(USERS.liaison1, [{ role: 'liaison', scope: { unitId: UNITS.u1._id, districtId: DISTRICT } }]),
    user(USERS.secretary2, [{ role: 'secretary', scope: { unitId: UNITS.u2._id, districtId: DISTRICT } }]),
    user(USERS.liaison2, [{ role: 'liaison', scope: { unitId: UNITS.u2._id, districtId: DISTRICT } }]),
    user(USERS.residentA1, [{ role: 'resident', scope: { communityId: COMMUNITIES.a1._id } }]),
    user(USERS.residentB1, [{ role: 'resident', scope: { communityId: COMMUNITIES.b1._id } }]),
    user(USERS.streetA, [{ role: 'streetAdmin', scope: { streetId: STREETS.a, districtId: DISTRICT } }]),
    user(USERS.streetB, [{ role: 'streetAdmin', scope: { streetId: STREETS.b, districtId: DISTRICT } }]),
    user(USERS.district, [{ role: 'districtAdmin', scope: { districtId: DISTRICT } }]),
    user(USERS.volunteerCentre, [{ role: 'volunteerCentre', scope: { districtId: DISTRICT } }]),
  ])
  // Each unit's tally, at zero, as the recount makes it for units written directly.
  await recountTallies(db, {}, new Date(), () => {})
}

export interface MemberSpec {
  id: string
  unit: keyof typeof UNITS
  community: CommunityKey
  name: string
  mobile: string
  joinedUnitAt?: Date
}

/** A member as one row: id, unit, community, name, mobile. */
export type MemberRow = readonly [id: string, unit: keyof typeof UNITS, community: CommunityKey, name: string, mobile: string]

/** Several roster members, as addMember writes each. */
export async function addMembers(db: Database, rows: readonly MemberRow[]): Promise<void> {
  for (const [id, unit, community, name, mobile] of rows) await addMember(db, { id, unit, community, name, mobile })
}

/** A roster member written directly (with the mirrors and tally the roster functions keep), with a user who signs in as them (openid = member id). */
export async function addMember(db: Database, spec: MemberSpec): Promise<void> {
  const community = COMMUNITIES[spec.community]
  const member: Omit<MemberDoc, '_id'> = {
    unitId: UNITS[spec.unit]._id,
    unitName: UNITS[spec.unit].name,
    communityId: community._id,
    communityName: community.name,
    streetId: community.streetId,
    districtId: DISTRICT,
    name: spec.name,
    gender: '男',
    birthMonth: '1985-07',
    joinPartyMonth: '2008-06',
    education: '大学本科',
    specialty: '',
    officePhone: '0571-87654321',
    mobile: spec.mobile,
    jobTitle: '科员',
    joinedUnitAt: spec.joinedUnitAt ?? new Date('2025-01-10T00:00:00Z'),
    report: null,
  }
  await db.collection('members').doc(spec.id).set({ data: member })
  // The unit's tally follows, as the roster functions keep it.
  await applyTallyPlan(db, memberChange(null, memberContribution(member)), { ...UNITS[spec.unit], districtId: DISTRICT })
  await addMemberUser(db, spec.id, member.unitId, member.communityId)
}

/** Binds a sign-in (openid = member id) to a member, as the WeChat binding will. */
export async function addMemberUser(db: Database, memberId: string, unitId: string, communityId: string): Promise<void> {
  await db.collection('users').doc(`user-${memberId}`).set({
    data: { openid: memberId, name: memberId, grants: [{ role: 'member', scope: { memberId, unitId, communityId } }] },
  })
}
