import type { ActivityView, AttendanceRow, SigninResult } from '../../src/domain/contracts/activity.contract'
import type { CardView } from '../../src/domain/contracts/card.contract'
import type { AttendanceDoc } from '../../server/db/docs'
import { scanAll } from '../../server/db/read'
import { openHarness, type Harness } from './support/bridge-client'
import { withDbLatency } from './support/db-latency'
import { recordDbRequests } from './support/db-requests'
import { expectNothingWritten } from './support/db-state'
import { addMember, COMMUNITIES, seedCity, USERS } from './support/fixture'
import { readQr } from './support/qr'

// Sign-in and sign-out by the organiser's rotating code, by 联系证 and by
// hand; hours at the edges; the year's counts (issue 9 §4, §5). The server's
// clock is the harness clock, moved by the tests.

let h: Harness
const MEMBERS = ['m-1', 'm-2', 'm-3', 'm-4', 'm-5']
const ELSEWHERE = 'm-b1'
let elsewhereCard: CardView
let card2: CardView

beforeAll(async () => {
  h = await openHarness({
    seed: async (db) => {
      await seedCity(db)
      for (const [i, id] of MEMBERS.entries()) await addMember(db, { id, unit: 'u1', community: 'a1', name: `党员${i + 1}`, mobile: `1370000000${i}` })
      await addMember(db, { id: ELSEWHERE, unit: 'u2', community: 'b1', name: '冯静', mobile: '13700009999' })
    },
  })
  card2 = await h.asUser(USERS.secretary1).ok('card', { action: 'issue', memberId: 'm-2' })
  elsewhereCard = await h.asUser(USERS.secretary2).ok('card', { action: 'issue', memberId: ELSEWHERE })
})
afterAll(() => h.close())

const MIN = 60_000
const later = (ms: number) => new Date(h.clock.now.getTime() + ms)
const move = (ms: number) => {
  h.clock.now = later(ms)
}
const staff = () => h.asUser(USERS.staffA1)

/** A published activity starting in `startsIn` minutes, two hours long. */
async function activity(startsIn: number, fields: Record<string, unknown> = {}): Promise<ActivityView> {
  const draft = await staff().ok('activity', {
    action: 'create' as const,
    communityId: COMMUNITIES.a1._id,
    title: '义务巡逻',
    place: '曙光社区',
    startAt: later(startsIn * MIN).toISOString(),
    endAt: later((startsIn + 120) * MIN).toISOString(),
    ...fields,
  })
  return staff().ok('activity', { action: 'publish', activityId: draft.activityId })
}

const code = async (activityId: string, direction: 'in' | 'out' = 'in') =>
  (await staff().ok('activity', { action: 'signinCode', activityId, direction })).token!
const scan = (member: string, token: string, extra: Record<string, unknown> = {}) => h.asUser(member).call('activity', { action: 'signIn', token, ...extra })
const records = (activityId: string) => scanAll<AttendanceDoc>(h.db, 'attendance', { activityId })
const attended = async (activityId: string) =>
  (await staff().ok('activity', { action: 'attendance', activityId })).attended

it('a member scans the code once; a second scan says 已签到 with the time and writes nothing', async () => {
  const a = await activity(10)
  const token = await code(a.activityId)
  const signedInAt = h.clock.now.toISOString()
  const first = await scan('m-1', token)
  expect(first).toMatchObject({ ok: true, data: { direction: 'in', already: false, at: signedInAt, title: '义务巡逻', memberName: null, flagged: false } })
  move(5_000)
  const again = await expectNothingWritten(h.db, () => scan('m-1', token))
  expect(again).toMatchObject({ ok: true, data: { already: true, at: signedInAt } })
  expect(await records(a.activityId)).toHaveLength(1)
})

it('the member sees their own attendance on the activity: 已签到 at the scan, minutes once signed out', async () => {
  const a = await activity(0)
  const myAttendance = async () => (await h.asUser('m-4').ok('activity', { action: 'get', activityId: a.activityId })).myAttendance
  expect(await myAttendance()).toBeNull()
  const inAt = h.clock.now.toISOString()
  expect(await scan('m-4', await code(a.activityId))).toMatchObject({ ok: true })
  expect(await myAttendance()).toEqual({ inAt, outAt: null, minutes: null })
  move(45 * MIN)
  expect(await scan('m-4', await code(a.activityId, 'out'))).toMatchObject({ ok: true })
  expect(await myAttendance()).toEqual({ inAt, outAt: h.clock.now.toISOString(), minutes: 45 })
  // The list carries the same.
  const listed = await h.asUser('m-4').ok('activity', { action: 'list' })
  expect(listed.rows.find((r) => r.activityId === a.activityId)?.myAttendance).toMatchObject({ minutes: 45 })
})

