import { FUNCTIONS } from '../../server/functions'
import { runFunction } from '../../server/kernel/run-function'
import { countOf } from '../../server/db/read'
import { findById } from '../../server/db/load'
import type { ServiceEntryDoc } from '../../server/db/docs'
import { openHarness, type Harness } from './support/bridge-client'
import { recordDbRequests } from './support/db-requests'
import { expectNothingWritten } from './support/db-state'
import { addMembers, COMMUNITIES, seedCity, UNITS, USERS } from './support/fixture'

// Filled-in lines without the member (issue 11 §1): the daily timer adds the
// lines of what was recorded since its last run, so a member who never opens
// their 服务清单 still has them in the liaison's view and the hand-in; twice
// writes once; a quarter already handed in gets nothing new; a member who has
// not reported gets none. The liaison's page fills in its own members first.
// And the unit and the community's staff print one member's 服务清单.

let h: Harness
const a1 = COMMUNITIES.a1._id
const u1 = UNITS.u1._id
const u2 = UNITS.u2._id
const at = (iso: string) => new Date(`${iso}+08:00`)
const timer = (time: Date) => runFunction(FUNCTIONS.get('services')!, { Type: 'Timer', TriggerName: 'dailyServiceReminder', Time: time.toISOString() }, { db: h.db, openid: '', env: { cardSecret: '' }, now: () => time })
const filledBy = async (time: Date) => ((await timer(time)) as { ok: true; data: { filled: number } }).data.filled
const entryDoc = (id: string) => findById<ServiceEntryDoc>(h.db, 'serviceEntries', id)
const entryCount = () => countOf(h.db.collection('serviceEntries'))
const requestsOf = async <T>(body: () => Promise<T>) => (await recordDbRequests(body)).requests.filter((r) => r.collection !== 'devSessions').length
const measured: Record<string, number> = {}

async function report(memberId: string) {
  await h.db.collection('members').doc(memberId).update({ data: { report: { reportId: `report-${memberId}`, communityId: a1, reportedAt: new Date('2026-01-05T02:00:00Z') } } })
}

/** An ended community activity with one member's attendance signed out at `outAt`. */
async function attended(id: string, memberId: string, unitId: string, day: string, outAt: string, endedAt?: string) {
  await h.db.collection('activities').doc(`act-${id}`).set({
    data: { organiserKind: 'community', communityId: a1, title: `活动${id}`, place: '社区广场', startAt: at(`${day}T09:00:00`), endAt: at(`${day}T11:00:00`), status: 'ended', ...(endedAt ? { endedAt: at(endedAt) } : {}) },
  })
  await h.db.collection('attendance').doc(`att-${id}`).set({ data: { activityId: `act-${id}`, memberId, unitId, organiserKind: 'community', communityId: a1, year: 2026, inAt: at(`${day}T09:00:00`), outAt: at(outAt) } })
}

/** A need `memberId` completed on `doneAt`, the completion recorded at `updatedAt`. */
async function completed(id: string, memberId: string, doneAt: string, updatedAt: string) {
  await h.db.collection('needs').doc(`need-${id}`).set({
    data: { communityId: a1, assignedMemberId: memberId, state: 'completed', categoryName: '助老服务', completion: { what: '代购药品', doneAt: at(doneAt), hours: 2, photos: [], year: 2026 }, updatedAt: at(updatedAt) },
  })
}

async function visited(id: string, memberId: string, date: string, recordedAt: string) {
  await h.db.collection('assistanceVisits').doc(`visit-${id}`).set({ data: { pairingId: 'p-1', communityId: a1, memberId, date: at(date), content: '看望独居老人', recordedAt: at(recordedAt) } })
}

