import type { Result } from '../../src/domain/result'
import { getRows, countOf } from '../../server/db/read'
import { FUNCTIONS } from '../../server/functions'
import { runFunction } from '../../server/kernel/run-function'
import type { Database } from '../../server/kernel/database'
import { recountTallies } from '../../server/features/stats/tally-recount'
import { openHarness, type Harness } from './support/bridge-client'
import { recordDbRequests } from './support/db-requests'
import { expectNothingWritten } from './support/db-state'
import { addMember, COMMUNITIES, DISTRICT, seedCity, STREETS, UNITS, USERS } from './support/fixture'

// 每半年通报 and closing a year (issue 11 §8, §9): the bulletin generated from
// inserted records, figure by figure; submit and resubmit; who may; the
// street's and district's review; the district's ranking; closing a year
// (by hand and by the timer) and the writes refused after it.

let h: Harness
const u1 = UNITS.u1._id
const u2 = UNITS.u2._id
const china = (text: string) => new Date(`${text}+08:00`)

async function put(db: Database, collection: string, docs: Array<{ _id: string } & Record<string, unknown>>) {
  for (const { _id, ...data } of docs) await db.collection(collection).doc(_id).set({ data })
}

function report(id: string, memberId: string, unitId: string, community: keyof typeof COMMUNITIES, reportedAt: Date, moved?: Date) {
  const c = COMMUNITIES[community]
  return { _id: id, memberId, unitId, communityId: c._id, streetId: c.streetId, districtId: DISTRICT, reportedAt, receivedBy: 'user-staff', cardNo: `C-${id}`, status: moved ? 'moved' : 'active', ...(moved ? { movedAt: moved, movedTo: 'community-a2' } : {}) }
}

function activity(id: string, kind: 'community' | 'unit', start: string, end: string, status: string, unitId?: string) {
  return {
    _id: id, organiserKind: kind, ...(unitId ? { unitId, unitName: '区教育局' } : {}), communityId: COMMUNITIES.a1._id, streetId: STREETS.a, districtId: DISTRICT,
    title: `活动${id}`, postId: null, postName: null, description: '', place: '社区活动室', startAt: china(start), endAt: china(end), status,
    signupRequired: false, capacity: 0, signupOpensAt: null, signupClosesAt: china(start), location: null, signedUp: 0, waitlist: [], cancelReason: null,
    createdBy: 'user-staff', createdAt: china(start), updatedAt: china(start),
  }
}

function attendance(id: string, activityId: string, memberId: string, unitId: string, kind: 'community' | 'unit', inAt: string, outAt: string | null, cancelled = false) {
  return {
    _id: id, activityId, memberId, unitId, organiserKind: kind, communityId: COMMUNITIES.a1._id, year: Number(inAt.slice(0, 4)),
    inAt: china(inAt), inMethod: 'code', outAt: outAt ? china(outAt) : null, outMethod: outAt ? 'code' : null, reason: null, location: null, recordedBy: 'user-staff',
    ...(cancelled ? { activityCancelled: true } : {}),
  }
}

function entry(id: string, memberId: string, unitId: string, year: number, quarter: number, hours: number, status: string) {
  return {
    _id: id, memberId, unitId, communityId: COMMUNITIES.a1._id, districtId: DISTRICT, date: china(`${year}-${String(quarter * 3 - 1).padStart(2, '0')}-10T00:00:00`), year, quarter,
    place: '社区', content: '服务', kind: 'own', hours, photoFileId: null, source: null, status, returnReason: null, returnedBy: null, handInId: null, createdAt: new Date(), updatedAt: new Date(),
  }
}

/** Confirmed in the year's first half unless said otherwise. */
function evaluation(memberId: string, unitId: string, year: number, rating: string, confirmedAt = china(`${year}-06-15T10:00:00`)) {
  return {
    _id: `${memberId}:${year}`, memberId, unitId, communityId: COMMUNITIES.a1._id, streetId: STREETS.a, districtId: DISTRICT, year, proposed: rating, rating, comment: '', pledgeKept: null,
    facts: {}, confirmedBy: 'user-staff', confirmedAt,
  }
}

