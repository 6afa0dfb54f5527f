import type { Database } from '../../server/kernel/database'
import { recountTallies } from '../../server/features/stats/tally-recount'
import { openHarness, type Harness } from './support/bridge-client'
import { COMMUNITIES, DISTRICT, seedCity, STREETS, UNITS, USERS } from './support/fixture'

// Counts are right at any size: a unit of 3,000 members (three times the
// largest page a cloud function may read) is counted in full.

const BIG = 3000
const REPORTED = 2900
const REGISTERED = 1000
const communities = [COMMUNITIES.a1, COMMUNITIES.a2, COMMUNITIES.b1]

async function addMany(db: Database, collection: string, docs: object[]) {
  for (let i = 0; i < docs.length; i += 100) await db.collection(collection).add({ data: docs.slice(i, i + 100) })
}

async function seedBigUnit(db: Database) {
  await seedCity(db)
  const unitId = UNITS.u1._id
  const members = Array.from({ length: BIG }, (_, i) => {
    const c = communities[i % 3]!
    return {
      _id: `big-${String(i).padStart(4, '0')}`,
      unitId,
      communityId: c._id,
      streetId: c.streetId,
      districtId: DISTRICT,
      name: `党员${i}`,
      gender: i % 2 ? '男' : '女',
      birthMonth: '1985-01',
      joinPartyMonth: '2008-01',
      education: '大学本科',
      specialty: '',
      officePhone: '',
      mobile: `150${String(i).padStart(8, '0')}`,
      jobTitle: '',
      joinedUnitAt: new Date('2025-01-01T00:00:00Z'),
      // The report mirror the confirm transaction keeps (server/db/docs.ts).
      report: i < REPORTED ? { reportId: `report-big-${i}`, communityId: c._id, reportedAt: new Date('2025-01-20T00:00:00Z') } : null,
    }
  })
  await addMany(db, 'members', members)
  const reported = members.slice(0, REPORTED)
  await addMany(
    db,
    'reports',
    reported.map((m, i) => ({
      _id: `report-big-${i}`,
      memberId: m._id,
      unitId,
      communityId: m.communityId,
      streetId: m.streetId,
      districtId: DISTRICT,
      reportedAt: new Date('2025-01-20T00:00:00Z'),
      receivedBy: 'user-staff',
      cardNo: '',
      status: 'active',
    })),
  )
  // A former community's report (history) does not count twice.
  await addMany(db, 'reports', [{ memberId: members[0]!._id, unitId, communityId: 'community-old', streetId: STREETS.b, districtId: DISTRICT, reportedAt: new Date('2024-01-01'), receivedBy: 'x', cardNo: '', status: 'moved' }])
  // 1,000 members claimed two projects where they reported; 50 claims were left behind in a former community.
  await addMany(
    db,
    'registrations',
    reported.slice(0, REGISTERED).map((m) => ({ _id: `registration-${m._id}-${m.communityId}`, memberId: m._id, unitId, communityId: m.communityId, claims: [], claimCount: 2 })),
  )
  await addMany(
    db,
    'registrations',
    reported.slice(0, 50).map((m) => ({ _id: `registration-${m._id}-community-old`, memberId: m._id, unitId, communityId: 'community-old', claims: [], claimCount: 3 })),
  )
  await db.collection('units').doc(unitId).update({ data: { declaredMemberTotal: 3100, declaredResidentTotal: 3000 } })

  // A small unit at 50%, all living in street B.
  // One of them lives in a neighbouring district: still the unit's member.
  const small = Array.from({ length: 10 }, (_, i) => ({
    ...members[i]!,
    _id: `small-${i}`,
    unitId: UNITS.u2._id,
    communityId: COMMUNITIES.b1._id,
    streetId: STREETS.b,
    report: i < 5 ? { reportId: `report-small-${i}`, communityId: COMMUNITIES.b1._id, reportedAt: new Date('2025-02-01') } : null,
    ...(i === 9 ? { districtId: 'district-next-door' } : {}),
  }))
  await addMany(db, 'members', small)
  await addMany(db, 'reports', small.slice(0, 5).map((m, i) => ({ _id: `report-small-${i}`, memberId: m._id, unitId: UNITS.u2._id, communityId: m.communityId, streetId: m.streetId, districtId: DISTRICT, reportedAt: new Date('2025-02-01'), receivedBy: 'x', cardNo: '', status: 'active' })))
  // Written directly, not through the functions: the units' tallies are counted from the records, as the nightly recount does.
  await recountTallies(db, {}, new Date(), () => {})
}