beforeAll(async () => {
  h = await openHarness({
    now: at('2026-10-02T10:00:00'),
    seed: async (db) => {
      await seedCity(db)
      await addMembers(db, [
        ['p-1', 'u1', 'a1', '陈静', '13700000011'],
        ['p-2', 'u1', 'a1', '周强', '13700000012'],
        ['p-3', 'u1', 'a1', '吴敏', '13700000013'],
        ['p-4', 'u2', 'a1', '郑磊', '13700000014'],
        ['p-5', 'u1', 'a1', '孙丽', '13700000015'],
      ])
    },
  })
  for (const id of ['p-1', 'p-2', 'p-4', 'p-5']) await report(id)
  // p-3 never reported. u2 has already handed in its third quarter at 曙光社区.
  await h.db.collection('serviceHandIns').doc(`${u2}:${a1}:2026`).set({
    data: { unitId: u2, unitName: UNITS.u2.name, communityId: a1, communityName: COMMUNITIES.a1.name, streetId: COMMUNITIES.a1.streetId, districtId: 'district-t', year: 2026, quarters: { 3: { status: 'handedIn', handedInAt: at('2026-10-01T10:00:00'), handedInBy: 'x', entries: 0, hours: 0, returnReason: null, returnedAt: null, confirmedAt: null, confirmedBy: null } }, status: 'waiting', waitingSince: at('2026-10-01T10:00:00'), updatedAt: at('2026-10-01T10:00:00') },
  })
  for (const id of [USERS.liaison1, USERS.liaison2, USERS.secretary1, USERS.secretary2, USERS.staffA1, USERS.staffA2, 'p-1']) await h.asUser(id).ok('bootstrap', { action: 'get' })
})
afterAll(() => h.close())

describe('the daily timer fills in lines', () => {
  it('the first run reaches back to the previous quarter; later runs read only what was recorded since', async () => {
    await completed('old', 'p-5', '2026-08-01T10:00:00', '2026-08-01T12:00:00')
    expect(await filledBy(at('2026-10-02T09:00:00'))).toBe(1)
    expect(await entryDoc('need:need-old')).toMatchObject({ memberId: 'p-5', communityId: a1, unitId: u1, year: 2026, quarter: 3, status: 'draft' })
  })

  it('a member who never opens the page has the lines after the timer runs, once however often it runs', async () => {
    // Recorded after the first run, dated in the third quarter (a late sign-out, credited to the scheduled end; a backdated need and visit).
    await attended('1', 'p-1', u1, '2026-09-20', '2026-10-02T10:30:00')
    await completed('1', 'p-1', '2026-09-25T15:00:00', '2026-10-02T11:00:00')
    await visited('1', 'p-1', '2026-09-28T00:00:00', '2026-10-02T12:00:00')
    // An activity ended today, its member signed out at the scheduled end (before the window): found by the activity's end.
    await attended('2', 'p-2', u1, '2026-09-30', '2026-09-30T11:00:00', '2026-10-02T14:00:00')
    // Not reported: nothing to file it with.
    await completed('3', 'p-3', '2026-09-26T10:00:00', '2026-10-02T11:00:00')

    const before = await entryCount()
    let filled = 0
    measured['timer (5 sources, 4 lines)'] = await requestsOf(async () => {
      filled = await filledBy(at('2026-10-03T09:00:00'))
    })
    expect(filled).toBe(4)
    expect(await entryCount()).toBe(before + 4)
    expect(await entryDoc('attendance:att-1')).toMatchObject({ memberId: 'p-1', communityId: a1, unitId: u1, quarter: 3, kind: 'community', hours: 2, source: { type: 'attendance', id: 'att-1' } })
    expect(await entryDoc('need:need-1')).toMatchObject({ memberId: 'p-1', quarter: 3, kind: 'need', hours: 2 })
    expect(await entryDoc('visit:visit-1')).toMatchObject({ memberId: 'p-1', quarter: 3, kind: 'pairing' })
    expect(await entryDoc('attendance:att-2')).toMatchObject({ memberId: 'p-2', quarter: 3, hours: 2 })
    expect(await entryDoc('need:need-3')).toBeUndefined()

    // Twice (the same day again, and the next day over the overlap): nothing more written.
    expect(await filledBy(at('2026-10-03T09:00:00'))).toBe(0)
    expect(await filledBy(at('2026-10-04T09:00:00'))).toBe(0)
    expect(await entryCount()).toBe(before + 4)
  })

  it('the liaison sees them and hands them in, without the member ever opening the page', async () => {
    const page = await h.asUser(USERS.liaison1).ok('services', { action: 'unitCommunity', unitId: u1, communityId: a1, year: 2026, quarter: 3 })
    expect(Object.fromEntries(page.rows.map((r) => [r.memberId, r.entries]))).toEqual({ 'p-1': 3, 'p-2': 1, 'p-5': 1 })
    h.clock.now = at('2026-10-04T10:00:00')
    const handIn = await h.asUser(USERS.liaison1).ok('services', { action: 'handIn', unitId: u1, communityId: a1, year: 2026, quarters: [3] })
    expect(handIn.quarters).toEqual([expect.objectContaining({ quarter: 3, entries: 5 })])
    expect(await entryDoc('need:need-1')).toMatchObject({ status: 'handedIn' })
  })

  it('a quarter already handed in gets nothing new; the next quarter does', async () => {
    // u1's third quarter was just handed in, u2's before: late sources of it stay out; a fourth-quarter one comes in.
    await completed('late-1', 'p-1', '2026-09-29T10:00:00', '2026-10-04T11:00:00')
    await completed('late-4', 'p-4', '2026-09-29T10:00:00', '2026-10-04T11:00:00')
    await visited('q4', 'p-4', '2026-10-03T00:00:00', '2026-10-04T12:00:00')
    const before = await entryCount()
    expect(await filledBy(at('2026-10-05T09:00:00'))).toBe(1)
    expect(await entryCount()).toBe(before + 1)
    expect(await entryDoc('need:need-late-1')).toBeUndefined()
    expect(await entryDoc('need:need-late-4')).toBeUndefined()
    expect(await entryDoc('visit:visit-q4')).toMatchObject({ memberId: 'p-4', unitId: u2, quarter: 4 })
    // The member opening the list does not add it either.
    await expectNothingWritten(h.db, () => h.asUser('p-1').ok('services', { action: 'mine', year: 2026, quarter: null }))
  })
})