async function seed(db: Database) {
  await seedCity(db)
  const joined = new Date('2025-01-10T00:00:00Z')
  await addMember(db, { id: 'm1', unit: 'u1', community: 'a1', name: '张伟', mobile: '13700000001', joinedUnitAt: joined })
  await addMember(db, { id: 'm2', unit: 'u1', community: 'a1', name: '李娜', mobile: '13700000002', joinedUnitAt: joined })
  await addMember(db, { id: 'm3', unit: 'u1', community: 'a1', name: '王芳', mobile: '13700000003', joinedUnitAt: joined })
  await addMember(db, { id: 'm4', unit: 'u1', community: 'b1', name: '赵强', mobile: '13700000004', joinedUnitAt: china('2026-08-01T09:00:00') })
  await addMember(db, { id: 'm6', unit: 'u1', community: 'a1', name: '陈静', mobile: '13700000006', joinedUnitAt: joined })
  // u2's only member lives in street b: street a does not see u2.
  await addMember(db, { id: 'm5', unit: 'u2', community: 'b1', name: '孙丽', mobile: '13700000005', joinedUnitAt: joined })
  await put(db, 'reports', [
    report('r1', 'm1', u1, 'a1', china('2026-02-10T10:00:00')),
    // m2 reported in a1, moved to a2 after the half ended: reported at the end of H1, and again now.
    report('r2a', 'm2', u1, 'a1', china('2025-03-01T10:00:00'), china('2026-07-05T10:00:00')),
    report('r2b', 'm2', u1, 'a2', china('2026-07-05T10:00:00')),
    // m6 reported after H1 ended.
    report('r6', 'm6', u1, 'a1', china('2026-09-01T10:00:00')),
    report('r5', 'm5', u2, 'b1', china('2026-01-05T10:00:00')),
  ])
  for (const [member, r] of [['m1', 'r1'], ['m2', 'r2b'], ['m6', 'r6'], ['m5', 'r5']] as const) {
    const doc = (await getRows<{ communityId: string; reportedAt: Date }>(db.collection('reports').where({ _id: r })))[0]!
    await db.collection('members').doc(member).update({ data: { report: { reportId: r, communityId: doc.communityId, reportedAt: doc.reportedAt } } })
  }
  await recountTallies(db, {}, new Date(), () => {})
  // Claims keep no history: the bulletin takes the tally's figure.
  await db.collection('unitTallies').doc(u1).update({ data: { claimedPosts: 5 } })

  await put(db, 'activities', [
    activity('A1', 'community', '2026-03-10T09:00:00', '2026-03-10T11:00:00', 'ended'),
    activity('A2', 'unit', '2026-04-10T14:00:00', '2026-04-10T16:00:00', 'ended', u1),
    activity('A3', 'community', '2026-05-01T09:00:00', '2026-05-01T11:00:00', 'cancelled'),
    activity('A4', 'community', '2026-08-01T09:00:00', '2026-08-01T11:00:00', 'ended'),
    activity('A5', 'unit', '2026-05-20T09:00:00', '2026-05-20T11:00:00', 'cancelled', u1),
  ])
  await put(db, 'attendance', [
    // Early in, late out: credited the scheduled 120 minutes.
    attendance('t1', 'A1', 'm1', u1, 'community', '2026-03-10T08:50:00', '2026-03-10T11:30:00'),
    // Never signed out of an ended activity: credited to its end, 90 minutes.
    attendance('t2', 'A1', 'm2', u1, 'community', '2026-03-10T09:30:00', null),
    attendance('t3', 'A2', 'm1', u1, 'unit', '2026-04-10T14:00:00', '2026-04-10T15:00:00'),
    attendance('t4', 'A3', 'm3', u1, 'community', '2026-05-01T09:00:00', '2026-05-01T11:00:00', true),
    attendance('t5', 'A4', 'm1', u1, 'community', '2026-08-01T09:00:00', '2026-08-01T11:00:00'),
    attendance('t6', 'A1', 'm5', u2, 'community', '2026-03-10T09:00:00', '2026-03-10T11:00:00'),
  ])
  await put(db, 'serviceEntries', [
    entry('s1', 'm1', u1, 2026, 1, 2, 'confirmed'),
    entry('s2', 'm2', u1, 2026, 2, 1.5, 'confirmed'),
    entry('s3', 'm2', u1, 2026, 2, 3, 'handedIn'),
    entry('s4', 'm1', u1, 2026, 3, 4, 'confirmed'),
    entry('s5', 'm5', u2, 2026, 1, 5, 'confirmed'),
    // Copied from an attended activity: its hours are already the activity's, not counted twice.
    { ...entry('s6', 'm1', u1, 2026, 2, 2, 'confirmed'), source: { type: 'attendance', id: 'A2:m1' } },
  ])
  await put(db, 'evaluations', [evaluation('m1', u1, 2026, '好'), evaluation('m2', u1, 2026, '较好'), evaluation('m3', u1, 2026, '好'), evaluation('m4', u1, 2026, '差', china('2026-11-20T10:00:00')), evaluation('m1', u1, 2025, '一般'), evaluation('m5', u2, 2026, '差')])
}

