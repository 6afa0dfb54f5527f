import type { Grant } from '../../src/domain/roles'
import type { Database } from '../../server/kernel/database'
import { openHarness, type Harness } from './support/bridge-client'
import { addMember, COMMUNITIES, DISTRICT, postId, seedCity, UNITS, USERS } from './support/fixture'

// What the unit, the community and the volunteer centre see of who took part
// (issue 9 §5, §6): each member's year against the rule (2 + 2), who is short,
// the unit's activities with attendance, the community's 附件2, and the
// members behind each 志愿专业服务 item. Attendance comes through the
// organiser's own actions; unit-organised activities (which pairing brings)
// are written as their documents.

let h: Harness
const CENTRE = USERS.volunteerCentre
const OTHER_CENTRE = 'volunteer-centre-2'
// Unit 1: m-1 and m-2 live in 曙光 (a1), m-3 in 桃源 (a2); unit 2: m-4 in 曙光.
const U1 = ['m-1', 'm-2', 'm-3']

async function report(db: Database, memberId: string, community: keyof typeof COMMUNITIES, claims: Array<{ post: string; category: string; name: string }>, hobbies = '') {
  const c = COMMUNITIES[community]
  const member = (await db.collection('members').doc(memberId).get()) as unknown as { data: { unitId: string } }
  await db.collection('reports').doc(`report-${memberId}`).set({
    data: { memberId, unitId: member.data.unitId, communityId: c._id, streetId: c.streetId, districtId: DISTRICT, reportedAt: new Date('2026-01-10T02:00:00Z'), receivedBy: 'staff', cardNo: '', status: 'active' },
  })
  await db.collection('members').doc(memberId).update({ data: { report: { reportId: `report-${memberId}`, communityId: c._id, reportedAt: new Date('2026-01-10T02:00:00Z') } } })
  await db.collection('registrations').doc(`reg-${memberId}`).set({
    data: {
      memberId,
      unitId: member.data.unitId,
      communityId: c._id,
      streetId: c.streetId,
      districtId: DISTRICT,
      gender: '女',
      birthMonth: '1988-03',
      address: `${c.name}5幢301`,
      jobTitle: '副科长',
      mobile: '',
      hobbies,
      claims: claims.map((k, order) => ({ postId: k.post, postName: k.name, category: k.category, categoryName: '', order })),
      claimCount: claims.length,
    },
  })
}

/** A unit-organised activity in a paired community, with these members present (pairing writes these). */
async function unitActivity(db: Database, id: string, startAt: string, memberIds: string[]) {
  const c = COMMUNITIES.a1
  const start = new Date(startAt)
  const end = new Date(start.getTime() + 2 * 3_600_000)
  await db.collection('activities').doc(id).set({
    data: { organiserKind: 'unit', communityId: c._id, streetId: c.streetId, districtId: DISTRICT, title: '结对共建', postId: null, postName: null, description: '', place: '曙光社区', startAt: start, endAt: end, status: 'ended', signupRequired: false, capacity: 0, signupOpensAt: null, signupClosesAt: start, location: null, signedUp: 0, waitlist: [], cancelReason: null, createdBy: 'x', createdAt: start, updatedAt: start },
  })
  for (const memberId of memberIds) {
    await db.collection('attendance').doc(`${id}:${memberId}`).set({
      data: { activityId: id, memberId, unitId: UNITS.u1._id, organiserKind: 'unit', communityId: c._id, year: start.getFullYear(), inAt: start, inMethod: 'code', outAt: end, outMethod: 'code', reason: null, location: null, recordedBy: 'x' },
    })
  }
}

