import { findById } from '../../server/db/load'
import { getRows } from '../../server/db/read'
import type { Database } from '../../server/kernel/database'
import { FUNCTIONS } from '../../server/functions'
import { runFunction } from '../../server/kernel/run-function'
import { SAMPLES } from '../domain/support/sample-files'
import { openHarness, type Harness } from './support/bridge-client'
import { recordDbRequests } from './support/db-requests'
import { expectNothingWritten } from './support/db-state'
import { addMember, addMembers, addMemberUser, COMMUNITIES, DISTRICT, seedCity, UNITS, USERS } from './support/fixture'

// The annual evaluation end to end over real records (issue 11 §5–§7):
// propose from attendance, 服务清单, needs, visits and the pledge; confirm
// stores the facts; re-confirm; a closed year; scope per role; 反馈卡 and
// seal; the 12月 reminders; the unit's year flag; the list's request budget.

let h: Harness
const a1 = COMMUNITIES.a1
const staff = () => h.asUser(USERS.staffA1)
const YEAR = 2026
const day = (md: string, hour = 9) => new Date(`${YEAR}-${md}T${String(hour).padStart(2, '0')}:00:00+08:00`)

async function report(db: Database, memberId: string, unit: keyof typeof UNITS, community: typeof a1 = a1, reportedAt = new Date('2026-02-01T02:00:00Z'), claims = 2) {
  await db.collection('reports').doc(`report-${memberId}`).set({
    data: { memberId, unitId: UNITS[unit]._id, communityId: community._id, streetId: community.streetId, districtId: DISTRICT, reportedAt, receivedBy: 'user-staff-a1', cardNo: 'X', status: 'active' },
  })
  await db.collection('members').doc(memberId).update({ data: { report: { reportId: `report-${memberId}`, communityId: community._id, reportedAt } } })
  const posts = Array.from({ length: claims }, (_, i) => ({ postId: `p${i}`, postName: `岗位${i + 1}`, category: 'c', categoryName: '便民服务', order: i }))
  await db.collection('registrations').doc(`reg-${memberId}-${community._id}`).set({
    data: { memberId, unitId: UNITS[unit]._id, communityId: community._id, streetId: community.streetId, districtId: DISTRICT, claims: posts, claimCount: claims },
  })
}

let activitySeq = 0
async function attend(db: Database, memberId: string, unit: keyof typeof UNITS, kind: 'community' | 'unit', hours = 2) {
  const id = `act-${++activitySeq}`
  const startAt = day('05-10')
  const endAt = new Date(startAt.getTime() + hours * 3600_000)
  await db.collection('activities').doc(id).set({ data: { organiserKind: kind, unitId: kind === 'unit' ? UNITS[unit]._id : undefined, communityId: a1._id, streetId: a1.streetId, districtId: DISTRICT, title: `活动${id}`, startAt, endAt, status: 'ended' } })
  await db.collection('attendance').doc(`${id}:${memberId}`).set({
    data: { activityId: id, memberId, unitId: UNITS[unit]._id, organiserKind: kind, communityId: a1._id, year: YEAR, inAt: startAt, outAt: null, inMethod: 'qr', outMethod: null, reason: null, location: null, recordedBy: 'x' },
  })
}

async function serviceEntry(db: Database, memberId: string, hours: number, status = 'confirmed', n = 1) {
  await db.collection('serviceEntries').doc(`se-${memberId}-${n}-${status}`).set({
    data: { memberId, unitId: UNITS.u1._id, communityId: a1._id, districtId: DISTRICT, date: day('06-01'), year: YEAR, quarter: 2, place: '社区', content: '义务理发', kind: '个人主动服务', hours, photoFileId: null, source: null, status, returnReason: null, returnedBy: null, handInId: null, createdAt: day('06-01'), updatedAt: day('06-01') },
  })
}

