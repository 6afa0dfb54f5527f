import { OVERDUE_FILTERS, type NeedFields } from '../../src/domain/contracts/needs.contract'
import { getRows } from '../../server/db/read'
import type { NeedDoc } from '../../server/features/needs/need-doc'
import { completedNeedsOf } from '../../server/features/needs/need-service'
import { FUNCTIONS } from '../../server/functions'
import { runFunction } from '../../server/kernel/run-function'
import { SAMPLES } from '../domain/support/sample-files'
import { openHarness, type Harness } from './support/bridge-client'
import { withDbLatency } from './support/db-latency'
import { expectNothingWritten } from './support/db-state'
import { addMember, COMMUNITIES, postId, seedCity, USERS } from './support/fixture'

// Residents' needs (issue 10 §1, §3, §4, §9) through the bridge: every
// transition and deadline with the clock moved, the claim race, the privacy
// rules role by role, and each bad input refused with nothing written.

let h: Harness
const OTHER_RESIDENT = 'resident-a1-other'
const REPAIR = postId('a1', 'convenience', 2) // 水电维修
const HERE = ['m-a', 'm-b', 'm-c']
const RACERS = Array.from({ length: 8 }, (_, i) => `m-r${i + 1}`)

beforeAll(async () => {
  h = await openHarness({
    seed: async (db) => {
      await seedCity(db)
      for (const [i, id] of [...HERE, ...RACERS].entries()) await addMember(db, { id, unit: 'u1', community: 'a1', name: `党员${i + 1}`, mobile: `1370000${String(i).padStart(4, '0')}` })
      await addMember(db, { id: 'm-far', unit: 'u2', community: 'b1', name: '冯静', mobile: '13700009999' })
      await db.collection('members').doc('m-b').update({ data: { specialty: '水电维修' } })
      await db.collection('registrations').doc('reg-m-c').set({ data: { memberId: 'm-c', communityId: COMMUNITIES.a1._id, claims: [{ postId: REPAIR }], hobbies: '' } })
      await db.collection('users').doc(`user-${OTHER_RESIDENT}`).set({ data: { openid: OTHER_RESIDENT, name: '赵六', grants: [{ role: 'resident', scope: { communityId: COMMUNITIES.a1._id } }] } })
    },
  })
  for (const id of [...HERE, ...RACERS, 'm-far']) await h.asUser(id).ok('bootstrap', { action: 'get' })
})
afterAll(() => h.close())

const resident = () => h.asUser(USERS.residentA1)
const staff = () => h.asUser(USERS.staffA1)
const base = { postId: REPAIR, content: '厨房水龙头漏水，需要维修', address: '曙光社区3栋2单元501', contactName: '李梅', mobile: '13912345678', suitableTime: '周末上午', urgency: 'normal' as const }
const later = (hours: number) => {
  h.clock.now = new Date(h.clock.now.getTime() + hours * 3600_000)
}
const needDoc = async (id: string) => (await getRows<NeedDoc>(h.db.collection('needs').where({ _id: id })))[0]!
const submit = (fields: Partial<NeedFields> = {}) => resident().ok('needs', { action: 'submit', ...base, ...fields })
const accepted = async (fields: Partial<NeedFields> = {}) => {
  const need = await submit(fields)
  return staff().ok('needs', { action: 'accept', needId: need.needId })
}
const messagesTo = async (openid: string, kind: string) => (await getRows<{ key: string }>(h.db.collection('messages').where({ touser: openid, kind }))).length