beforeAll(async () => {
  h = await openHarness({ seed, now: new Date('2026-12-04T02:00:00Z') })
  for (const id of [USERS.secretary1, USERS.liaison1, USERS.secretary2, USERS.streetA, USERS.streetB, USERS.district, USERS.staffA1, 'm1']) await h.asUser(id).ok('bootstrap', { action: 'get' })
})
afterAll(() => h.close())

const secretary = () => h.asUser(USERS.secretary1)
const district = () => h.asUser(USERS.district)
const H1 = { year: 2026, half: 1 as const }
const H2 = { year: 2026, half: 2 as const }

describe('the unit’s bulletin, generated from the records', () => {
  it('describes a past half as it stood at the half’s end', async () => {
    const { result, requests } = await recordDbRequests(() => secretary().ok('bulletin', { action: 'preview', unitId: u1, ...H1 }))
    const f = result.figures
    expect(f).toMatchObject({ unitId: u1, unitName: '区教育局', year: 2026, half: 1, asOf: china('2026-07-01T00:00:00').toISOString(), generatedAt: '2026-12-04T02:00:00.000Z' })
    // m4 joined later; m1 and m2 (moved away only in July) stood reported; m3 never, m6 only in September.
    expect(f).toMatchObject({ memberTotal: 4, reported: 2, notReported: 2, rate: 0.5, belowThreshold: true })
    expect([...f.notReportedNames].sort()).toEqual(['王芳', '陈静'].sort())
    expect(f.claimedPosts).toBe(5)
    expect(f.activities).toEqual({ community: 1, unit: 1, attendances: 3, hours: 4.5 })
    expect(f.ownActivities).toBe(1)
    expect(f.services).toEqual({ entries: 2, hours: 3.5 })
    // m4's rating was confirmed in November: not yet in a bulletin of the first half.
    expect(f.ratings).toEqual({ year: 2026, counts: { 好: 2, 较好: 1, 一般: 0, 差: 0 }, total: 3 })
    expect(result).toMatchObject({ submitted: null, yearClosed: false, canSubmit: true, opensAt: china('2026-06-01T00:00:00').toISOString() })
    console.log(`bulletin.preview: ${requests.length} requests`)
    expect(requests.length).toBeLessThanOrEqual(14)
  })

  it('describes the half under way as it stands now', async () => {
    const { figures: f } = await secretary().ok('bulletin', { action: 'preview', unitId: u1, ...H2 })
    expect(f).toMatchObject({ asOf: '2026-12-04T02:00:00.000Z', memberTotal: 5, reported: 3, notReported: 2 })
    expect([...f.notReportedNames].sort()).toEqual(['王芳', '赵强'].sort())
    expect(f.activities).toEqual({ community: 1, unit: 0, attendances: 1, hours: 2 })
    expect(f.services).toEqual({ entries: 1, hours: 4 })
  })

  it('is for the unit’s own secretary and liaison only', async () => {
    expect((await h.asUser(USERS.liaison1).ok('bulletin', { action: 'preview', unitId: u1, ...H1 })).figures.memberTotal).toBe(4)
    expect((await h.asUser(USERS.secretary2).fail('bulletin', { action: 'preview', unitId: u1, ...H1 })).code).toBe('FORBIDDEN')
    expect((await secretary().fail('bulletin', { action: 'preview', unitId: 'unit-none', ...H1 })).code).toBe('NOT_FOUND')
    for (const id of ['m1', USERS.staffA1, USERS.district]) expect((await h.asUser(id).fail('bulletin', { action: 'preview', unitId: u1, ...H1 })).code).toBe('FORBIDDEN')
  })
})