it('ten scans at once by one member record once', async () => {
  const a = await activity(10)
  const token = await code(a.activityId)
  await h.asUser('m-3').ok('bootstrap', { action: 'get' })
  const results = await withDbLatency(() => Promise.all(Array.from({ length: 10 }, () => scan('m-3', token))))
  expect(results.filter((r) => !r.ok)).toEqual([])
  const data = results.map((r) => (r.ok ? r.data : null)!)
  expect(data.filter((d) => !d.already)).toHaveLength(1)
  expect(new Set(data.map((d) => d.at)).size).toBe(1)
  expect(await records(a.activityId)).toHaveLength(1)
})

it("the display's QR image holds the code, and says when to fetch the next by the server's clock", async () => {
  const a = await activity(10)
  const shown = await staff().ok('activity', { action: 'signinCode', activityId: a.activityId, direction: 'out' })
  expect(readQr(shown.qr)).toBe(shown.token)
  expect(shown.serverNow).toBe(h.clock.now.toISOString())
  const wait = Date.parse(shown.refreshAt) - Date.parse(shown.serverNow)
  expect(wait).toBeGreaterThan(0)
  expect(wait).toBeLessThanOrEqual(15_000)
})

it('a code is good in its window and the next; replayed 30 s later it is refused', async () => {
  const a = await activity(10)
  // At the start of a window, so the moves below land in the next windows.
  move(15_000 - (h.clock.now.getTime() % 15_000))
  const token = await code(a.activityId)
  move(29_999)
  expect((await scan('m-4', token)).ok).toBe(true)
  move(1) // 30 s after the code was made
  const replay = await expectNothingWritten(h.db, async () => (await h.asUser('m-5').fail('activity', { action: 'signIn', token })))
  expect(replay.code).toBe('SIGNIN_CODE_EXPIRED')
  expect(replay.message).toContain('已过期')
})

it("refuses a forged code, another activity's code, the out-code before signing in, and closed activities", async () => {
  const a = await activity(10)
  const b = await activity(10)
  const token = await code(a.activityId)
  const forged = token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA')
  const out = await code(a.activityId, 'out')
  const fail = async (member: string, input: Record<string, unknown>) => (await h.asUser(member).rawFail('activity', { action: 'signIn', ...input })).code
  await expectNothingWritten(h.db, async () => {
    expect(await fail('m-5', { token: forged })).toBe('SIGNIN_CODE_FORGED')
    expect(await fail('m-5', { token: 'https://example.com/qr' })).toBe('SIGNIN_CODE_INVALID')
    expect(await fail('m-5', { token: card2.token! })).toBe('SIGNIN_CODE_INVALID')
    expect(await fail('m-5', { token, activityId: b.activityId })).toBe('SIGNIN_CODE_OTHER_ACTIVITY')
    expect(await fail('m-5', { token: out })).toBe('SIGNIN_OUT_CODE')
    expect(await fail('m-5', { token, location: { lat: '30.27', lng: 120.15, accuracy: 20 } })).toBe('VALIDATION_FAILED')
    expect(await fail('m-5', { token, location: { lat: 30.27, lng: 120.15, accuracy: Number.NaN } })).toBe('VALIDATION_FAILED')
    expect(await fail(ELSEWHERE, { token })).toBe('ACTIVITY_NOT_FOR_YOU')
    expect((await h.asUser(USERS.residentA1).fail('activity', { action: 'signIn', token })).code).toBe('FORBIDDEN')
  })

  const early = await activity(31)
  const earlyCode = await code(early.activityId)
  expect(await fail('m-5', { token: earlyCode })).toBe('SIGNIN_TOO_EARLY')

  await staff().ok('activity', { action: 'cancel', activityId: b.activityId, reason: '场地占用' })
  expect((await staff().fail('activity', { action: 'signinCode', activityId: b.activityId, direction: 'in' })).code).toBe('ACTIVITY_CANCELLED')
})

it('a code taken before a cancellation is refused after it', async () => {
  const a = await activity(10)
  const token = await code(a.activityId)
  await staff().ok('activity', { action: 'cancel', activityId: a.activityId, reason: '临时取消' })
  expect((await h.asUser('m-1').fail('activity', { action: 'signIn', token })).code).toBe('ACTIVITY_CANCELLED')
})