beforeAll(async () => {
  h = await openHarness({
    seed: async (db) => {
      await seedCity(db)
      await addMember(db, { id: 'm-1', unit: 'u1', community: 'a1', name: '陈红', mobile: '13700000001' })
      await addMember(db, { id: 'm-2', unit: 'u1', community: 'a1', name: '李明', mobile: '13700000002' })
      await addMember(db, { id: 'm-3', unit: 'u1', community: 'a2', name: '王芳', mobile: '13700000003' })
      await addMember(db, { id: 'm-4', unit: 'u2', community: 'a1', name: '赵刚', mobile: '13700000004' })
      const health = { category: 'volunteer', name: '健康服务' }
      await report(db, 'm-1', 'a1', [{ post: postId('a1', 'volunteer', 1), ...health }, { post: postId('a1', 'management', 1), category: 'management', name: '顾问员' }], '中医推拿')
      await report(db, 'm-2', 'a1', [{ post: postId('a1', 'management', 2), category: 'management', name: '民情联络员' }])
      await report(db, 'm-3', 'a2', [{ post: postId('a2', 'volunteer', 1), ...health }])
      await report(db, 'm-4', 'a1', [{ post: postId('a1', 'volunteer', 2), category: 'volunteer', name: '心理疏导' }])
      await unitActivity(db, 'unit-act-1', '2026-02-01T01:00:00Z', ['m-1', 'm-2'])
      await unitActivity(db, 'unit-act-2', '2026-02-08T01:00:00Z', ['m-1'])
      await unitActivity(db, 'unit-act-2025', '2025-06-08T01:00:00Z', ['m-2', 'm-3'])
      const centre = (districtId: string): Grant[] => [{ role: 'volunteerCentre', scope: { districtId } }]
      await db.collection('users').doc(`user-${OTHER_CENTRE}`).set({ data: { openid: OTHER_CENTRE, name: '外区志愿者中心', grants: centre('district-other') } })
    },
  })
  // Two community activities in 曙光, attended (by hand, as the organiser may record them); a third cancelled after m-2 signed in.
  const staff = h.asUser(USERS.staffA1)
  const held = async (title: string, startAt: string, memberIds: string[], cancel = false) => {
    const a = await staff.ok('activity', { action: 'create', communityId: COMMUNITIES.a1._id, title, place: '曙光社区活动室', startAt, endAt: new Date(new Date(startAt).getTime() + 7_200_000).toISOString() })
    await staff.ok('activity', { action: 'publish', activityId: a.activityId })
    for (const memberId of memberIds) await staff.ok('activity', { action: 'addRecord', activityId: a.activityId, memberId, inAt: startAt, reason: '现场签到表补录' })
    if (cancel) await staff.ok('activity', { action: 'cancel', activityId: a.activityId, reason: '临时取消' })
    return a
  }
  await held('社区环境整治', '2026-03-05T01:00:00+00:00', ['m-1', 'm-2', 'm-4'])
  await held('政策宣讲', '2026-03-12T01:00:00+00:00', ['m-1'])
  await held('暴雨前巡查', '2026-03-14T01:00:00+00:00', ['m-2'], true)
})
afterAll(() => h.close())

describe("the unit's members against the year's rule", () => {
  it('counts each kind, leaves out a cancelled activity and another year, and says who is short', async () => {
    const seen = await h.asUser(USERS.secretary1).ok('participation', { action: 'unitMembers', unitId: UNITS.u1._id, year: 2026 })
    expect(seen).toMatchObject({ year: 2026, memberTotal: 3, shortTotal: 2, total: 3 })
    const byId = Object.fromEntries(seen.rows.map((r) => [r.memberId, r]))
    expect(byId['m-1']).toMatchObject({ community: 2, unit: 2, short: false, communityShort: 0, unitShort: 0, communityName: '曙光社区' })
    expect(byId['m-2']).toMatchObject({ community: 1, unit: 1, short: true, communityShort: 1, unitShort: 1 })
    expect(byId['m-3']).toMatchObject({ community: 0, unit: 0, short: true, communityShort: 2, communityName: '桃源社区' })
    // Short first.
    expect(seen.rows.map((r) => r.short)).toEqual([true, true, false])
    const lastYear = await h.asUser(USERS.liaison1).ok('participation', { action: 'unitMembers', unitId: UNITS.u1._id, year: 2025 })
    expect(Object.fromEntries(lastYear.rows.map((r) => [r.memberId, r.unit]))).toEqual({ 'm-1': 0, 'm-2': 1, 'm-3': 1 })
  })

  it('lists only those short when asked, and pages through every member once', async () => {
    const short = await h.asUser(USERS.secretary1).ok('participation', { action: 'unitMembers', unitId: UNITS.u1._id, filter: 'short' })
    expect(short).toMatchObject({ year: 2026, total: 2, shortTotal: 2, memberTotal: 3 })
    expect(short.rows.map((r) => r.memberId).sort()).toEqual(['m-2', 'm-3'])
    const pages = []
    for (const page of [1, 2]) pages.push(...(await h.asUser(USERS.secretary1).ok('participation', { action: 'unitMembers', unitId: UNITS.u1._id, page, pageSize: 2 })).rows.map((r) => r.memberId))
    expect(pages.sort()).toEqual(U1)
  })

  it("lists the activities the unit's members attended, latest first, with how many", async () => {
    const seen = await h.asUser(USERS.liaison1).ok('participation', { action: 'unitActivities', unitId: UNITS.u1._id, year: 2026 })
    expect(seen.total).toBe(4)
    expect(seen.rows.map((r) => [r.title, r.organiserKind, r.attended])).toEqual([
      ['政策宣讲', 'community', 1],
      ['社区环境整治', 'community', 2],
      ['结对共建', 'unit', 1],
      ['结对共建', 'unit', 2],
    ])
    expect(seen.rows[0]!.communityName).toBe('曙光社区')
  })

  it("is the unit's own: another unit's secretary, staff, members and the volunteer centre are refused", async () => {
    for (const action of ['unitMembers', 'unitActivities'] as const) {
      expect((await h.asUser(USERS.secretary2).fail('participation', { action, unitId: UNITS.u1._id })).code).toBe('FORBIDDEN')
      for (const openid of [USERS.staffA1, 'm-1', CENTRE, USERS.district]) expect([openid, (await h.asUser(openid).fail('participation', { action, unitId: UNITS.u1._id })).code]).toEqual([openid, 'FORBIDDEN'])
    }
    expect((await h.asUser(USERS.secretary1).rawFail('participation', { action: 'unitMembers', unitId: UNITS.u1._id, filter: 'none' })).code).toBe('VALIDATION_FAILED')
  })
})