describe('submitting', () => {
  it('stores a snapshot with the note, and a resubmission replaces it and counts', async () => {
    const first = await secretary().ok('bulletin', { action: 'submit', unitId: u1, ...H1, note: '下一步：督促王芳、陈静报到' })
    expect(first).toMatchObject({ bulletinId: `${u1}:2026H1`, note: '下一步：督促王芳、陈静报到', submitCount: 1, submittedBy: USERS.secretary1 })
    expect(first.figures.rate).toBe(0.5)
    const { result: again, requests } = await recordDbRequests(() => h.asUser(USERS.liaison1).ok('bulletin', { action: 'submit', unitId: u1, ...H1, note: '已补充说明' }))
    expect(again).toMatchObject({ note: '已补充说明', submitCount: 2, submittedBy: USERS.liaison1 })
    expect(await countOf(h.db.collection('bulletins').where({ unitId: u1 }))).toBe(1)
    console.log(`bulletin.submit: ${requests.length} requests`)
    expect((await secretary().ok('bulletin', { action: 'preview', unitId: u1, ...H1 })).submitted).toMatchObject({ submitCount: 2, note: '已补充说明' })
  })

  it('is refused before the half’s last month, for another unit, for other roles and with bad input; nothing written', async () => {
    const H1next = { year: 2027, half: 1 as const }
    await expectNothingWritten(h.db, async () => {
      expect((await secretary().fail('bulletin', { action: 'submit', unitId: u1, ...H1next, note: '' })).code).toBe('BULLETIN_NOT_OPEN')
      expect((await h.asUser(USERS.secretary2).fail('bulletin', { action: 'submit', unitId: u1, ...H1, note: '' })).code).toBe('FORBIDDEN')
      expect((await h.asUser('m1').fail('bulletin', { action: 'submit', unitId: u1, ...H1, note: '' })).code).toBe('FORBIDDEN')
      expect((await h.asUser(USERS.staffA1).fail('bulletin', { action: 'submit', unitId: u1, ...H1, note: '' })).code).toBe('FORBIDDEN')
      expect((await secretary().rawFail('bulletin', { action: 'submit', unitId: u1, year: 2026, half: 3, note: '' })).code).toBe('VALIDATION_FAILED')
      expect((await secretary().rawFail('bulletin', { action: 'submit', unitId: u1, ...H1, note: 'x'.repeat(1001) })).code).toBe('VALIDATION_FAILED')
    })
  })

  it('opens on the first day of the half’s last month (China time)', async () => {
    const saved = h.clock.now
    try {
      h.clock.now = new Date(china('2026-06-01T00:00:00').getTime() - 1000)
      const early = await h.asUser(USERS.secretary2).ok('bulletin', { action: 'preview', unitId: u2, ...H1 })
      expect(early.canSubmit).toBe(false)
      expect((await h.asUser(USERS.secretary2).fail('bulletin', { action: 'submit', unitId: u2, ...H1, note: '' })).code).toBe('BULLETIN_NOT_OPEN')
      h.clock.now = china('2026-06-01T00:00:00')
      expect((await h.asUser(USERS.secretary2).ok('bulletin', { action: 'submit', unitId: u2, ...H1, note: '' })).submitCount).toBe(1)
    } finally {
      h.clock.now = saved
    }
  })
})