/** m-good: everything for 好; m-fair: basic duties only (较好); m-thin: one activity (一般); m-none: reported, nothing (差). */
async function seedRecords(db: Database) {
  await seedCity(db)
  await addMembers(db, [
    ['m-good', 'u1', 'a1', '张伟', '13700000001'],
    ['m-fair', 'u1', 'a1', '李娜', '13700000002'],
    ['m-thin', 'u2', 'a1', '王芳', '13700000003'],
    ['m-none', 'u2', 'a1', '刘洋', '13700000004'],
    ['m-b1', 'u1', 'b1', '陈静', '13700000005'],
  ])
  for (const [id, unit] of [['m-good', 'u1'], ['m-fair', 'u1'], ['m-thin', 'u2'], ['m-none', 'u2']] as const) await report(db, id, unit)
  await report(db, 'm-b1', 'u1', COMMUNITIES.b1 as never)
  for (const id of ['m-good', 'm-fair'] as const) {
    await attend(db, id, 'u1', 'community')
    await attend(db, id, 'u1', 'community')
    await attend(db, id, 'u1', 'unit')
    await attend(db, id, 'u1', 'unit')
  }
  await attend(db, 'm-thin', 'u2', 'community')
  // m-good: 8 activity hours + 12 confirmed hours = 20; a draft entry does not count.
  await serviceEntry(db, 'm-good', 12)
  await serviceEntry(db, 'm-good', 30, 'draft')
  await db.collection('needs').doc('need-1').set({ data: { communityId: a1._id, assignedMemberId: 'm-good', state: 'rated', completion: { what: '修水管', doneAt: day('07-01'), hours: 1, photos: [], year: YEAR }, rating: 5 } })
  await db.collection('assistanceVisits').doc('visit-1').set({ data: { pairingId: 'p1', communityId: a1._id, memberId: 'm-good', date: day('08-01'), content: '走访', recordedAt: day('08-01') } })
  await db.collection('pledges').doc(`m-good:${YEAR}`).set({ data: { memberId: 'm-good', unitId: UNITS.u1._id, communityId: a1._id, districtId: DISTRICT, year: YEAR, text: '每月为社区老人义务理发一次', updatedAt: day('01-10') } })
}

beforeAll(async () => {
  h = await openHarness({ seed: seedRecords, now: day('11-20') })
  for (const id of ['m-good', 'm-fair', 'm-b1', USERS.staffA1, USERS.staffB1, USERS.secretary1, USERS.secretary2, USERS.liaison1]) await h.asUser(id).ok('bootstrap', { action: 'get' })
})
afterAll(() => h.close())

describe('proposing from the year’s records', () => {
  it('lists the members reported here with facts and proposals, 待评价 first', async () => {
    const list = await staff().ok('evaluation', { action: 'list', communityId: a1._id, year: YEAR, filter: 'pending' })
    expect(list.counts).toEqual({ reported: 4, pending: 4, rated: 0, carded: 0, noCard: 4 })
    const by = new Map(list.rows.map((r) => [r.memberId, r]))
    expect(by.get('m-good')!.facts).toMatchObject({ claimedPosts: 2, communityActivities: 2, unitActivities: 2, activityHours: 8, serviceEntries: 1, serviceHours: 12, needsCompleted: 1, needRatingMean: 5, pairingVisits: 1, pledge: '每月为社区老人义务理发一次' })
    expect(by.get('m-good')!.proposed).toBe('好')
    expect(by.get('m-fair')!.proposed).toBe('较好')
    expect(by.get('m-thin')!.proposed).toBe('一般')
    expect(by.get('m-none')!.proposed).toBe('差')
    expect(list.rows.some((r) => r.memberId === 'm-b1')).toBe(false)
  })

  it('another community’s staff: NOT_FOUND for a member; FORBIDDEN for the list', async () => {
    expect((await h.asUser(USERS.staffB1).fail('evaluation', { action: 'get', memberId: 'm-good', year: YEAR })).code).toBe('NOT_FOUND')
    expect((await h.asUser(USERS.staffB1).fail('evaluation', { action: 'confirm', memberId: 'm-good', year: YEAR, rating: '好', pledgeKept: true })).code).toBe('NOT_FOUND')
    expect((await h.asUser(USERS.staffB1).fail('evaluation', { action: 'list', communityId: a1._id, year: YEAR })).code).toBe('FORBIDDEN')
  })

  it('members and secretaries cannot confirm', async () => {
    await expectNothingWritten(h.db, async () => {
      expect((await h.asUser('m-good').fail('evaluation', { action: 'confirm', memberId: 'm-good', year: YEAR, rating: '好', pledgeKept: true })).code).toBe('FORBIDDEN')
      expect((await h.asUser(USERS.secretary1).fail('evaluation', { action: 'confirm', memberId: 'm-good', year: YEAR, rating: '好', pledgeKept: true })).code).toBe('FORBIDDEN')
    })
  })
})