describe('the workflow', () => {
  it('submit → accept → assign → complete → rate, each step in the history and the resident told', async () => {
    const photo = await resident().uploaded('image', '漏水.png', SAMPLES.png)
    const need = await submit({ photos: [photo] })
    expect(need).toMatchObject({ state: 'pending', categoryName: '水电维修', channel: 'self', mobile: '13912345678', overdue: 'none', can: ['addInfo', 'withdraw'] })
    expect(need.photos).toEqual([expect.stringContaining('/files/')])

    await resident().ok('needs', { action: 'addInfo', needId: need.needId, text: '下午也可以' })
    const accept = await staff().ok('needs', { action: 'accept', needId: need.needId })
    expect(accept.state).toBe('accepted')
    expect(await messagesTo(USERS.residentA1, 'needAccepted')).toBeGreaterThan(0)

    const suggestions = await staff().ok('needs', { action: 'suggest', needId: need.needId })
    expect(suggestions.slice(0, 2).map((s) => [s.memberId, s.reason])).toEqual([
      ['m-c', 'post'],
      ['m-b', 'skill'],
    ])
    expect(suggestions.map((s) => s.memberId)).not.toContain('m-far')

    const assigned = await staff().ok('needs', { action: 'assign', needId: need.needId, memberId: 'm-c' })
    expect(assigned).toMatchObject({ state: 'serving', assignedMemberId: 'm-c', assignedMemberName: '党员3' })
    expect(await messagesTo('m-c', 'needAssigned')).toBe(1)
    expect(await messagesTo(USERS.residentA1, 'needMatched')).toBe(1)

    const work = await h.asUser('m-c').ok('needs', { action: 'assignments' })
    expect(work.rows.map((r) => r.needId)).toEqual([need.needId])
    later(3)
    const done = await h.asUser('m-c').ok('needs', { action: 'complete', needId: need.needId, what: '更换了水龙头阀芯', doneAt: h.clock.now.toISOString(), hours: 1.5 })
    expect(done).toMatchObject({ state: 'completed', hours: 1.5, completion: { what: '更换了水龙头阀芯', hours: 1.5 } })
    expect(await messagesTo(USERS.residentA1, 'needCompleted')).toBe(1)

    const rated = await resident().ok('needs', { action: 'rate', needId: need.needId, rating: 5, comment: '很及时' })
    expect(rated).toMatchObject({ state: 'rated', rating: 5, comment: '很及时' })
    expect(rated.history.map((e) => [e.event, e.to])).toEqual([
      ['submit', 'pending'],
      ['addInfo', 'pending'],
      ['accept', 'accepted'],
      ['assign', 'serving'],
      ['complete', 'completed'],
      ['rate', 'rated'],
    ])
    expect(rated.history.every((e) => e.at && e.byName)).toBe(true)
    expect(rated.additions).toEqual([expect.objectContaining({ text: '下午也可以' })])

    // The completed need counts as the member's service, with its hours.
    const service = await h.asUser('m-c').ok('needs', { action: 'myService' })
    expect(service).toMatchObject({ year: 2026, needs: 1, hours: 1.5, rows: [expect.objectContaining({ needId: need.needId, rating: 5 })] })
    expect((await completedNeedsOf(h.db, 'm-c', 2026)).map((n) => n._id)).toEqual([need.needId])
    expect(await completedNeedsOf(h.db, 'm-c', 2025)).toEqual([])
  })

  it('withdraw until accepted; reject with a reason; merge into a duplicate', async () => {
    const a = await submit()
    expect((await resident().ok('needs', { action: 'withdraw', needId: a.needId })).state).toBe('withdrawn')
    const b = await accepted()
    expect((await resident().fail('needs', { action: 'withdraw', needId: b.needId })).code).toBe('NEED_STATE_INVALID')

    const c = await submit()
    const rejected = await staff().ok('needs', { action: 'reject', needId: c.needId, reason: '不属于社区服务范围' })
    expect(rejected).toMatchObject({ state: 'rejected', rejectReason: '不属于社区服务范围' })

    const d = await submit()
    expect((await staff().fail('needs', { action: 'merge', needId: d.needId, intoNeedId: c.needId })).code).toBe('MERGE_TARGET_INVALID')
    expect((await staff().fail('needs', { action: 'merge', needId: d.needId, intoNeedId: d.needId })).code).toBe('MERGE_TARGET_INVALID')
    expect(await staff().ok('needs', { action: 'merge', needId: d.needId, intoNeedId: b.needId })).toMatchObject({ state: 'merged', mergedInto: b.needId })
  })

  it('the wall: a member claims, declines back to 已受理, and staff may assign again', async () => {
    const need = await accepted()
    await staff().ok('needs', { action: 'publish', needId: need.needId })
    const wall = await h.asUser('m-a').ok('needs', { action: 'wall' })
    expect(wall.rows.map((r) => r.needId)).toContain(need.needId)
    expect((await h.asUser('m-far').ok('needs', { action: 'wall' })).rows.map((r) => r.needId)).not.toContain(need.needId)

    await h.asUser('m-a').ok('needs', { action: 'claim', needId: need.needId })
    expect((await h.asUser('m-b').fail('needs', { action: 'claim', needId: need.needId })).code).toBe('NEED_ALREADY_CLAIMED')
    // A member of another community still learns nothing about it.
    expect((await h.asUser('m-far').fail('needs', { action: 'claim', needId: need.needId })).code).toBe('NOT_FOUND')
    const back = await h.asUser('m-a').ok('needs', { action: 'decline', needId: need.needId, reason: '临时出差' })
    expect(back).toMatchObject({ state: 'accepted', assignedMemberId: null })
    expect((await staff().ok('needs', { action: 'assign', needId: need.needId, memberId: 'm-b' })).assignedMemberId).toBe('m-b')
    expect((await staff().fail('needs', { action: 'assign', needId: need.needId, memberId: 'm-a' })).code).toBe('NEED_STATE_INVALID')
    expect((await staff().fail('needs', { action: 'assign', needId: (await accepted()).needId, memberId: 'm-far' })).code).toBe('HELPER_NOT_IN_COMMUNITY')
  })

  it('one live claim per wish when eight members tap at the same moment', async () => {
    const need = await accepted()
    await staff().ok('needs', { action: 'publish', needId: need.needId })
    const results = await withDbLatency(() => Promise.all(RACERS.map((id) => h.asUser(id).call('needs', { action: 'claim', needId: need.needId }))))
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.code)).toEqual(Array(RACERS.length - 1).fill('NEED_ALREADY_CLAIMED'))
    const doc = await needDoc(need.needId)
    expect(doc.history.filter((e) => e.event === 'claim')).toHaveLength(1)
    expect(RACERS).toContain(doc.assignedMemberId)
  })

  it('staff close a completed need left unrated only after 7 days', async () => {
    const need = await accepted()
    await staff().ok('needs', { action: 'assign', needId: need.needId, memberId: 'm-a' })
    await h.asUser('m-a').ok('needs', { action: 'complete', needId: need.needId, what: '已修好', doneAt: h.clock.now.toISOString(), hours: 1 })
    later(6 * 24)
    expect((await staff().fail('needs', { action: 'close', needId: need.needId })).code).toBe('NEED_NOT_CLOSABLE_YET')
    later(24)
    expect((await staff().ok('needs', { action: 'close', needId: need.needId })).state).toBe('closed')
  })
})