describe('the street’s and district’s review', () => {
  it('lists who submitted, with each unit’s rate, per district and per street', async () => {
    const { result: all, requests } = await recordDbRequests(() => district().ok('bulletin', { action: 'review', ...H1 }))
    console.log(`bulletin.review (district): ${requests.length} requests`)
    expect(all).toMatchObject({ scopeName: '测试区', submitted: 2, notSubmitted: 0, published: null, yearClosed: false })
    // Both submitted: in name order (pinyin: 区财政局 before 区教育局).
    expect(all.rows.map((r) => [r.unitId, r.submitted, r.rate, r.rateSource])).toEqual([
      [u2, true, 1, 'bulletin'],
      [u1, true, 0.5, 'bulletin'],
    ])
    const h2 = await district().ok('bulletin', { action: 'review', ...H2 })
    expect(h2).toMatchObject({ submitted: 0, notSubmitted: 2 })
    // Not submitted: the unit's rate now (its tally: 3 of 5).
    expect(h2.rows.find((r) => r.unitId === u1)).toMatchObject({ submitted: false, rate: 0.6, rateSource: 'current', submittedAt: null })
    // Street a sees u1 (members living there), not u2; street b sees both.
    expect((await h.asUser(USERS.streetA).ok('bulletin', { action: 'review', ...H1 })).rows.map((r) => r.unitId)).toEqual([u1])
    expect((await h.asUser(USERS.streetB).ok('bulletin', { action: 'review', ...H1 })).rows.map((r) => r.unitId).sort()).toEqual([u1, u2].sort())
    expect((await district().ok('bulletin', { action: 'review', ...H1, streetId: STREETS.a })).rows.map((r) => r.unitId)).toEqual([u1])
    expect((await h.asUser(USERS.streetA).fail('bulletin', { action: 'review', ...H1, streetId: STREETS.b })).code).toBe('FORBIDDEN')
    for (const id of [USERS.secretary1, USERS.staffA1, 'm1']) expect((await h.asUser(id).fail('bulletin', { action: 'review', ...H1 })).code).toBe('FORBIDDEN')
  })

  it('opens a submitted bulletin in scope', async () => {
    const { result: opened, requests } = await recordDbRequests(() => district().ok('bulletin', { action: 'open', unitId: u1, ...H1 }))
    console.log(`bulletin.open: ${requests.length} requests`)
    expect(opened).toMatchObject({ note: '已补充说明', submitCount: 2 })
    expect((await h.asUser(USERS.streetA).ok('bulletin', { action: 'open', unitId: u1, ...H1 })).figures.memberTotal).toBe(4)
    expect((await h.asUser(USERS.streetA).fail('bulletin', { action: 'open', unitId: u2, ...H1 })).code).toBe('FORBIDDEN')
    expect((await district().fail('bulletin', { action: 'open', unitId: u1, ...H2 })).code).toBe('BULLETIN_NOT_SUBMITTED')
    expect((await district().fail('bulletin', { action: 'open', unitId: 'unit-none', ...H1 })).code).toBe('NOT_FOUND')
  })
})

describe('the district’s bulletin', () => {
  it('ranks units by report rate with the 95% line, and every unit reads it', async () => {
    expect(await secretary().ok('bulletin', { action: 'published', unitId: u1, ...H1 })).toBeNull()
    const { result: b, requests } = await recordDbRequests(() => district().ok('bulletin', { action: 'publish', ...H1 }))
    console.log(`bulletin.publish: ${requests.length} requests`)
    expect(b).toMatchObject({ bulletinId: `district:${DISTRICT}:2026H1`, districtName: '测试区', aboveLine: 1, publishCount: 1 })
    expect(b.rows.map((r) => [r.rank, r.unitId, r.memberTotal, r.reported, r.rate, r.belowThreshold, r.submitted])).toEqual([
      [1, u2, 1, 1, 1, false, true],
      [2, u1, 4, 2, 0.5, true, true],
    ])
    expect(b.totals).toEqual({ units: 2, submitted: 2, memberTotal: 5, reported: 3, rate: 0.6 })
    expect((await district().ok('bulletin', { action: 'publish', ...H1 })).publishCount).toBe(2)
    expect((await h.asUser(USERS.liaison2).ok('bulletin', { action: 'published', unitId: u2, ...H1 }))?.rows).toHaveLength(2)
    expect((await district().ok('bulletin', { action: 'review', ...H1 })).published?.publishCount).toBe(2)
    await expectNothingWritten(h.db, async () => {
      expect((await h.asUser(USERS.streetA).fail('bulletin', { action: 'publish', ...H1 })).code).toBe('FORBIDDEN')
      expect((await secretary().fail('bulletin', { action: 'publish', ...H1 })).code).toBe('FORBIDDEN')
      expect((await district().fail('bulletin', { action: 'publish', year: 2027, half: 1 })).code).toBe('BULLETIN_NOT_OPEN')
    })
  })
})