describe('confirming', () => {
  it('refuses a changed rating without a comment, and a pledge not judged: nothing written', async () => {
    await expectNothingWritten(h.db, async () => {
      expect((await staff().fail('evaluation', { action: 'confirm', memberId: 'm-fair', year: YEAR, rating: '好' })).code).toBe('RATING_COMMENT_REQUIRED')
      expect((await staff().fail('evaluation', { action: 'confirm', memberId: 'm-good', year: YEAR, rating: '好' })).code).toBe('PLEDGE_JUDGEMENT_REQUIRED')
      expect((await staff().rawFail('evaluation', { action: 'confirm', memberId: 'm-good', year: YEAR, rating: '优秀' })).code).toBe('VALIDATION_FAILED')
    })
  })

  it('stores the facts with the rating; a later record does not change it; re-confirm replaces it', async () => {
    const row = await staff().ok('evaluation', { action: 'confirm', memberId: 'm-good', year: YEAR, rating: '好', pledgeKept: true, comment: '服务积极' })
    expect(row).toMatchObject({ rating: '好', proposed: '好', pledgeKept: true, comment: '服务积极' })
    await serviceEntry(h.db, 'm-good', 5, 'confirmed', 2)
    const later = await staff().ok('evaluation', { action: 'get', memberId: 'm-good', year: YEAR })
    expect(later.facts.serviceHours).toBe(12)
    const again = await staff().ok('evaluation', { action: 'confirm', memberId: 'm-good', year: YEAR, rating: '较好', pledgeKept: false, comment: '承诺未完全兑现' })
    expect(again).toMatchObject({ rating: '较好', proposed: '较好' })
    expect(again.facts.serviceHours).toBe(17)
    await staff().ok('evaluation', { action: 'confirm', memberId: 'm-fair', year: YEAR, rating: '较好' })
    const list = await staff().ok('evaluation', { action: 'list', communityId: a1._id, year: YEAR, filter: 'rated' })
    expect(list.distribution).toEqual({ 好: 0, 较好: 2, 一般: 0, 差: 0 })
    expect(list.rows.map((r) => r.memberId).sort()).toEqual(['m-fair', 'm-good'])
  })

  it('fills 附件2’s 综合评价', async () => {
    const register = await staff().ok('participation', { action: 'register', communityId: a1._id, year: YEAR })
    expect(register.rows.find((r) => r.memberId === 'm-fair')!.evaluation).toBe('较好')
    expect(register.rows.find((r) => r.memberId === 'm-none')!.evaluation).toBeNull()
  })
})