it('sign-out with the out-code; hours count the schedule only; the organiser ending credits the scheduled end', async () => {
  const a = await activity(20)
  await scan('m-1', await code(a.activityId)) // 20 min before the start
  await scan('m-2', await code(a.activityId))
  move(20 * MIN + 30 * MIN) // 30 min in
  await scan('m-3', await code(a.activityId))
  move(60 * MIN) // 90 min in
  const out = await scan('m-3', await code(a.activityId, 'out'))
  expect(out).toMatchObject({ ok: true, data: { direction: 'out', already: false } })
  const outAgain = await expectNothingWritten(h.db, async () => scan('m-3', await code(a.activityId, 'out')))
  expect(outAgain).toMatchObject({ ok: true, data: { direction: 'out', already: true, at: (out as { data: SigninResult }).data.at } })
  move(50 * MIN) // 20 min after the end
  await scan('m-1', await code(a.activityId, 'out'))

  let rows = await attended(a.activityId)
  const minutesOf = (list: AttendanceRow[], id: string) => list.find((r) => r.memberId === id)!.minutes
  expect(minutesOf(rows, 'm-1')).toBe(120) // early in, late out: the activity's length
  expect(minutesOf(rows, 'm-3')).toBe(60)
  expect(minutesOf(rows, 'm-2')).toBeNull() // still signed in, not ended

  const codeBeforeEnd = await code(a.activityId)
  const ended = await staff().ok('activity', { action: 'end', activityId: a.activityId })
  expect(ended.status).toBe('ended')
  rows = await attended(a.activityId)
  expect(rows.find((r) => r.memberId === 'm-2')).toMatchObject({ minutes: 120, outMethod: 'scheduledEnd', outAt: a.endAt })
  expect(rows.find((r) => r.memberId === 'm-1')!.outMethod).toBe('code')
  expect((await staff().fail('activity', { action: 'end', activityId: a.activityId })).code).toBe('ACTIVITY_ENDED')
  // After the end, no more sign-ins, and no more codes.
  expect((await h.asUser('m-4').fail('activity', { action: 'signIn', token: codeBeforeEnd })).code).toBe('ACTIVITY_ENDED')
  expect((await staff().fail('activity', { action: 'signinCode', activityId: a.activityId, direction: 'in' })).code).toBe('ACTIVITY_ENDED')
})

it('an activity that has not started cannot be ended', async () => {
  const a = await activity(60)
  expect((await staff().fail('activity', { action: 'end', activityId: a.activityId })).code).toBe('ACTIVITY_NOT_STARTED')
})

it('stores distance and accuracy, and flags a sign-in far outside the radius without refusing it', async () => {
  const place = { lat: 30.2741, lng: 120.1551, radius: 200 }
  const a = await activity(10, { location: place })
  const token = await code(a.activityId)
  const near = await scan('m-1', token, { location: { lat: 30.2741 + 100 / 111_195, lng: 120.1551, accuracy: 30 } })
  const far = await scan('m-2', token, { location: { lat: 30.2741 + 3_000 / 111_195, lng: 120.1551, accuracy: 25 } })
  expect(near).toMatchObject({ ok: true, data: { flagged: false } })
  expect(far).toMatchObject({ ok: true, data: { flagged: true, already: false } })
  const rows = await attended(a.activityId)
  expect(rows.find((r) => r.memberId === 'm-1')).toMatchObject({ distance: 100, accuracy: 30, flagged: false })
  expect(rows.find((r) => r.memberId === 'm-2')).toMatchObject({ distance: 3_000, accuracy: 25, flagged: true })
  // Without a position: signed in, nothing to flag.
  expect(await scan('m-3', token)).toMatchObject({ ok: true, data: { flagged: false } })
})

it('the organiser signs a member in by their 联系证, or by hand with a reason; records say how they were made', async () => {
  const a = await activity(10)
  const byCard = await staff().ok('activity', { action: 'signInByCard', activityId: a.activityId, token: card2.token! })
  expect(byCard).toMatchObject({ memberName: '党员2', already: false })
  expect(await staff().ok('activity', { action: 'signInByCard', activityId: a.activityId, token: card2.token! })).toMatchObject({ already: true, at: byCard.at })
  // The member's own later scan finds the card's record.
  expect(await scan('m-2', await code(a.activityId))).toMatchObject({ ok: true, data: { already: true, at: byCard.at } })
  expect((await staff().fail('activity', { action: 'signInByCard', activityId: a.activityId, token: elsewhereCard.token! })).code).toBe('ACTIVITY_NOT_FOR_YOU')

  const inAt = later(5 * MIN).toISOString()
  const outAt = later(70 * MIN).toISOString()
  const manual = await staff().ok('activity', { action: 'addRecord', activityId: a.activityId, memberId: 'm-4', inAt, outAt, reason: '手机没电，现场登记' })
  expect(manual).toMatchObject({ memberId: 'm-4', inMethod: 'manual', outMethod: 'manual', reason: '手机没电，现场登记', unitName: '区教育局' })
  await expectNothingWritten(h.db, async () => {
    expect((await staff().fail('activity', { action: 'addRecord', activityId: a.activityId, memberId: 'm-4', inAt, reason: '重复' })).code).toBe('ATTENDANCE_EXISTS')
    expect((await staff().fail('activity', { action: 'addRecord', activityId: a.activityId, memberId: 'm-5', inAt: outAt, outAt: inAt, reason: '补录' })).code).toBe('ATTENDANCE_TIME_INVALID')
    expect((await staff().rawFail('activity', { action: 'addRecord', activityId: a.activityId, memberId: 'm-5', inAt })).code).toBe('VALIDATION_FAILED')
    expect((await staff().fail('activity', { action: 'addRecord', activityId: a.activityId, memberId: ELSEWHERE, inAt, reason: '补录' })).code).toBe('ACTIVITY_NOT_FOR_YOU')
    for (const other of [USERS.staffA2, USERS.staffB1]) {
      expect((await h.asUser(other).fail('activity', { action: 'addRecord', activityId: a.activityId, memberId: 'm-5', inAt, reason: '补录' })).code).toBe('NOT_FOUND')
      expect((await h.asUser(other).fail('activity', { action: 'signInByCard', activityId: a.activityId, token: card2.token! })).code).toBe('NOT_FOUND')
    }
    expect((await h.asUser('m-1').fail('activity', { action: 'signInByCard', activityId: a.activityId, token: card2.token! })).code).toBe('FORBIDDEN')
  })
  const methods = Object.fromEntries((await attended(a.activityId)).map((r) => [r.memberId, r.inMethod]))
  expect(methods).toEqual({ 'm-2': 'card', 'm-4': 'manual' })
})