const timer = (at: Date) => runFunction(FUNCTIONS.get('bulletin')!, { Type: 'Timer', TriggerName: 'dailyYearCloseAndBulletinReminder', Time: at.toISOString() }, { db: h.db, openid: '', env: { cardSecret: '' }, now: () => at }) as Promise<Result<{ close: { year: number; closed: string[] }; remind: { half: string | null; messages: number } }>>

describe('closing a year', () => {
  it('says whether a year is closed, to every role that needs it', async () => {
    for (const id of [USERS.secretary1, USERS.staffA1, USERS.streetA, USERS.district]) expect(await h.asUser(id).ok('bulletin', { action: 'yearStatus', year: 2025 })).toEqual({ year: 2025, closed: false, closedAt: null, closedBy: null })
    expect((await h.asUser('m1').fail('bulletin', { action: 'yearStatus', year: 2025 })).code).toBe('FORBIDDEN')
  })

  it('is refused before 12月31日 has passed (China time), for anyone but the district, and for an impossible date', async () => {
    const saved = h.clock.now
    try {
      await expectNothingWritten(h.db, async () => {
        expect((await district().fail('bulletin', { action: 'closeYear', year: 2026 })).code).toBe('YEAR_NOT_ENDED')
        h.clock.now = new Date(china('2027-01-01T00:00:00').getTime() - 1000)
        expect((await district().fail('bulletin', { action: 'closeYear', year: 2026 })).code).toBe('YEAR_NOT_ENDED')
        expect((await h.asUser(USERS.streetA).fail('bulletin', { action: 'closeYear', year: 2025 })).code).toBe('FORBIDDEN')
        expect((await secretary().fail('bulletin', { action: 'closeYear', year: 2025 })).code).toBe('FORBIDDEN')
        expect((await district().fail('bulletin', { action: 'setCloseDate', month: 2, day: 29 })).code).toBe('CLOSE_DATE_INVALID')
        expect((await district().rawFail('bulletin', { action: 'setCloseDate', month: 13, day: 1 })).code).toBe('VALIDATION_FAILED')
      })
    } finally {
      h.clock.now = saved
    }
  })

  it('closes a past year once, audited; closing again reports the first close', async () => {
    const { result: closed, requests } = await recordDbRequests(() => district().ok('bulletin', { action: 'closeYear', year: 2025 }))
    console.log(`bulletin.closeYear: ${requests.length} requests`)
    expect(closed).toEqual({ year: 2025, closed: true, closedAt: '2026-12-04T02:00:00.000Z', closedBy: USERS.district, newlyClosed: true })
    h.clock.now = new Date('2026-12-05T02:00:00Z')
    expect(await district().ok('bulletin', { action: 'closeYear', year: 2025 })).toEqual({ ...closed, newlyClosed: false })
    expect(await countOf(h.db.collection('audit').where({ action: 'year.closed' }))).toBe(1)
    expect(await secretary().ok('bulletin', { action: 'yearStatus', year: 2025 })).toMatchObject({ closed: true, closedAt: '2026-12-04T02:00:00.000Z' })
    const years = await district().ok('bulletin', { action: 'years' })
    expect(years.closeDate).toEqual({ month: 1, day: 31 })
    expect(years.years.map((y) => [y.year, y.closed, y.closable])).toEqual([
      [2026, false, false],
      [2025, true, false],
      [2024, false, true],
      [2023, false, true],
      [2022, false, true],
    ])
  })

  it('refuses bulletins of a closed year; nothing written', async () => {
    await expectNothingWritten(h.db, async () => {
      expect((await secretary().fail('bulletin', { action: 'submit', unitId: u1, year: 2025, half: 2, note: '' })).code).toBe('YEAR_CLOSED')
      expect((await district().fail('bulletin', { action: 'publish', year: 2025, half: 2 })).code).toBe('YEAR_CLOSED')
    })
    expect((await secretary().ok('bulletin', { action: 'preview', unitId: u1, year: 2025, half: 2 })).canSubmit).toBe(false)
  })

  it('(the daily timer) reminds the secretaries of units not submitted in the half’s last week, once', async () => {
    expect(await timer(china('2026-12-24T02:00:00'))).toMatchObject({ ok: true, data: { remind: { half: null, messages: 0 } } })
    // 2025 was closed by hand already: the timer closes nothing.
    expect(await timer(china('2026-12-25T02:00:00'))).toMatchObject({ ok: true, data: { close: { year: 2025, closed: [] }, remind: { half: '2026H2', messages: 2 } } })
    expect(await timer(china('2026-12-26T02:00:00'))).toMatchObject({ ok: true, data: { remind: { half: '2026H2', messages: 0 } } })
    expect(await countOf(h.db.collection('messages').where({ kind: 'bulletinDue', touser: USERS.secretary1 }))).toBe(1)
  })

  it('is done by the timer on the district’s date, not before', async () => {
    expect(await district().ok('bulletin', { action: 'setCloseDate', month: 2, day: 15 })).toEqual({ month: 2, day: 15 })
    // The default date (1月31日) no longer applies.
    expect(await timer(china('2027-01-31T02:00:00'))).toMatchObject({ ok: true, data: { close: { year: 2026, closed: [] } } })
    expect(await timer(new Date(china('2027-02-15T00:00:00').getTime() - 1000))).toMatchObject({ data: { close: { closed: [] } } })
    expect(await countOf(h.db.collection('yearCloses').where({ year: 2026 }))).toBe(0)
    const at = china('2027-02-15T02:00:00')
    const { result, requests } = await recordDbRequests(() => timer(at))
    console.log(`bulletin timer (closing one district): ${requests.length} requests`)
    expect(result).toMatchObject({ ok: true, data: { close: { year: 2026, closed: [DISTRICT] } } })
    expect(await timer(china('2027-02-16T02:00:00'))).toMatchObject({ data: { close: { closed: [] } } })
    h.clock.now = china('2027-02-16T09:00:00')
    expect(await district().ok('bulletin', { action: 'yearStatus', year: 2026 })).toEqual({ year: 2026, closed: true, closedAt: at.toISOString(), closedBy: '定时任务' })
    expect(await countOf(h.db.collection('audit').where({ action: 'year.closed', 'actor.name': '定时任务' }))).toBe(1)
  })
})

