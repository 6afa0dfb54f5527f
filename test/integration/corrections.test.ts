import { getRows } from '../../server/db/read'
import { yearCloseId } from '../../server/db/year-close'
import { SAMPLES } from '../domain/support/sample-files'
import { openHarness, type Harness } from './support/bridge-client'
import { recordDbRequests } from './support/db-requests'
import { expectNothingWritten } from './support/db-state'
import { addMember, COMMUNITIES, DISTRICT, seedCity, UNITS, USERS } from './support/fixture'

// 数据核对 (issue 11 §3, 000 §二.(一)): the unit raises a request about what the
// community holds on a member; the staff of the community the member reported
// to resolve it, fixed or declined with the reason; both sides see it and hear
// of it. Also the member's photo (three ways to set it, each scoped) and the
// 一句话承诺 (own only, until the year is closed).

let h: Harness
const u1 = UNITS.u1._id
const a1 = COMMUNITIES.a1._id
const secretary = () => h.asUser(USERS.secretary1)
const staff = () => h.asUser(USERS.staffA1)

async function report(memberId: string, community: keyof typeof COMMUNITIES) {
  const c = COMMUNITIES[community]
  const member = (await h.db.collection('members').doc(memberId).get()) as unknown as { data: { unitId: string } }
  const reportedAt = new Date('2026-01-10T02:00:00Z')
  await h.db.collection('reports').doc(`report-${memberId}`).set({
    data: { memberId, unitId: member.data.unitId, communityId: c._id, streetId: c.streetId, districtId: DISTRICT, reportedAt, receivedBy: 'staff', cardNo: '', status: 'active' },
  })
  await h.db.collection('members').doc(memberId).update({ data: { report: { reportId: `report-${memberId}`, communityId: c._id, reportedAt } } })
}

const messages = async (kind: string) => getRows<{ touser: string; key: string }>(h.db.collection('messages').where({ kind }))

beforeAll(async () => {
  h = await openHarness({
    now: new Date('2026-12-04T02:00:00Z'),
    seed: async (db) => {
      await seedCity(db)
      await addMember(db, { id: 'm-a', unit: 'u1', community: 'a1', name: '张伟', mobile: '13700000001' })
      await addMember(db, { id: 'm-b', unit: 'u1', community: 'a1', name: '王芳', mobile: '13700000002' })
      await addMember(db, { id: 'm-other', unit: 'u2', community: 'a1', name: '李娜', mobile: '13700000003' })
      await addMember(db, { id: 'm-new', unit: 'u1', community: 'b1', name: '赵磊', mobile: '13700000004' })
      await db.collection('activities').doc('act-1').set({ data: { title: '社区义诊', communityId: a1, streetId: COMMUNITIES.a1.streetId, districtId: DISTRICT, organiserKind: 'community', startAt: new Date('2026-06-01T01:00:00Z'), endAt: new Date('2026-06-01T03:00:00Z'), status: 'ended' } })
      await db.collection('activities').doc('act-b1').set({ data: { title: '古荡植树', communityId: COMMUNITIES.b1._id, streetId: COMMUNITIES.b1.streetId, districtId: DISTRICT, organiserKind: 'community', startAt: new Date('2026-03-12T01:00:00Z'), endAt: new Date('2026-03-12T03:00:00Z'), status: 'ended' } })
    },
  })
  await report('m-a', 'a1')
  await report('m-b', 'a1')
  await report('m-other', 'a1')
  for (const id of ['m-a', 'm-b', 'm-other', 'm-new', USERS.staffA1, USERS.staffA2, USERS.staffB1, USERS.secretary1, USERS.liaison1, USERS.secretary2, USERS.residentA1]) {
    await h.asUser(id).ok('bootstrap', { action: 'get' })
  }
})
afterAll(() => h.close())