describe('反馈卡 and the seal', () => {
  it('refuses a card before the rating is confirmed, nothing written', async () => {
    await expectNothingWritten(h.db, async () => {
      expect((await staff().fail('evaluation', { action: 'issueCards', communityId: a1._id, year: YEAR, memberIds: ['m-none'] })).code).toBe('EVALUATION_NOT_CONFIRMED')
    })
  })

  it('refuses a seal that is not an image, nothing written; takes an image', async () => {
    const pdf = await staff().uploaded('image', 'seal.png', SAMPLES.pdf)
    await expectNothingWritten(h.db, async () => {
      expect((await staff().fail('evaluation', { action: 'sealSave', communityId: a1._id, fileID: pdf })).code).toBe('NOT_IMAGE')
    })
    const png = await staff().uploaded('image', 'seal.png', SAMPLES.png)
    expect((await staff().ok('evaluation', { action: 'sealSave', communityId: a1._id, fileID: png })).sealUrl).toBeTruthy()
  })

  it('issues every confirmed card at once; each reader sees only their own', async () => {
    expect(await staff().ok('evaluation', { action: 'issueCards', communityId: a1._id, year: YEAR })).toEqual({ issued: 2, skipped: 0 })
    expect(await staff().ok('evaluation', { action: 'issueCards', communityId: a1._id, year: YEAR })).toEqual({ issued: 0, skipped: 2 })
    const own = await h.asUser('m-good').ok('evaluation', { action: 'card', memberId: 'm-good', year: YEAR })
    expect(own).toMatchObject({ memberName: '张伟', unitName: '区教育局', communityName: '曙光社区', partyOrgName: '曙光社区党组织', rating: '较好', claimedPosts: ['岗位1', '岗位2'] })
    expect(own.sealUrl).toBeTruthy()
    expect((await h.asUser('m-fair').fail('evaluation', { action: 'card', memberId: 'm-good', year: YEAR })).code).toBe('NOT_FOUND')
    expect((await h.asUser(USERS.secretary1).ok('evaluation', { action: 'card', memberId: 'm-good', year: YEAR })).memberId).toBe('m-good')
    expect((await h.asUser(USERS.secretary2).fail('evaluation', { action: 'card', memberId: 'm-good', year: YEAR })).code).toBe('NOT_FOUND')
    expect((await h.asUser(USERS.staffB1).fail('evaluation', { action: 'card', memberId: 'm-good', year: YEAR })).code).toBe('NOT_FOUND')
    const unitCards = await h.asUser(USERS.secretary1).ok('evaluation', { action: 'cards', unitId: UNITS.u1._id, year: YEAR })
    expect(unitCards.rows.map((c) => c.memberId).sort()).toEqual(['m-fair', 'm-good'])
    expect((await h.asUser(USERS.secretary2).fail('evaluation', { action: 'cards', unitId: UNITS.u1._id, year: YEAR })).code).toBe('FORBIDDEN')
    const mine = await h.asUser('m-good').ok('evaluation', { action: 'myRecord', year: YEAR })
    expect(mine).toMatchObject({ rating: '较好', communityName: '曙光社区' })
    expect(mine.card?.rating).toBe('较好')
    expect(mine.services.length).toBe(3)
  })
})

describe('12月20日 reminders', () => {
  const timer = (at: Date) =>
    runFunction(FUNCTIONS.get('evaluation')!, { Type: 'Timer', TriggerName: 'dailyFeedbackCardReminder', Time: at.toISOString() }, { db: h.db, openid: '', env: { cardSecret: '' }, now: () => at })
  const reminders = async () => (await getRows<{ key: string }>(h.db.collection('messages').where({ kind: 'feedbackCardsDue' }).limit(100))).map((m) => m.key)

  it('reminds a1’s staff once a day from 12-01 to 12-20, not on 11-30 or 12-21', async () => {
    expect(await timer(new Date('2026-11-30T01:00:00Z'))).toMatchObject({ ok: true, data: { day: null } })
    expect(await reminders()).toEqual([])
    const first = await timer(new Date('2026-12-01T01:00:00Z'))
    expect(first).toMatchObject({ ok: true, data: { day: '2026-12-01', messages: 2 } })
    await timer(new Date('2026-12-01T01:00:00Z'))
    expect((await reminders()).sort()).toEqual([`feedbackCardsDue:${a1._id}:2026-12-01:${USERS.staffA1}`, `feedbackCardsDue:${COMMUNITIES.b1._id}:2026-12-01:${USERS.staffB1}`])
    expect(await timer(new Date('2026-12-21T01:00:00Z'))).toMatchObject({ ok: true, data: { day: null } })
    expect((await reminders()).length).toBe(2)
  })

  it('shows staff the missing cards from 12月1日', async () => {
    expect((await staff().ok('evaluation', { action: 'list', communityId: a1._id, year: YEAR, filter: 'noCard' })).cardsDue.showMissing).toBe(false)
    h.clock.now = day('12-01')
    const list = await staff().ok('evaluation', { action: 'list', communityId: a1._id, year: YEAR, filter: 'noCard' })
    expect(list.cardsDue.showMissing).toBe(true)
    expect(list.rows.map((r) => r.memberId).sort()).toEqual(['m-none', 'm-thin'])
  })
})