describe('deadlines and the staff list', () => {
  it('turns yellow then red on the list, filters by overdue, honours the community’s own deadlines, and the timer reminds staff', async () => {
    await staff().ok('needs', { action: 'setDeadlines', communityId: COMMUNITIES.a1._id, acceptHours: 10, acceptHoursUrgent: 1, finishHours: 48, finishHoursUrgent: 12 })
    const start = h.clock.now
    const urgent = await submit({ urgency: 'urgent', content: '老人摔倒需要帮助' })
    const normal = await submit({ content: '楼道灯不亮' })
    const rowOf = async (id: string, overdue?: (typeof OVERDUE_FILTERS)[number]) =>
      (await staff().ok('needs', { action: 'list', communityId: COMMUNITIES.a1._id, ...(overdue ? { overdue } : {}), pageSize: 100 })).rows.find((r) => r.needId === id)

    later(1)
    expect((await rowOf(urgent.needId))?.overdue).toBe('yellow')
    expect((await rowOf(normal.needId))?.overdue).toBe('none')
    expect(await rowOf(urgent.needId, 'yellow')).toBeDefined()
    expect(await rowOf(normal.needId, 'any')).toBeUndefined()

    // The hourly trigger: the urgent need turned yellow in this hour; the community's staff are reminded once.
    const timer = (at: Date) => runFunction(FUNCTIONS.get('needs')!, { Type: 'Timer', TriggerName: 'hourlyOverdueReminder', Time: at.toISOString() }, { db: h.db, openid: '', env: { cardSecret: '' }, now: () => at })
    expect(await timer(h.clock.now)).toMatchObject({ ok: true, data: { communities: 1, needs: 1, messages: 1 } })
    expect(await timer(h.clock.now)).toMatchObject({ ok: true, data: { messages: 0 } })
    expect(await messagesTo(USERS.staffA1, 'needOverdue')).toBe(1)
    expect(await messagesTo(USERS.staffA2, 'needOverdue')).toBe(0)

    later(1)
    expect((await rowOf(urgent.needId, 'red'))?.overdue).toBe('red')
    expect(await rowOf(urgent.needId, 'yellow')).toBeUndefined()

    // Accepting starts the finish clock (12 h for 紧急 here).
    await staff().ok('needs', { action: 'accept', needId: urgent.needId })
    expect((await rowOf(urgent.needId))?.overdue).toBe('none')
    h.clock.now = new Date(start.getTime() + 10 * 3600_000)
    expect((await rowOf(normal.needId))?.overdue).toBe('yellow')
    later(14)
    expect((await rowOf(urgent.needId))?.overdue).toBe('yellow')
    later(2)
    expect((await rowOf(urgent.needId))?.overdue).toBe('red')

    const pending = await staff().ok('needs', { action: 'list', communityId: COMMUNITIES.a1._id, state: 'pending', pageSize: 2 })
    expect(pending.rows.length).toBeLessThanOrEqual(2)
    expect(pending.rows.every((r) => r.state === 'pending')).toBe(true)
    expect(pending.total).toBeGreaterThanOrEqual(pending.rows.length)
    await staff().ok('needs', { action: 'setDeadlines', communityId: COMMUNITIES.a1._id, acceptHours: 24, acceptHoursUrgent: 2, finishHours: 168, finishHoursUrgent: 24 })
  })
})