describe('the liaison’s page fills in its members first', () => {
  it('lines the timer has not reached yet appear when the liaison opens the quarter, at the same cost for more members', async () => {
    h.clock.now = at('2026-10-20T10:00:00')
    await completed('q4-1', 'p-1', '2026-10-18T10:00:00', '2026-10-20T09:30:00')
    let page!: { rows: Array<{ memberId: string; entries: number }>; entries: number }
    measured['unitCommunity (filling in 1)'] = await requestsOf(async () => {
      page = await h.asUser(USERS.liaison1).ok('services', { action: 'unitCommunity', unitId: u1, communityId: a1, year: 2026, quarter: 4 })
    })
    expect(page.rows.find((r) => r.memberId === 'p-1')).toMatchObject({ entries: 1 })
    expect(page.entries).toBe(1)
    expect(await entryDoc('need:need-q4-1')).toMatchObject({ quarter: 4, status: 'draft' })

    await completed('q4-2', 'p-2', '2026-10-18T10:00:00', '2026-10-20T09:40:00')
    await completed('q4-5', 'p-5', '2026-10-18T10:00:00', '2026-10-20T09:40:00')
    await visited('q4-5', 'p-5', '2026-10-19T00:00:00', '2026-10-20T09:40:00')
    measured['unitCommunity (filling in 3)'] = await requestsOf(async () => {
      page = await h.asUser(USERS.liaison1).ok('services', { action: 'unitCommunity', unitId: u1, communityId: a1, year: 2026, quarter: 4 })
    })
    expect(page.entries).toBe(4)
    expect(measured['unitCommunity (filling in 3)']).toBe(measured['unitCommunity (filling in 1)'])
    measured['unitCommunity (nothing new)'] = await requestsOf(() => h.asUser(USERS.liaison1).ok('services', { action: 'unitCommunity', unitId: u1, communityId: a1, year: 2026, quarter: 4 }))
    expect(measured['unitCommunity (nothing new)']).toBeLessThanOrEqual(measured['unitCommunity (filling in 1)']!)
  })

  it('a handed-in quarter is only read', async () => {
    await completed('late-2', 'p-2', '2026-09-29T10:00:00', '2026-10-20T11:00:00')
    await expectNothingWritten(h.db, () => h.asUser(USERS.secretary1).ok('services', { action: 'unitCommunity', unitId: u1, communityId: a1, year: 2026, quarter: 3 }))
    expect(await entryDoc('need:need-late-2')).toBeUndefined()
  })
})

