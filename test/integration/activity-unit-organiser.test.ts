import { openHarness, type Harness } from './support/bridge-client'
import { expectNothingWritten } from './support/db-state'
import { addMember, COMMUNITIES, postId, seedCity, UNITS, USERS } from './support/fixture'

// The unit organiser's journey (issue 9 §2, §5, §7): a unit's secretary or
// liaison plans from the paired community's catalog, runs the activity through
// publish, codes, records and end; the paired community's staff read its
// sign-ups and attendance but run nothing; everyone else sees nothing.

let h: Harness
beforeAll(async () => {
  h = await openHarness({
    seed: async (db) => {
      await seedCity(db)
      // u1's members: one lives in the paired community, one elsewhere.
      await addMember(db, { id: 'm-u1-a1', unit: 'u1', community: 'a1', name: '陈一', mobile: '13600000001' })
      await addMember(db, { id: 'm-u1-b1', unit: 'u1', community: 'b1', name: '陈二', mobile: '13600000002' })
    },
  })
  for (const member of ['m-u1-a1', 'm-u1-b1']) await h.asUser(member).ok('bootstrap', { action: 'get' })
  await h.asUser(USERS.streetA).ok('pairing', { action: 'create', unitId: UNITS.u1._id, communityId: COMMUNITIES.a1._id })
})
afterAll(() => h.close())

const as = (openid: string) => h.asUser(openid)
const minutes = (n: number) => new Date(h.clock.now.getTime() + n * 60_000).toISOString()
const post = postId('a1', 'management', 1)

describe('the paired community’s catalog', () => {
  it('is open to the secretary and liaison of a unit paired with it now, and to no other unit', async () => {
    for (const openid of [USERS.secretary1, USERS.liaison1]) {
      const posts = await as(openid).ok('posts', { action: 'list', communityId: COMMUNITIES.a1._id })
      expect(posts.map((p) => p.postId)).toContain(post)
      expect(posts.every((p) => p.active)).toBe(true)
    }
    expect((await as(USERS.secretary1).fail('posts', { action: 'list', communityId: COMMUNITIES.a2._id })).code).toBe('FORBIDDEN')
    expect((await as(USERS.secretary2).fail('posts', { action: 'list', communityId: COMMUNITIES.a1._id })).code).toBe('FORBIDDEN')
    // A member of u1 does not browse a community by their unit's pairing.
    expect((await as('m-u1-b1').fail('posts', { action: 'list', communityId: COMMUNITIES.a1._id })).code).toBe('FORBIDDEN')
  })
})

describe('a unit-organised activity, role by role', () => {
  let activityId = ''

  it('the liaison creates it with the unit and a post of the paired community; the unit’s list has the draft', async () => {
    const draft = await as(USERS.liaison1).ok('activity', {
      action: 'create',
      unitId: UNITS.u1._id,
      communityId: COMMUNITIES.a1._id,
      title: '结对共建：政策宣讲',
      postId: post,
      place: '曙光社区会议室',
      startAt: minutes(30),
      endAt: minutes(150),
    })
    expect(draft).toMatchObject({ organiserKind: 'unit', unitId: UNITS.u1._id, postId: post, status: 'draft' })
    activityId = draft.activityId
    const listed = await as(USERS.secretary1).ok('activity', { action: 'list', unitId: UNITS.u1._id })
    expect(listed.rows.map((r) => [r.activityId, r.status])).toEqual([[activityId, 'draft']])
    // A draft is the unit's alone: its community's staff read nothing of it yet.
    expect((await as(USERS.staffA1).fail('activity', { action: 'attendance', activityId })).code).toBe('NOT_FOUND')
  })

  it('the secretary publishes it, shows its codes and records attendance', async () => {
    expect((await as(USERS.secretary1).ok('activity', { action: 'publish', activityId })).status).toBe('published')
    for (const direction of ['in', 'out'] as const) {
      expect((await as(USERS.secretary1).ok('activity', { action: 'signinCode', activityId, direction })).direction).toBe(direction)
    }
    const scan = await as('m-u1-b1').ok('activity', { action: 'signIn', token: (await as(USERS.liaison1).ok('activity', { action: 'signinCode', activityId, direction: 'in' })).token })
    expect(scan).toMatchObject({ activityId, direction: 'in', already: false })
    const added = await as(USERS.secretary1).ok('activity', { action: 'addRecord', activityId, memberId: 'm-u1-a1', inAt: minutes(30), outAt: minutes(90), reason: '未带手机' })
    expect(added).toMatchObject({ memberId: 'm-u1-a1', inMethod: 'manual', reason: '未带手机' })
  })

  it('the paired community’s staff read its attendance, and change nothing', async () => {
    const read = await as(USERS.staffA1).ok('activity', { action: 'attendance', activityId })
    expect(read.attended.map((r) => [r.memberName, r.inMethod])).toEqual([
      ['陈二', 'code'],
      ['陈一', 'manual'],
    ])
    await expectNothingWritten(h.db, async () => {
      const attempts = [
        { action: 'publish', activityId },
        { action: 'end', activityId },
        { action: 'cancel', activityId, reason: '越权' },
        { action: 'update', activityId, title: '越权', note: '' },
        { action: 'signinCode', activityId, direction: 'in' },
        { action: 'addRecord', activityId, memberId: 'm-u1-a1', inAt: minutes(30), reason: '越权' },
        { action: 'correctRecord', activityId, memberId: 'm-u1-a1', inAt: minutes(40), reason: '越权' },
      ] as const
      for (const attempt of attempts) expect([attempt.action, (await as(USERS.staffA1).fail('activity', attempt)).code]).toEqual([attempt.action, 'NOT_FOUND'])
    })
  })

  it('staff of another community, another unit’s secretary and a resident read nothing of it', async () => {
    for (const openid of [USERS.staffA2, USERS.staffB1, USERS.secretary2, USERS.liaison2]) {
      expect([openid, (await as(openid).fail('activity', { action: 'attendance', activityId })).code]).toEqual([openid, 'NOT_FOUND'])
    }
    expect((await as(USERS.residentA1).fail('activity', { action: 'attendance', activityId })).code).toBe('FORBIDDEN')
  })

  it('the secretary ends it; the community then reads the sign-out at the scheduled end', async () => {
    h.clock.now = new Date(h.clock.now.getTime() + 40 * 60_000)
    expect((await as(USERS.secretary1).ok('activity', { action: 'end', activityId })).status).toBe('ended')
    const read = await as(USERS.staffA1).ok('activity', { action: 'attendance', activityId })
    const byCode = read.attended.find((r) => r.memberName === '陈二')!
    expect(byCode).toMatchObject({ outMethod: 'scheduledEnd' })
    expect(byCode.minutes).toBeGreaterThan(0)
  })
})