describe('the unit’s year', () => {
  async function setTally(reported: number, memberTotal: number) {
    await h.db.collection('unitTallies').doc(UNITS.u1._id).update({ data: { reported, memberTotal } })
  }
  it('flags 94.9% at year end, not 95%; distribution with 未评价', async () => {
    h.clock.now = day('12-04')
    await setTally(949, 1000)
    const low = await h.asUser(USERS.secretary1).ok('evaluation', { action: 'unitYear', unitId: UNITS.u1._id, year: YEAR })
    expect(low).toMatchObject({ advancedBarred: true, flagText: '报到率低于95%，不得评为年度先进党组织' })
    expect(low.distribution).toMatchObject({ 较好: 2, 未评价: 947 })
    await setTally(950, 1000)
    expect((await h.asUser(USERS.secretary1).ok('evaluation', { action: 'unitYear', unitId: UNITS.u1._id, year: YEAR })).advancedBarred).toBe(false)
    h.clock.now = day('11-30')
    await setTally(949, 1000)
    expect((await h.asUser(USERS.secretary1).ok('evaluation', { action: 'unitYear', unitId: UNITS.u1._id, year: YEAR })).advancedBarred).toBe(false)
    expect((await h.asUser(USERS.secretary2).fail('evaluation', { action: 'unitYear', unitId: UNITS.u1._id, year: YEAR })).code).toBe('FORBIDDEN')
  })
})

describe('a closed year', () => {
  it('refuses confirm and issue with YEAR_CLOSED, nothing written', async () => {
    await h.db.collection('yearCloses').doc(`${DISTRICT}:${YEAR}`).set({ data: { districtId: DISTRICT, year: YEAR, closedAt: day('12-31'), closedBy: 'timer' } })
    await expectNothingWritten(h.db, async () => {
      expect((await staff().fail('evaluation', { action: 'confirm', memberId: 'm-fair', year: YEAR, rating: '较好' })).code).toBe('YEAR_CLOSED')
      expect((await staff().fail('evaluation', { action: 'issueCards', communityId: a1._id, year: YEAR })).code).toBe('YEAR_CLOSED')
    })
    expect((await staff().ok('evaluation', { action: 'list', communityId: a1._id, year: YEAR, filter: 'all' })).yearClosed).toBe(true)
    await h.db.collection('yearCloses').doc(`${DISTRICT}:${YEAR}`).remove()
  })
})

describe('request budget of the staff list', () => {
  async function listCost(pageSize: number) {
    const { requests } = await recordDbRequests(() => staff().ok('evaluation', { action: 'list', communityId: a1._id, year: YEAR, filter: 'all', pageSize }))
    return requests.length
  }
  it('costs the same at two data sizes', async () => {
    const small = await listCost(50)
    for (let i = 0; i < 60; i++) {
      const id = `m-extra-${i}`
      await addMember(h.db, { id, unit: 'u2', community: 'a1', name: `成员${i}`, mobile: `1380000${String(1000 + i)}` })
      await report(h.db, id, 'u2')
      await attend(h.db, id, 'u2', 'community')
      await serviceEntry(h.db, id, 3)
    }
    const large = await listCost(50)
    expect(large).toBe(small)
    expect(large).toBeLessThanOrEqual(14)
    console.log(`evaluation.list requests per page: ${large}`)
  })

  it('logs the other actions’ requests', async () => {
    const cost = async (label: string, body: () => Promise<unknown>) => console.log(`${label}: ${(await recordDbRequests(body)).requests.length} requests`)
    await cost('get', () => staff().ok('evaluation', { action: 'get', memberId: 'm-thin', year: YEAR }))
    await cost('confirm', () => staff().ok('evaluation', { action: 'confirm', memberId: 'm-thin', year: YEAR, rating: '一般' }))
    await cost('issueCards (one)', () => staff().ok('evaluation', { action: 'issueCards', communityId: a1._id, year: YEAR, memberIds: ['m-thin'] }))
    await cost('card', () => h.asUser('m-good').ok('evaluation', { action: 'card', memberId: 'm-good', year: YEAR }))
    await cost('cards (page)', () => staff().ok('evaluation', { action: 'cards', communityId: a1._id, year: YEAR }))
    await cost('myRecord', () => h.asUser('m-good').ok('evaluation', { action: 'myRecord', year: YEAR }))
    await cost('unitYear', () => h.asUser(USERS.secretary1).ok('evaluation', { action: 'unitYear', unitId: UNITS.u1._id, year: YEAR }))
  })
})