describe('cost', () => {
  it('generates a bulletin in the same number of requests whatever the unit’s size', async () => {
    h.clock.now = china('2026-12-20T10:00:00')
    const previewOf = async () => (await recordDbRequests(() => h.asUser(USERS.secretary2).ok('bulletin', { action: 'preview', unitId: u2, ...H2 }))).requests.length
    const small = await previewOf()
    for (let i = 0; i < 60; i++) await addMember(h.db, { id: `bulk-${i}`, unit: 'u2', community: 'b1', name: `党员${i}`, mobile: `1390000${String(i).padStart(4, '0')}` })
    const { result, requests } = await recordDbRequests(() => h.asUser(USERS.secretary2).ok('bulletin', { action: 'preview', unitId: u2, ...H2 }))
    expect(result.figures).toMatchObject({ memberTotal: 61, notReported: 60 })
    expect(result.figures.notReportedNames).toHaveLength(50)
    expect(requests.length).toBe(small)
  })

  it('answers the small reads in a few requests', async () => {
    const cost = async (name: string, body: () => Promise<unknown>) => {
      const { requests } = await recordDbRequests(body)
      console.log(`bulletin.${name}: ${requests.length} requests`)
      return requests.length
    }
    expect(await cost('published', () => secretary().ok('bulletin', { action: 'published', unitId: u1, ...H1 }))).toBeLessThanOrEqual(4)
    expect(await cost('yearStatus', () => secretary().ok('bulletin', { action: 'yearStatus', year: 2025 }))).toBeLessThanOrEqual(3)
    expect(await cost('years', () => district().ok('bulletin', { action: 'years' }))).toBeLessThanOrEqual(4)
    expect(await cost('setCloseDate', () => district().ok('bulletin', { action: 'setCloseDate', month: 1, day: 31 }))).toBeLessThanOrEqual(4)
    expect(await cost('review (street)', () => h.asUser(USERS.streetA).ok('bulletin', { action: 'review', ...H1 }))).toBeLessThanOrEqual(7)
  })
})