describe('the volunteer centre’s activities', () => {
  it('picks any community of its district, creates for an item there, lists and runs only its own; the community reads it', async () => {
    const centre = as(USERS.volunteerCentre)
    const communities = await centre.ok('roster', { action: 'communities' })
    expect(communities.map((c) => c.communityId).sort()).toEqual([COMMUNITIES.a1._id, COMMUNITIES.a2._id, COMMUNITIES.b1._id].sort())
    const draft = await centre.ok('activity', { action: 'createVolunteer', communityId: COMMUNITIES.b1._id, item: '健康服务', title: '健康义诊', place: '古荡社区卫生站', startAt: minutes(30), endAt: minutes(90) })
    expect(draft).toMatchObject({ organiserKind: 'volunteerCentre', postName: '健康服务', status: 'draft' })
    const listed = await centre.ok('activity', { action: 'list' })
    expect(listed.rows.map((r) => r.activityId)).toEqual([draft.activityId])
    await centre.ok('activity', { action: 'publish', activityId: draft.activityId })
    expect((await centre.ok('activity', { action: 'attendance', activityId: draft.activityId })).attended).toEqual([])
    expect((await as(USERS.staffB1).ok('activity', { action: 'attendance', activityId: draft.activityId })).activityId).toBe(draft.activityId)
    expect((await as(USERS.staffB1).fail('activity', { action: 'end', activityId: draft.activityId })).code).toBe('NOT_FOUND')
    expect((await as(USERS.staffA1).fail('activity', { action: 'attendance', activityId: draft.activityId })).code).toBe('NOT_FOUND')
  })
})

describe('residents', () => {
  it('list their community’s own activities, not a paired unit’s held there', async () => {
    const draft = await as(USERS.secretary1).ok('activity', { action: 'create', unitId: UNITS.u1._id, communityId: COMMUNITIES.a1._id, title: '结对共建：义诊', place: '曙光社区广场', startAt: minutes(600), endAt: minutes(660) })
    const unitActivity = await as(USERS.secretary1).ok('activity', { action: 'publish', activityId: draft.activityId })
    const ownDraft = await as(USERS.staffA1).ok('activity', { action: 'create', communityId: COMMUNITIES.a1._id, title: '社区议事会', place: '曙光社区会议室', startAt: minutes(600), endAt: minutes(660) })
    const own = await as(USERS.staffA1).ok('activity', { action: 'publish', activityId: ownDraft.activityId })
    const listed = (await as(USERS.residentA1).ok('activity', { action: 'list', pageSize: 100 })).rows.map((r) => r.activityId)
    expect(listed).toContain(own.activityId)
    expect(listed).not.toContain(unitActivity.activityId)
    // The community's staff see both.
    const staffList = (await as(USERS.staffA1).ok('activity', { action: 'list', pageSize: 100 })).rows.map((r) => r.activityId)
    expect(staffList).toEqual(expect.arrayContaining([own.activityId, unitActivity.activityId]))
  })
})