describe('a correction request', () => {
  it('goes from the unit to the community it reported to, and back as 已更正, with who and when', async () => {
    const { result: raised, requests } = await recordDbRequests(() => secretary().ok('corrections', { action: 'raise', memberId: 'm-a', field: 'claims', text: '张伟认领的是理发，不是水电维修' }))
    expect(raised).toMatchObject({ memberName: '张伟', unitName: '区教育局', communityId: a1, communityName: '曙光社区', field: 'claims', status: 'open', answer: null, raisedByName: USERS.secretary1 })
    expect(requests.length).toBeLessThanOrEqual(9) // corrections.raise: a constant, whatever the data's size
    // Each staff member of the community is told (recorded in the outbox), no one else.
    expect((await messages('correctionRaised')).map((m) => m.touser)).toEqual([USERS.staffA1])

    const listed = await recordDbRequests(() => staff().ok('corrections', { action: 'list', communityId: a1 }))
    expect(listed.requests.length).toBeLessThanOrEqual(6) // corrections.list: a constant, whatever the data's size
    expect(listed.result.rows.map((r) => r.correctionId)).toContain(raised.correctionId)
    expect(listed.result.counts.open).toBeGreaterThanOrEqual(1)

    const opened = await recordDbRequests(() => staff().ok('corrections', { action: 'get', correctionId: raised.correctionId }))
    expect(opened.requests.length).toBeLessThanOrEqual(5) // corrections.get: a constant, whatever the data's size
    expect(opened.result.held.lines).toEqual(['尚未认领服务项目'])

    const fixed = await recordDbRequests(() => staff().ok('corrections', { action: 'resolve', correctionId: raised.correctionId, outcome: 'fixed', answer: '已改为理发' }))
    expect(fixed.requests.length).toBeLessThanOrEqual(9) // corrections.resolve: a constant, whatever the data's size
    expect(fixed.result).toMatchObject({ status: 'fixed', answer: '已改为理发', resolvedByName: USERS.staffA1 })
    expect(fixed.result.resolvedAt).toBe('2026-12-04T02:00:00.000Z')
    expect((await messages('correctionResolved')).map((m) => m.touser)).toEqual([USERS.secretary1])

    const unitList = await recordDbRequests(() => h.asUser(USERS.liaison1).ok('corrections', { action: 'unitList', unitId: u1, status: 'all' }))
    expect(unitList.requests.length).toBeLessThanOrEqual(6) // corrections.unitList: a constant, whatever the data's size
    expect(unitList.result.rows.find((r) => r.correctionId === raised.correctionId)).toMatchObject({ status: 'fixed', answer: '已改为理发' })
    // Resolved twice: refused, nothing written.
    await expectNothingWritten(h.db, async () => {
      expect((await staff().fail('corrections', { action: 'resolve', correctionId: raised.correctionId, outcome: 'declined', answer: '不对' })).code).toBe('CORRECTION_RESOLVED')
    })
    // Once resolved, the same thing may be raised again: a new request.
    const again = await secretary().ok('corrections', { action: 'raise', memberId: 'm-a', field: 'claims', text: '还少了一个助老' })
    expect(again.correctionId).not.toBe(raised.correctionId)
  })

  it('is declined only with a reason, and shows the held value of the field', async () => {
    const raised = await h.asUser(USERS.liaison1).ok('corrections', { action: 'raise', memberId: 'm-b', field: 'activity', activityId: 'act-1', text: '王芳参加了义诊，记录里没有' })
    expect(raised).toMatchObject({ activityId: 'act-1', activityTitle: '社区义诊' })
    const detail = await staff().ok('corrections', { action: 'get', correctionId: raised.correctionId })
    expect(detail.held.lines).toEqual(['社区义诊：没有签到记录'])
    await expectNothingWritten(h.db, async () => {
      expect((await staff().fail('corrections', { action: 'resolve', correctionId: raised.correctionId, outcome: 'declined' })).code).toBe('CORRECTION_ANSWER_REQUIRED')
    })
    const declined = await staff().ok('corrections', { action: 'resolve', correctionId: raised.correctionId, outcome: 'declined', answer: '签到表上没有王芳，请核实' })
    expect(declined).toMatchObject({ status: 'declined', answer: '签到表上没有王芳，请核实' })
    const mine = await secretary().ok('corrections', { action: 'unitList', unitId: u1, status: 'resolved' })
    expect(mine.rows.find((r) => r.correctionId === raised.correctionId)?.status).toBe('declined')
  })

  it('raised twice while open returns the open one, writing nothing', async () => {
    const first = await secretary().ok('corrections', { action: 'raise', memberId: 'm-b', field: 'specialty', text: '特长应为书法' })
    await expectNothingWritten(h.db, async () => {
      const second = await h.asUser(USERS.liaison1).ok('corrections', { action: 'raise', memberId: 'm-b', field: 'specialty', text: '特长应为书法' })
      expect(second.correctionId).toBe(first.correctionId)
    })
    const detail = await staff().ok('corrections', { action: 'get', correctionId: first.correctionId })
    expect(detail.held.lines).toEqual(['爱好特长（报到登记表）：未填写', '专业特长（单位名册）：未填写'])
  })

  it('is refused to everyone else and on bad input, writing nothing', async () => {
    const open = await secretary().ok('corrections', { action: 'raise', memberId: 'm-a', field: 'photo', text: '照片不是本人' })
    await expectNothingWritten(h.db, async () => {
      const raise = { action: 'raise', memberId: 'm-a', field: 'photo', text: '照片不是本人' } as const
      // Roles without correction.raise.
      expect((await h.asUser('m-a').fail('corrections', raise)).code).toBe('FORBIDDEN')
      expect((await staff().fail('corrections', raise)).code).toBe('FORBIDDEN')
      expect((await h.asUser(USERS.residentA1).fail('corrections', raise)).code).toBe('FORBIDDEN')
      // Another unit's secretary: the member is not theirs.
      expect((await h.asUser(USERS.secretary2).fail('corrections', raise)).code).toBe('NOT_FOUND')
      expect((await h.asUser(USERS.secretary2).fail('corrections', { action: 'unitList', unitId: u1 })).code).toBe('FORBIDDEN')
      expect((await h.asUser(USERS.secretary2).fail('corrections', { action: 'unitMembers', unitId: u1, year: 2026 })).code).toBe('FORBIDDEN')
      // Not reported: nothing held yet.
      expect((await secretary().fail('corrections', { ...raise, memberId: 'm-new' })).code).toBe('NOT_REPORTED')
      // An activity of another community, an activity on another field, bad values.
      expect((await secretary().fail('corrections', { action: 'raise', memberId: 'm-a', field: 'activity', activityId: 'act-b1', text: '缺记录' })).code).toBe('CORRECTION_ACTIVITY_INVALID')
      expect((await secretary().fail('corrections', { action: 'raise', memberId: 'm-a', field: 'claims', activityId: 'act-1', text: '缺记录' })).code).toBe('VALIDATION_FAILED')
      expect((await secretary().rawFail('corrections', { action: 'raise', memberId: 'm-a', field: 'mobile', text: '错' })).code).toBe('VALIDATION_FAILED')
      expect((await secretary().fail('corrections', { ...raise, text: '' })).message).toContain('请填写核对意见')
      expect((await secretary().fail('corrections', { ...raise, text: '错'.repeat(201) })).message).toContain('不能超过200个字')
      // Staff of another community, members, the unit: the request is not theirs to see or resolve.
      expect((await h.asUser(USERS.staffB1).fail('corrections', { action: 'get', correctionId: open.correctionId })).code).toBe('NOT_FOUND')
      expect((await h.asUser(USERS.staffA2).fail('corrections', { action: 'resolve', correctionId: open.correctionId, outcome: 'fixed' })).code).toBe('NOT_FOUND')
      expect((await h.asUser(USERS.staffB1).fail('corrections', { action: 'list', communityId: a1 })).code).toBe('FORBIDDEN')
      expect((await secretary().fail('corrections', { action: 'resolve', correctionId: open.correctionId, outcome: 'fixed' })).code).toBe('FORBIDDEN')
      expect((await h.asUser('m-a').fail('corrections', { action: 'get', correctionId: open.correctionId })).code).toBe('FORBIDDEN')
      expect((await h.asUser(USERS.residentA1).fail('corrections', { action: 'list', communityId: a1 })).code).toBe('FORBIDDEN')
      expect((await staff().fail('corrections', { action: 'get', correctionId: 'correction-nope' })).code).toBe('NOT_FOUND')
    })
  })
})