describe('a rating re-confirmed after its card was issued', () => {
  const list = (by = staff(), communityId: string = a1._id) => by.ok('evaluation', { action: 'list', communityId, year: YEAR, filter: 'all' })
  const timer = (at: Date) =>
    runFunction(FUNCTIONS.get('evaluation')!, { Type: 'Timer', TriggerName: 'dailyFeedbackCardReminder', Time: at.toISOString() }, { db: h.db, openid: '', env: { cardSecret: '' }, now: () => at })

  it('leaves the card 待重新出具: not issued in the counts, the reminder or the readers, until issued again', async () => {
    h.clock.now = day('12-02')
    const before = (await list()).counts
    expect((await h.asUser('m-fair').ok('evaluation', { action: 'card', memberId: 'm-fair', year: YEAR })).rating).toBe('较好')
    const row = await staff().ok('evaluation', { action: 'confirm', memberId: 'm-fair', year: YEAR, rating: '一般', comment: '下半年参加活动较少' })
    expect(row).toMatchObject({ rating: '一般', cardStale: true })
    const after = await list()
    expect(after.counts).toMatchObject({ carded: before.carded - 1, noCard: before.noCard + 1, rated: before.rated })
    expect((await h.asUser('m-fair').fail('evaluation', { action: 'card', memberId: 'm-fair', year: YEAR })).code).toBe('NOT_FOUND')
    expect((await h.asUser('m-fair').ok('evaluation', { action: 'myRecord', year: YEAR })).card).toBeNull()
    expect((await h.asUser(USERS.secretary1).ok('evaluation', { action: 'cards', unitId: UNITS.u1._id, year: YEAR })).rows.map((c) => c.memberId)).toEqual(['m-good'])
    expect((await staff().ok('evaluation', { action: 'cards', communityId: a1._id, year: YEAR })).total).toBe(after.counts.carded)
    const unit = await h.asUser(USERS.secretary1).ok('evaluation', { action: 'unitYear', unitId: UNITS.u1._id, year: YEAR, pageSize: 50 })
    expect(unit.rows.find((r) => r.memberId === 'm-fair')).toMatchObject({ rating: '一般', cardIssuedAt: null })
    // The reminder counts the stale card as missing.
    const b1 = (await list(h.asUser(USERS.staffB1), COMMUNITIES.b1._id)).counts
    expect(await timer(new Date('2026-12-02T01:00:00Z'))).toMatchObject({ ok: true, data: { missing: after.counts.noCard + b1.noCard } })

    expect(await staff().ok('evaluation', { action: 'issueCards', communityId: a1._id, year: YEAR })).toMatchObject({ issued: 1 })
    expect((await h.asUser('m-fair').ok('evaluation', { action: 'card', memberId: 'm-fair', year: YEAR })).rating).toBe('一般')
    expect((await list()).counts).toMatchObject({ carded: before.carded, noCard: before.noCard })
    expect((await staff().ok('evaluation', { action: 'get', memberId: 'm-fair', year: YEAR })).cardStale).toBe(false)
  })

  it('keeps the seal a card was issued with when a new one is uploaded; cards issued later take the new one', async () => {
    const old = (await findById<{ _id: string; fileId: string }>(h.db, 'communitySeals', a1._id))!
    const oldUrl = (await h.asUser('m-good').ok('evaluation', { action: 'card', memberId: 'm-good', year: YEAR })).sealUrl
    expect(oldUrl).toBeTruthy()
    const fresh = await staff().uploaded('image', 'seal-2026.png', SAMPLES.png)
    await staff().ok('evaluation', { action: 'sealSave', communityId: a1._id, fileID: fresh })
    expect((await h.asUser('m-good').ok('evaluation', { action: 'card', memberId: 'm-good', year: YEAR })).sealUrl).toBe(oldUrl)
    const stored = async (id: string) => (await findById<{ _id: string; sealFileId: string }>(h.db, 'feedbackCards', `${id}:${YEAR}`))?.sealFileId
    expect(await stored('m-good')).toBe(old.fileId)
    await staff().ok('evaluation', { action: 'issueCards', communityId: a1._id, year: YEAR, memberIds: ['m-thin'] })
    expect(await stored('m-thin')).toBe(fresh)
    expect((await h.asUser(USERS.secretary2).ok('evaluation', { action: 'card', memberId: 'm-thin', year: YEAR })).sealUrl).not.toBe(oldUrl)
  })
})