describe('privacy, role by role', () => {
  it('the owner, staff and the serving member see the contact; other members, the wall and other residents do not', async () => {
    const need = await accepted()
    const full = { mobile: '13912345678', address: '曙光社区3栋2单元501', contactName: '李梅' }
    const masked = { mobile: '139****5678', address: '曙光社区****', contactName: '李*' }
    expect(await resident().ok('needs', { action: 'get', needId: need.needId })).toMatchObject(full)
    expect(await staff().ok('needs', { action: 'get', needId: need.needId })).toMatchObject(full)
    expect((await h.asUser(OTHER_RESIDENT).fail('needs', { action: 'get', needId: need.needId })).code).toBe('NOT_FOUND')
    expect((await h.asUser(OTHER_RESIDENT).ok('needs', { action: 'mine' })).rows).toEqual([])
    expect((await h.asUser(USERS.staffB1).fail('needs', { action: 'get', needId: need.needId })).code).toBe('NOT_FOUND')
    expect((await h.asUser(USERS.staffB1).fail('needs', { action: 'list', communityId: COMMUNITIES.a1._id })).code).toBe('FORBIDDEN')
    expect((await h.asUser('m-a').fail('needs', { action: 'get', needId: need.needId })).code).toBe('NOT_FOUND')

    await staff().ok('needs', { action: 'publish', needId: need.needId })
    const onWall = (await h.asUser('m-a').ok('needs', { action: 'wall', pageSize: 100 })).rows.find((r) => r.needId === need.needId)
    expect(onWall).toMatchObject(masked)
    const seen = await h.asUser('m-a').ok('needs', { action: 'get', needId: need.needId })
    expect(seen).toMatchObject(masked)
    expect(seen.history[0]!.byName).toBe('r**')

    await h.asUser('m-a').ok('needs', { action: 'claim', needId: need.needId })
    expect(await h.asUser('m-a').ok('needs', { action: 'get', needId: need.needId })).toMatchObject(full)
    expect((await h.asUser('m-b').fail('needs', { action: 'get', needId: need.needId })).code).toBe('NOT_FOUND')
    await h.asUser('m-a').ok('needs', { action: 'complete', needId: need.needId, what: '已处理', doneAt: h.clock.now.toISOString(), hours: 0.5 })
    // Once done, the member keeps the record of their service, not the resident's number.
    expect(await h.asUser('m-a').ok('needs', { action: 'get', needId: need.needId })).toMatchObject(masked)

    // Roles: the kernel refuses an action the caller's role does not hold.
    const list = { action: 'list' as const, communityId: COMMUNITIES.a1._id }
    for (const [who, input] of [
      [USERS.secretary1, list],
      [USERS.residentA1, list],
      ['m-a', { action: 'submit', ...base }],
      [USERS.staffA1, { action: 'claim', needId: need.needId }],
      [USERS.residentA1, { action: 'wall' }],
    ] as const) {
      expect([who, input.action, (await h.asUser(who).fail('needs', input)).code]).toEqual([who, input.action, 'FORBIDDEN'])
    }
  })
})