describe('the member’s photo', () => {
  it('is set by the member, the unit from the roster, or the desk; the unit sees whose is missing', async () => {
    const before = await secretary().ok('corrections', { action: 'unitMembers', unitId: u1, missingPhoto: true, year: 2026 })
    expect(before.rows.map((r) => r.name).sort()).toEqual(['张伟', '王芳', '赵磊'].sort())
    const own = await h.asUser('m-a').uploaded('image', 'me.jpg', SAMPLES.jpeg)
    const mine = await h.asUser('m-a').ok('card', { action: 'photoSet', fileID: own })
    expect(mine).toMatchObject({ memberId: 'm-a', fileID: own })
    expect(mine!.url).toMatch(/^http/)
    const fromUnit = await secretary().uploaded('image', 'wang.png', SAMPLES.png)
    await secretary().ok('roster', { action: 'photoSet', unitId: u1, memberId: 'm-b', fileID: fromUnit })
    const atDesk = await staff().uploaded('image', 'li.jpg', SAMPLES.jpeg)
    await staff().ok('report', { action: 'photoSet', memberId: 'm-other', fileID: atDesk })
    expect((await staff().ok('report', { action: 'photoGet', memberId: 'm-other' }))?.fileID).toBe(atDesk)
    expect((await h.asUser('m-a').ok('report', { action: 'photoGet' }))?.fileID).toBe(own)

    const { result: after, requests } = await recordDbRequests(() => secretary().ok('corrections', { action: 'unitMembers', unitId: u1, missingPhoto: true, year: 2026 }))
    expect(requests.length).toBeLessThanOrEqual(8) // corrections.unitMembers: a constant, whatever the data's size
    expect(after).toMatchObject({ members: 3, missingPhoto: 1, total: 1, rows: [{ name: '赵磊', hasPhoto: false, reportedCommunityName: null }] })
    const found = await secretary().ok('corrections', { action: 'unitMembers', unitId: u1, q: '张', year: 2026 })
    expect(found.rows).toMatchObject([{ memberId: 'm-a', hasPhoto: true, reportedCommunityName: '曙光社区' }])
    expect(found.rows[0]!.photoUrl).toMatch(/^http/)
  })

  it('is refused when not an image, not the caller’s, or not their member, writing nothing', async () => {
    const pdf = await h.asUser('m-b').uploaded('image', 'me.jpg', SAMPLES.pdf)
    const others = await h.asUser('m-a').uploaded('image', 'a.jpg', SAMPLES.jpeg)
    const deskPhoto = await h.asUser(USERS.staffB1).uploaded('image', 'x.jpg', SAMPLES.jpeg)
    const unitPhoto = await h.asUser(USERS.secretary2).uploaded('image', 'y.jpg', SAMPLES.jpeg)
    await expectNothingWritten(h.db, async () => {
      expect((await h.asUser('m-b').fail('card', { action: 'photoSet', fileID: pdf })).code).toBe('NOT_IMAGE')
      expect((await h.asUser('m-b').fail('card', { action: 'photoSet', fileID: others })).code).toBe('FILE_NOT_OURS')
      expect((await secretary().fail('card', { action: 'photoSet', fileID: others })).code).toBe('FORBIDDEN')
      // Staff of a community the member neither reported to nor lives in; another unit.
      expect((await h.asUser(USERS.staffB1).fail('report', { action: 'photoSet', memberId: 'm-a', fileID: deskPhoto })).code).toBe('NOT_FOUND')
      expect((await h.asUser(USERS.secretary2).fail('roster', { action: 'photoSet', unitId: u1, memberId: 'm-a', fileID: unitPhoto })).code).toBe('FORBIDDEN')
      expect((await h.asUser(USERS.secretary2).fail('roster', { action: 'photoSet', unitId: UNITS.u2._id, memberId: 'm-a', fileID: unitPhoto })).code).toBe('NOT_FOUND')
      expect((await h.asUser('m-b').fail('report', { action: 'photoSet', memberId: 'm-a', fileID: pdf })).code).toBe('NOT_FOUND')
    })
  })
})