describe('issuing for another community’s member', () => {
  it('answers NOT_FOUND whether or not they were rated there; EVALUATION_NOT_CONFIRMED only for one’s own members', async () => {
    await expectNothingWritten(h.db, async () => {
      expect((await staff().fail('evaluation', { action: 'issueCards', communityId: a1._id, year: YEAR, memberIds: ['m-b1'] })).code).toBe('NOT_FOUND')
    })
    await h.asUser(USERS.staffB1).ok('evaluation', { action: 'confirm', memberId: 'm-b1', year: YEAR, rating: '差', comment: '未参加活动' })
    await expectNothingWritten(h.db, async () => {
      expect((await staff().fail('evaluation', { action: 'issueCards', communityId: a1._id, year: YEAR, memberIds: ['m-b1'] })).code).toBe('NOT_FOUND')
      expect((await staff().fail('evaluation', { action: 'issueCards', communityId: a1._id, year: YEAR, memberIds: ['m-none', 'm-b1'] })).code).toBe('NOT_FOUND')
      expect((await staff().fail('evaluation', { action: 'issueCards', communityId: a1._id, year: YEAR, memberIds: ['m-none', 'm-nobody'] })).code).toBe('NOT_FOUND')
      expect((await staff().fail('evaluation', { action: 'issueCards', communityId: a1._id, year: YEAR, memberIds: ['m-none'] })).code).toBe('EVALUATION_NOT_CONFIRMED')
    })
  })
})

describe('request budget of issuing a whole community', () => {
  async function rateExtras(from: number, to: number) {
    const template = (await findById<{ _id: string }>(h.db, 'evaluations', `m-good:${YEAR}`))!
    const docs = []
    for (let i = from; i < to; i++) {
      const id = `m-extra-${i}`
      if (i >= 60) {
        await addMember(h.db, { id, unit: 'u2', community: 'a1', name: `成员${i}`, mobile: `1381${String(100000 + i).slice(-7)}` })
        await report(h.db, id, 'u2')
      }
      docs.push({ ...template, _id: `${id}:${YEAR}`, memberId: id, unitId: UNITS.u2._id, confirmedAt: day('12-02', 10) })
    }
    await h.db.collection('evaluations').add({ data: docs as never })
  }
  const issueCost = async () => {
    const { result, requests } = await recordDbRequests(() => staff().ok('evaluation', { action: 'issueCards', communityId: a1._id, year: YEAR }))
    return { issued: result.issued, requests: requests.length }
  }
  it('costs the same at two sizes', async () => {
    await rateExtras(0, 20)
    const small = await issueCost()
    await rateExtras(20, 200)
    const large = await issueCost()
    expect(small.issued).toBe(20)
    expect(large.issued).toBe(180)
    expect(large.requests).toBe(small.requests)
    expect(large.requests).toBeLessThanOrEqual(8)
    console.log(`issueCards (all, 20 and 180 cards): ${large.requests} requests`)
  })
})