let h: Harness
beforeAll(async () => {
  h = await openHarness({ seed: seedBigUnit, now: new Date('2026-03-16T02:00:00Z') })
}, 60_000)
afterAll(() => h.close())

it('counts all 3,000 members of a unit and all 2,900 reports', async () => {
  const stats = await h.asUser(USERS.secretary1).ok('stats', { action: 'unit', unitId: UNITS.u1._id })
  expect(stats).toMatchObject({
    declaredMemberTotal: 3100,
    declaredResidentTotal: 3000,
    memberTotal: BIG,
    reported: REPORTED,
    claimedProjects: REGISTERED * 2,
    overdue: BIG - REPORTED,
    rate: { reported: REPORTED, total: BIG, belowThreshold: false },
  })
  expect(stats.rate.rate).toBeCloseTo(REPORTED / BIG, 10)
})

it('the roster pages through all 3,000 and filters the 100 unreported', async () => {
  const secretary = h.asUser(USERS.secretary1)
  expect((await secretary.ok('roster', { action: 'list', unitId: UNITS.u1._id, pageSize: 100 })).total).toBe(BIG)
  const last = await secretary.ok('roster', { action: 'list', unitId: UNITS.u1._id, pageSize: 100, page: 30 })
  expect(last.rows).toHaveLength(100)
  const unreported = await secretary.ok('roster', { action: 'list', unitId: UNITS.u1._id, filter: 'unreported', pageSize: 100 })
  expect(unreported.total).toBe(BIG - REPORTED)
  expect(unreported.rows.every((r) => r.reportedAt === null && r.overdue)).toBe(true)
  expect((await secretary.ok('roster', { action: 'list', unitId: UNITS.u1._id, filter: 'overdue' })).total).toBe(BIG - REPORTED)
})

it('the district sees every unit, sorted by rate, the one below 95% marked', async () => {
  const stats = await h.asUser(USERS.district).ok('stats', { action: 'district' })
  expect(stats.rows).toEqual([
    { unitId: UNITS.u2._id, unitName: '区财政局', memberTotal: 10, reported: 5, rate: 0.5, belowThreshold: true },
    { unitId: UNITS.u1._id, unitName: '区教育局', memberTotal: BIG, reported: REPORTED, rate: REPORTED / BIG, belowThreshold: false },
  ])
  expect(stats.totals).toEqual({ memberTotal: BIG + 10, reported: REPORTED + 5, rate: (REPORTED + 5) / (BIG + 10) })
})

it('a street sees, per unit, the members living in its communities', async () => {
  // Street A holds communities a1 and a2: members i % 3 in {0, 1}.
  const inA = Array.from({ length: BIG }, (_, i) => i).filter((i) => i % 3 !== 2)
  const reportedInA = inA.filter((i) => i < REPORTED).length
  const street = await h.asUser(USERS.streetA).ok('stats', { action: 'district' })
  expect(street.scopeName).toBe('甲街道')
  expect(street.rows).toEqual([{ unitId: UNITS.u1._id, unitName: '区教育局', memberTotal: inA.length, reported: reportedInA, rate: reportedInA / inA.length, belowThreshold: reportedInA / inA.length < 0.95 }])
  const b = await h.asUser(USERS.district).ok('stats', { action: 'district', streetId: STREETS.b })
  expect(b.scopeName).toBe('乙街道')
  expect(b.rows.map((r) => [r.unitName, r.memberTotal, r.reported])).toEqual([
    ['区财政局', 10, 5],
    ['区教育局', BIG - inA.length, Array.from({ length: BIG }, (_, i) => i).filter((i) => i % 3 === 2 && i < REPORTED).length],
  ])
  expect(street.rows[0]!.memberTotal + b.rows[1]!.memberTotal).toBe(BIG)
})