describe('附件2 在职党员参与社区服务活动情况登记表', () => {
  it('lists every member reported to the community with their items and the dated activities they attended there', async () => {
    const seen = await h.asUser(USERS.staffA1).ok('participation', { action: 'register', communityId: COMMUNITIES.a1._id, year: 2026 })
    expect(seen.communityName).toBe('曙光社区')
    expect(seen.rows.map((r) => [r.index, r.memberId])).toEqual([
      [1, 'm-1'],
      [2, 'm-2'],
      [3, 'm-4'],
    ])
    const chen = seen.rows[0]!
    expect(chen).toMatchObject({ name: '陈红', unitAndTitle: '区教育局 副科长', address: '曙光社区5幢301', claimedItems: '健康服务、顾问员', evaluation: null })
    // Community activities and the unit's activities held here, by date; the cancelled one is not a service.
    expect(chen.services).toEqual(['2月1日 结对共建', '2月8日 结对共建', '3月5日 社区环境整治', '3月12日 政策宣讲'])
    expect(seen.rows[1]!.services).toEqual(['2月1日 结对共建', '3月5日 社区环境整治'])
    // The community's staff see the mobiles of members reported to them.
    expect(chen.mobile).toBe('13700000001')
  })

  it("is the community's own", async () => {
    for (const openid of [USERS.staffA2, USERS.secretary1, 'm-1', CENTRE]) {
      expect([openid, (await h.asUser(openid).fail('participation', { action: 'register', communityId: COMMUNITIES.a1._id })).code]).toEqual([openid, 'FORBIDDEN'])
    }
  })
})

describe('the volunteer centre', () => {
  it('sees how many of the district chose each 志愿专业服务 item, and who, by community, with their 特长', async () => {
    const items = await h.asUser(CENTRE).ok('participation', { action: 'volunteerItems' })
    expect(items).toHaveLength(10)
    expect(items.filter((i) => i.members > 0)).toEqual([
      { item: '健康服务', description: expect.any(String), members: 2 },
      { item: '心理疏导', description: expect.any(String), members: 1 },
    ])
    const health = await h.asUser(CENTRE).ok('participation', { action: 'volunteers', item: '健康服务' })
    expect(health.total).toBe(2)
    expect(health.rows).toEqual([
      { memberId: 'm-1', memberName: '陈红', communityName: '曙光社区', unitName: '区教育局', specialty: '中医推拿' },
      { memberId: 'm-3', memberName: '王芳', communityName: '桃源社区', unitName: '区教育局', specialty: '' },
    ])
  })

  it('sees members only through the items: no other item, no other district, and nothing of units or communities', async () => {
    expect((await h.asUser(CENTRE).fail('participation', { action: 'volunteers', item: '顾问员' })).code).toBe('NOT_A_VOLUNTEER_ITEM')
    expect((await h.asUser(OTHER_CENTRE).ok('participation', { action: 'volunteers', item: '健康服务' })).total).toBe(0)
    for (const [fn, input] of [
      ['participation', { action: 'register', communityId: COMMUNITIES.a1._id }],
      ['roster', { action: 'list', unitId: UNITS.u1._id }],
      ['posts', { action: 'summary', communityId: COMMUNITIES.a1._id }],
      ['stats', { action: 'unit', unitId: UNITS.u1._id }],
    ] as const) {
      // A table across functions: the typed caller cannot pair each function with its input, so the raw one.
      expect([fn, (await h.asUser(CENTRE).rawFail(fn, input)).code]).toEqual([fn, 'FORBIDDEN'])
    }
    for (const openid of [USERS.district, USERS.staffA1, USERS.secretary1, 'm-1']) {
      expect([openid, (await h.asUser(openid).fail('participation', { action: 'volunteerItems' })).code]).toEqual([openid, 'FORBIDDEN'])
    }
  })
})