describe('一句话承诺', () => {
  it('is the member’s own, one line of at most 40 characters, and shows on their card page', async () => {
    const { result: saved, requests } = await recordDbRequests(() => h.asUser('m-a').ok('card', { action: 'pledgeSave', year: 2026, text: '每月为社区老人义务理发一次' }))
    expect(requests.length).toBeLessThanOrEqual(6) // card.pledgeSave: a constant, whatever the data's size
    expect(saved).toMatchObject({ year: 2026, text: '每月为社区老人义务理发一次' })
    await h.asUser('m-a').ok('card', { action: 'pledgeSave', year: 2026, text: '每月为社区老人义务理发两次' })
    const stored = await getRows<Record<string, unknown>>(h.db.collection('pledges').where({ memberId: 'm-a' }))
    expect(stored).toEqual([{ _id: 'm-a:2026', memberId: 'm-a', unitId: u1, communityId: a1, districtId: DISTRICT, year: 2026, text: '每月为社区老人义务理发两次', updatedAt: expect.any(Date) }])
    const profile = await recordDbRequests(() => h.asUser('m-a').ok('card', { action: 'profile', year: 2026 }))
    expect(profile.requests.length).toBeLessThanOrEqual(6) // card.profile: a constant, whatever the data's size
    expect(profile.result).toMatchObject({ year: 2026, yearClosed: false, pledge: { text: '每月为社区老人义务理发两次' }, photo: { memberId: 'm-a' } })
    // The unit sees it in its members' view.
    const unit = await secretary().ok('corrections', { action: 'unitMembers', unitId: u1, q: '张伟', year: 2026 })
    expect(unit.rows[0]!.pledge).toBe('每月为社区老人义务理发两次')
  })

  it('is refused to others, on bad text, for a year too far ahead, and once the year is closed (YEAR_CLOSED)', async () => {
    await h.asUser('m-b').ok('card', { action: 'pledgeSave', year: 2025, text: '结对帮扶一户困难家庭' })
    await h.db.collection('yearCloses').doc(yearCloseId(DISTRICT, 2025)).set({ data: { districtId: DISTRICT, year: 2025, closedAt: new Date('2026-01-05T00:00:00Z'), closedBy: 'timer' } })
    await expectNothingWritten(h.db, async () => {
      const pledge = { action: 'pledgeSave', year: 2026, text: '每月义务理发' } as const
      expect((await secretary().fail('card', pledge)).code).toBe('FORBIDDEN')
      expect((await staff().fail('card', pledge)).code).toBe('FORBIDDEN')
      expect((await h.asUser('m-b').fail('card', { ...pledge, text: '' })).message).toContain('请填写一句话承诺')
      expect((await h.asUser('m-b').fail('card', { ...pledge, text: '理'.repeat(41) })).message).toContain('不能超过40个字')
      expect((await h.asUser('m-b').fail('card', { ...pledge, text: '第一行\n第二行' })).code).toBe('VALIDATION_FAILED')
      expect((await h.asUser('m-b').fail('card', { ...pledge, year: 2028 })).code).toBe('PLEDGE_YEAR_INVALID')
      expect((await h.asUser('m-b').fail('card', { ...pledge, year: 2025 })).code).toBe('YEAR_CLOSED')
    })
    expect(await h.asUser('m-b').ok('card', { action: 'profile', year: 2025 })).toMatchObject({ yearClosed: true, pledge: { text: '结对帮扶一户困难家庭' } })
    // Moving the clock to the new year: next year's pledge (2027) is now "this year's" and open.
    h.clock.now = new Date('2027-01-02T02:00:00Z')
    expect(await h.asUser('m-b').ok('card', { action: 'pledgeSave', year: 2028, text: '每季度参加两次社区活动' })).toMatchObject({ year: 2028 })
    h.clock.now = new Date('2026-12-04T02:00:00Z')
  })
})