it('the organiser corrects a record with a reason, and the record keeps the version it replaced', async () => {
  const a = await activity(0)
  const signedIn = (await scan('m-1', await code(a.activityId))) as { data: SigninResult }
  const outAt = later(90 * MIN).toISOString()
  const corrected = await staff().ok('activity', { action: 'correctRecord', activityId: a.activityId, memberId: 'm-1', outAt, reason: '忘记签退，按实际离开时间' })
  expect(corrected).toMatchObject({ inAt: signedIn.data.at, inMethod: 'code', outAt, outMethod: 'manual', minutes: 90, memberName: '党员1' })
  expect(corrected.corrections).toEqual([{ inAt: signedIn.data.at, outAt: null, correctedAt: h.clock.now.toISOString(), correction: '忘记签退，按实际离开时间' }])
  const again = await staff().ok('activity', { action: 'correctRecord', activityId: a.activityId, memberId: 'm-1', outAt: later(60 * MIN).toISOString(), reason: '再次核对' })
  expect(again.corrections.map((c) => c.outAt)).toEqual([null, outAt])
  expect(again.minutes).toBe(60)
  await expectNothingWritten(h.db, async () => {
    expect((await staff().fail('activity', { action: 'correctRecord', activityId: a.activityId, memberId: 'm-1', outAt: later(-MIN).toISOString(), reason: '错' })).code).toBe('ATTENDANCE_TIME_INVALID')
    expect((await staff().fail('activity', { action: 'correctRecord', activityId: a.activityId, memberId: 'm-5', inAt: later(0).toISOString(), reason: '无记录' })).code).toBe('NOT_FOUND')
    expect((await staff().rawFail('activity', { action: 'correctRecord', activityId: a.activityId, memberId: 'm-1', outAt })).code).toBe('VALIDATION_FAILED')
    expect((await h.asUser(USERS.staffA2).fail('activity', { action: 'correctRecord', activityId: a.activityId, memberId: 'm-1', outAt, reason: '越权' })).code).toBe('NOT_FOUND')
  })
})

it("a member's year counts the community activities they attended", async () => {
  const before = await h.asUser('m-5').ok('activity', { action: 'myYear' })
  const a = await activity(5)
  await scan('m-5', await code(a.activityId))
  const b = await activity(5)
  await staff().ok('activity', { action: 'addRecord', activityId: b.activityId, memberId: 'm-5', inAt: later(5 * MIN).toISOString(), reason: '补录' })
  const after = await h.asUser('m-5').ok('activity', { action: 'myYear' })
  expect(after).toMatchObject({ year: 2026, required: 2, unit: 0, community: before.community + 2 })
  expect((await h.asUser('m-5').ok('activity', { action: 'myYear', year: 2025 })).community).toBe(0)
  expect((await staff().fail('activity', { action: 'myYear' })).code).toBe('FORBIDDEN')
})

it('a member sign-in costs at most 4 database requests besides the dev session', async () => {
  const a = await activity(10)
  const token = await code(a.activityId)
  await h.asUser('m-4').ok('bootstrap', { action: 'get' })
  const { result, requests } = await recordDbRequests(() => scan('m-4', token))
  expect(result.ok).toBe(true)
  expect(requests.filter((r) => r.collection !== 'devSessions').length).toBeLessThanOrEqual(4)
})