describe("the volunteer centre's activities", () => {
  const fields = { title: '社区义诊', place: '桃源社区卫生站', startAt: '2026-03-20T01:00:00+00:00', endAt: '2026-03-20T03:00:00+00:00' }

  it('are open to the members who chose the item wherever they live, count as community-organised, and are the centre’s alone to run', async () => {
    const centre = h.asUser(CENTRE)
    const draft = await centre.ok('activity', { action: 'createVolunteer', communityId: COMMUNITIES.a2._id, item: '健康服务', ...fields })
    expect(draft).toMatchObject({ organiserKind: 'volunteerCentre', communityName: '桃源社区', postName: '健康服务', postId: postId('a2', 'volunteer', 1), status: 'draft' })
    // The community's staff and other organisers do not run it; the centre runs no one else's.
    expect((await h.asUser(USERS.staffA2).fail('activity', { action: 'publish', activityId: draft.activityId })).code).toBe('NOT_FOUND')
    await centre.ok('activity', { action: 'publish', activityId: draft.activityId })
    expect((await centre.fail('activity', { action: 'create', communityId: COMMUNITIES.a2._id, ...fields })).code).toBe('FORBIDDEN')
    const staffs = await h.asUser(USERS.staffA2).ok('activity', { action: 'create', communityId: COMMUNITIES.a2._id, ...fields })
    expect((await centre.fail('activity', { action: 'publish', activityId: staffs.activityId })).code).toBe('NOT_FOUND')
    expect((await h.asUser(OTHER_CENTRE).fail('activity', { action: 'publish', activityId: draft.activityId })).code).toBe('NOT_FOUND')
    expect((await centre.fail('activity', { action: 'createVolunteer', communityId: COMMUNITIES.a2._id, item: '顾问员', ...fields })).code).toBe('NOT_A_VOLUNTEER_ITEM')
    expect((await h.asUser(USERS.staffA2).fail('activity', { action: 'createVolunteer', communityId: COMMUNITIES.a2._id, item: '健康服务', ...fields })).code).toBe('FORBIDDEN')
    expect((await centre.ok('activity', { action: 'list' })).rows.map((r) => r.activityId)).toEqual([draft.activityId])

    // m-1 lives in 曙光 and chose 健康服务; m-3 lives here and chose it; m-2 and m-4 did not.
    for (const member of ['m-1', 'm-3']) {
      expect((await h.asUser(member).ok('activity', { action: 'list' })).rows.map((r) => r.activityId)).toContain(draft.activityId)
    }
    for (const member of ['m-2', 'm-4']) {
      expect((await h.asUser(member).ok('activity', { action: 'list' })).rows.map((r) => r.activityId)).not.toContain(draft.activityId)
      expect((await h.asUser(member).fail('activity', { action: 'get', activityId: draft.activityId })).code).toBe('NOT_FOUND')
    }
    await centre.ok('activity', { action: 'addRecord', activityId: draft.activityId, memberId: 'm-1', inAt: fields.startAt, reason: '现场签到表补录' })
    expect((await centre.fail('activity', { action: 'addRecord', activityId: draft.activityId, memberId: 'm-2', inAt: fields.startAt, reason: '现场签到表补录' })).code).toBe('ACTIVITY_NOT_FOR_YOU')
    const year = await h.asUser(USERS.secretary1).ok('participation', { action: 'unitMembers', unitId: UNITS.u1._id, year: 2026 })
    expect(year.rows.find((r) => r.memberId === 'm-1')).toMatchObject({ community: 3, unit: 2 })
    expect((await h.asUser('m-1').ok('activity', { action: 'myYear', year: 2026 })).community).toBe(3)
  })
})