describe('printing one member’s 服务清单', () => {
  const sheet = (memberId: string, quarter: 1 | 2 | 3 | 4 | null = 3) => ({ memberId, year: 2026, quarter })

  it('the unit’s secretary and liaison print their members’, for a quarter or the year', async () => {
    let table!: { title: string; rows: string[][] }
    measured['unitSheet'] = await requestsOf(async () => {
      table = await h.asUser(USERS.secretary1).ok('services', { action: 'unitSheet', ...sheet('p-1') })
    })
    expect(table.title).toBe('在职党员进社区服务清单')
    expect(table.rows.map((r) => r[3])).toEqual(['活动1', '助老服务：代购药品', '结对帮扶走访：看望独居老人'])
    const year = await h.asUser(USERS.liaison1).ok('services', { action: 'unitSheet', ...sheet('p-1', null) })
    expect(year.rows).toHaveLength(4)
  })

  it('the community’s staff print a member reported to them', async () => {
    let table!: { rows: string[][] }
    measured['staffSheet'] = await requestsOf(async () => {
      table = await h.asUser(USERS.staffA1).ok('services', { action: 'staffSheet', ...sheet('p-4', null) })
    })
    expect(table.rows.map((r) => r[3])).toEqual(['结对帮扶走访：看望独居老人'])
  })

  it('another unit, another community, an unreported or unknown member: NOT_FOUND; other roles: FORBIDDEN', async () => {
    expect((await h.asUser(USERS.liaison2).fail('services', { action: 'unitSheet', ...sheet('p-1') })).code).toBe('NOT_FOUND')
    expect((await h.asUser(USERS.secretary2).fail('services', { action: 'unitSheet', ...sheet('p-1') })).code).toBe('NOT_FOUND')
    expect((await h.asUser(USERS.liaison1).fail('services', { action: 'unitSheet', ...sheet('p-4') })).code).toBe('NOT_FOUND')
    expect((await h.asUser(USERS.liaison1).fail('services', { action: 'unitSheet', ...sheet('nobody') })).code).toBe('NOT_FOUND')
    expect((await h.asUser(USERS.staffA2).fail('services', { action: 'staffSheet', ...sheet('p-1') })).code).toBe('NOT_FOUND')
    expect((await h.asUser(USERS.staffA1).fail('services', { action: 'staffSheet', ...sheet('p-3') })).code).toBe('NOT_FOUND')
    expect((await h.asUser(USERS.staffA1).fail('services', { action: 'unitSheet', ...sheet('p-1') })).code).toBe('FORBIDDEN')
    expect((await h.asUser(USERS.liaison1).fail('services', { action: 'staffSheet', ...sheet('p-1') })).code).toBe('FORBIDDEN')
    expect((await h.asUser('p-1').fail('services', { action: 'unitSheet', ...sheet('p-1') })).code).toBe('FORBIDDEN')
    expect((await h.asUser('p-1').fail('services', { action: 'staffSheet', ...sheet('p-1') })).code).toBe('FORBIDDEN')
    expect((await h.asUser(USERS.staffA1).fail('services', { action: 'staffSheet', memberId: 'p-1', year: 2026, quarter: 5 as never })).code).toBe('VALIDATION_FAILED')
  })
})

afterAll(() => {
  console.log(`services fill-in and member sheets, requests (including the kernel's sign-in reads):\n${Object.entries(measured).map(([k, v]) => `  ${k}: ${v}`).join('\n')}`)
})