describe('bad input: a clear message, a stable code, nothing written', () => {
  it('refuses each', async () => {
    const need = await accepted()
    const pending = await submit()
    await staff().ok('needs', { action: 'publish', needId: need.needId })
    const claimed = await accepted()
    await staff().ok('needs', { action: 'publish', needId: claimed.needId })
    await h.asUser('m-b').ok('needs', { action: 'claim', needId: claimed.needId })
    const rated = await accepted()
    await staff().ok('needs', { action: 'assign', needId: rated.needId, memberId: 'm-a' })
    await h.asUser('m-a').ok('needs', { action: 'complete', needId: rated.needId, what: '已处理', doneAt: h.clock.now.toISOString(), hours: 1 })
    await resident().ok('needs', { action: 'rate', needId: rated.needId, rating: 4 })
    const pdf = await resident().uploaded('pdf', '说明.pdf', SAMPLES.pdf)
    const notImage = await resident().uploaded('image', '假图片.png', SAMPLES.pdf)
    const photo = await resident().uploaded('image', '照片.png', SAMPLES.png)
    const othersPhoto = await h.asUser(OTHER_RESIDENT).uploaded('image', '照片.png', SAMPLES.png)

    const cases: Array<[string, string, Record<string, unknown>, string, RegExp?]> = [
      ['no content', USERS.residentA1, { action: 'submit', ...base, content: '   ' }, 'VALIDATION_FAILED', /请填写需求内容/],
      ['content over the limit', USERS.residentA1, { action: 'submit', ...base, content: '水'.repeat(501) }, 'VALIDATION_FAILED', /不能超过500个字/],
      ['four photos', USERS.residentA1, { action: 'submit', ...base, photos: [photo, photo, photo, photo] }, 'VALIDATION_FAILED', /最多上传3张照片/],
      ['a photo that is not an image', USERS.residentA1, { action: 'submit', ...base, photos: [notImage] }, 'NOT_IMAGE'],
      ['a PDF as a photo', USERS.residentA1, { action: 'submit', ...base, photos: [pdf] }, 'FILE_NOT_OURS'],
      ['another user’s photo', USERS.residentA1, { action: 'submit', ...base, photos: [othersPhoto] }, 'FILE_NOT_OURS'],
      ['a category of another community', USERS.residentA1, { action: 'submit', ...base, postId: postId('b1', 'convenience', 2) }, 'NOT_FOUND'],
      ['a bad mobile', USERS.residentA1, { action: 'submit', ...base, mobile: '12345' }, 'VALIDATION_FAILED', /手机号码格式不正确/],
      ['urgency neither 一般 nor 紧急', USERS.residentA1, { action: 'submit', ...base, urgency: 'asap' }, 'VALIDATION_FAILED', /紧急程度/],
      ['completing a need nobody claimed', 'm-a', { action: 'complete', needId: need.needId, what: '做了', doneAt: h.clock.now.toISOString(), hours: 1 }, 'NEED_NOT_YOURS'],
      ['completing a pending need', 'm-a', { action: 'complete', needId: pending.needId, what: '做了', doneAt: h.clock.now.toISOString(), hours: 1 }, 'NOT_FOUND'],
      ['rating someone else’s need', OTHER_RESIDENT, { action: 'rate', needId: rated.needId, rating: 5 }, 'NOT_FOUND'],
      ['rating twice', USERS.residentA1, { action: 'rate', needId: rated.needId, rating: 3 }, 'NEED_ALREADY_RATED'],
      ['rating a need not completed', USERS.residentA1, { action: 'rate', needId: pending.needId, rating: 3 }, 'NEED_STATE_INVALID'],
      ['a rating of 6', USERS.residentA1, { action: 'rate', needId: rated.needId, rating: 6 }, 'VALIDATION_FAILED', /1到5/],
      ['a claim on a claimed need', 'm-a', { action: 'claim', needId: claimed.needId }, 'NEED_ALREADY_CLAIMED', /已被其他党员认领/],
      ['hours of 0', 'm-b', { action: 'complete', needId: claimed.needId, what: '做了', doneAt: h.clock.now.toISOString(), hours: 0 }, 'VALIDATION_FAILED', /服务时长/],
      ['a service in the future', 'm-b', { action: 'complete', needId: claimed.needId, what: '做了', doneAt: new Date(h.clock.now.getTime() + 86_400_000).toISOString(), hours: 1 }, 'DONE_IN_FUTURE'],
      ['accepting twice', USERS.staffA1, { action: 'accept', needId: claimed.needId }, 'NEED_STATE_INVALID'],
      ['a reject without reason', USERS.staffA1, { action: 'reject', needId: pending.needId, reason: '' }, 'VALIDATION_FAILED', /请填写不予受理的原因/],
      ['a deadline of 0 hours', USERS.staffA1, { action: 'setDeadlines', communityId: COMMUNITIES.a1._id, acceptHours: 0, acceptHoursUrgent: 2, finishHours: 168, finishHoursUrgent: 24 }, 'VALIDATION_FAILED', /至少1小时/],
    ]
    for (const [label, who, input, code, message] of cases) {
      const failure = await expectNothingWritten(h.db, () => h.asUser(who).rawFail('needs', input))
      expect([label, failure.code]).toEqual([label, code])
      if (message) expect([label, failure.message]).toEqual([label, expect.stringMatching(message)])
      expect(failure.message).toMatch(/[\u4e00-\u9fff]/)
    }
  })
})