describe('a closed year does not change with today’s data', () => {
  const PAST = YEAR - 1
  beforeAll(async () => {
    // m-moved reported to a1 in March 2025 and moved to a2 in January 2026.
    await addMember(h.db, { id: 'm-moved', unit: 'u1', community: 'a1', name: '周敏', mobile: '13700000099' })
    await report(h.db, 'm-moved', 'u1', a1, new Date('2025-03-01T02:00:00Z'))
    await h.db.collection('reports').doc('report-m-moved').update({ data: { status: 'moved', movedAt: new Date('2026-01-15T02:00:00Z'), movedTo: COMMUNITIES.a2._id } })
    await h.db.collection('reports').doc('report-m-moved-a2').set({
      data: { memberId: 'm-moved', unitId: UNITS.u1._id, communityId: COMMUNITIES.a2._id, streetId: COMMUNITIES.a2.streetId, districtId: DISTRICT, reportedAt: new Date('2026-01-15T02:00:00Z'), receivedBy: 'x', cardNo: 'X', status: 'active' },
    })
    await h.db.collection('members').doc('m-moved').update({ data: { report: { reportId: 'report-m-moved-a2', communityId: COMMUNITIES.a2._id, reportedAt: new Date('2026-01-15T02:00:00Z') } } })
  })

  it('keeps a member who moved away in January on last year’s list, to be rated and carded there', async () => {
    const past = await staff().ok('evaluation', { action: 'list', communityId: a1._id, year: PAST, filter: 'all' })
    expect(past.rows.map((r) => r.memberId)).toEqual(['m-moved'])
    expect(past.counts).toMatchObject({ reported: 1, pending: 1 })
    // The member's own record of that year, before the rating: still reported there.
    await addMemberUser(h.db, 'm-moved', UNITS.u1._id, COMMUNITIES.a2._id)
    await h.asUser('m-moved').ok('bootstrap', { action: 'get' })
    expect(await h.asUser('m-moved').ok('evaluation', { action: 'myRecord', year: PAST })).toMatchObject({ communityName: '曙光社区', rating: null, card: null })
    const row = await staff().ok('evaluation', { action: 'get', memberId: 'm-moved', year: PAST })
    expect((await staff().ok('evaluation', { action: 'confirm', memberId: 'm-moved', year: PAST, rating: row.proposed })).rating).toBe(row.proposed)
    expect(await staff().ok('evaluation', { action: 'issueCards', communityId: a1._id, year: PAST })).toEqual({ issued: 1, skipped: 0 })
    // Their own record of that year names the community that rated them, with the card.
    const mine = await h.asUser('m-moved').ok('evaluation', { action: 'myRecord', year: PAST })
    expect(mine).toMatchObject({ communityName: '曙光社区', rating: row.proposed })
    expect(mine.card?.communityName).toBe('曙光社区')
    // Another community's staff still may not see them for that year.
    expect((await h.asUser(USERS.staffB1).fail('evaluation', { action: 'get', memberId: 'm-moved', year: PAST })).code).toBe('NOT_FOUND')
  })

  it('gives a past year’s report rate as it stood at the year’s end, not the unit’s tally now', async () => {
    await h.db.collection('unitTallies').doc(UNITS.u1._id).update({ data: { reported: 1000, memberTotal: 1000 } })
    const u1Members = (await getRows<{ _id: string }>(h.db.collection('members').where({ unitId: UNITS.u1._id }).limit(1000))).length
    const past = await h.asUser(USERS.secretary1).ok('evaluation', { action: 'unitYear', unitId: UNITS.u1._id, year: PAST })
    // Only m-moved stood reported at the end of 2025; everyone else reported in 2026.
    expect(past.rate).toMatchObject({ reported: 1, total: u1Members, belowThreshold: true })
    expect(past.advancedBarred).toBe(true)
    const now = await h.asUser(USERS.secretary1).ok('evaluation', { action: 'unitYear', unitId: UNITS.u1._id, year: YEAR })
    expect(now.rate).toMatchObject({ reported: 1000, total: 1000 })
  })
})
