import type { ActionCall, ActionResult } from '../../src/domain/contracts'
import { FUNCTIONS } from '../../server/functions'
import { runFunction } from '../../server/kernel/run-function'
import { countOf, getRows } from '../../server/db/read'
import { findById } from '../../server/db/load'
import { INDEXES } from '../../server/db/indexes'
import type { ServiceEntryDoc } from '../../server/db/docs'
import type { Database } from '../../server/kernel/database'
import { prefillEntries } from '../../server/features/services/prefill'
import { openHarness, type Harness } from './support/bridge-client'
import { recordDbRequests } from './support/db-requests'
import { expectNothingWritten } from './support/db-state'
import { addMembers, COMMUNITIES, seedCity, UNITS, USERS } from './support/fixture'

// The review's findings on the 服务清单 and its hand-in (issue 11 §1–2), each
// held here: the fourth quarter handed in early and again; filled-in lines
// kept to what may change; a hand-in only to a community of the unit's; a
// confirm of only what was shown; a save racing a hand-in; a retried save and
// the day's 24 hours under concurrency; a fill-in that meets a duplicate; what
// staff confirm is what they see; the entry's own unit; the earliest date;
// reminders to both sides, units that wrote nothing included.

let h: Harness
const a1 = COMMUNITIES.a1._id
const a2 = COMMUNITIES.a2._id
const u1 = UNITS.u1._id
const u2 = UNITS.u2._id
const at = (iso: string) => new Date(`${iso}+08:00`)
const member = (id = 'f-1') => h.asUser(id)
const liaison = () => h.asUser(USERS.liaison1)
const staff = () => h.asUser(USERS.staffA1)
type Save = ActionCall<'services', 'save'>
let requests = 0
const entry = (over: Partial<Save> = {}): Save => ({ action: 'save', requestId: `fix-request-${++requests}`, date: '2026-11-10', place: '曙光社区活动室', content: '为老人义务理发', kind: 'own', hours: 2, photoFileId: null, ...over })
const entryDoc = (id: string) => findById<ServiceEntryDoc>(h.db, 'serviceEntries', id)
const timer = (time: Date) => runFunction(FUNCTIONS.get('services')!, { Type: 'Timer', TriggerName: 'dailyServiceReminder', Time: time.toISOString() }, { db: h.db, openid: '', env: { cardSecret: '' }, now: () => time })
const messageKeys = async (openid: string, kind: string) => (await getRows<{ key: string }>(h.db.collection('messages').where({ touser: openid, kind }))).map((m) => m.key).sort()
const requestsOf = async <T>(body: () => Promise<T>) => (await recordDbRequests(body)).requests.filter((r) => r.collection !== 'devSessions').length
const measured: Record<string, number> = {}
const handInQ = (quarters: Array<1 | 2 | 3 | 4>, communityId: string = a1) => ({ action: 'handIn' as const, unitId: u1, communityId, year: 2026, quarters })
const confirmOf = (view: ActionResult<'services', 'handIn'>) => {
  const shown = view.quarters.filter((q) => q.status === 'handedIn')
  return { action: 'confirm' as const, handInId: view.handInId, quarters: shown.map((q) => q.quarter), handedInAt: shown.map((q) => q.handedInAt).sort().at(-1)! }
}

async function report(memberId: string, communityId: string, reportedAt = at('2025-03-01T10:00:00')) {
  await h.db.collection('members').doc(memberId).update({ data: { report: { reportId: `report-${memberId}`, communityId, reportedAt } } })
}

beforeAll(async () => {
  h = await openHarness({
    now: at('2026-11-20T10:00:00'),
    seed: async (db) => {
      await seedCity(db)
      await addMembers(db, [
        ['f-1', 'u1', 'a1', '陈晨', '13700000021'],
        ['f-2', 'u1', 'a1', '林琳', '13700000022'],
        ['f-3', 'u2', 'a1', '郑洁', '13700000023'],
        ['f-4', 'u1', 'a1', '孙磊', '13700000024'],
      ])
      await db.collection('communities').doc('community-x').set({ data: { name: '外区社区', streetId: 'street-x', districtId: 'district-other' } })
    },
  })
  await report('f-1', a1)
  await report('f-2', a1)
  await report('f-3', a1)
  await report('f-4', a1, at('2026-11-01T10:00:00'))
  for (const id of ['f-1', 'f-2', 'f-3', 'f-4', USERS.liaison1, USERS.liaison2, USERS.staffA1, USERS.staffA2, USERS.staffB1]) await h.asUser(id).ok('bootstrap', { action: 'get' })
})
afterAll(() => h.close())

describe('earliest date (finding 10)', () => {
  it('refuses a date before the start of the previous year, or before the member reported, writing nothing', async () => {
    expect((await expectNothingWritten(h.db, () => member().fail('services', entry({ date: '2024-12-31' })))).code).toBe('SERVICE_DATE_TOO_EARLY')
    expect((await expectNothingWritten(h.db, () => member('f-4').fail('services', entry({ date: '2026-10-31' })))).code).toBe('SERVICE_DATE_TOO_EARLY')
    await member('f-4').ok('services', entry({ date: '2026-11-01' }))
  })

  it('declares each index once', () => {
    const names = INDEXES.map((i) => `${i.collection}.${i.name}`)
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([])
  })
})

describe('a retried save and the day’s hours (finding 6)', () => {
  it('writes one entry for one request id, however often it is sent', async () => {
    const once = entry({ date: '2026-11-11' })
    const [first, second] = await Promise.all([member().ok('services', once), member().ok('services', once)])
    expect(second.entryId).toBe(first.entryId)
    expect(first.entryId).toBe(`f-1:${once.requestId}`)
    const third = await expectNothingWritten(h.db, () => member().ok('services', once))
    expect(third.entryId).toBe(first.entryId)
    expect(await countOf(h.db.collection('serviceEntries').where({ memberId: 'f-1', date: at('2026-11-11T00:00:00') }))).toBe(1)
  })

  it('two 20-hour saves at once: one is refused, the day holds 20', async () => {
    const results = await Promise.all([member().call('services', entry({ date: '2026-11-12', hours: 20 })), member().call('services', entry({ date: '2026-11-12', hours: 20 }))])
    expect(results.map((r) => (r.ok ? 'ok' : r.code)).sort()).toEqual(['SERVICE_DAY_OVER_24', 'ok'])
    const day = await getRows<{ hours: number }>(h.db.collection('serviceEntries').where({ memberId: 'f-1', date: at('2026-11-12T00:00:00') }))
    expect(day.reduce((n, e) => n + e.hours, 0)).toBe(20)
    // Moved to another day, the hours leave the first day's total.
    const moved = await member().ok('services', entry({ date: '2026-11-12', hours: 4 }))
    await member().ok('services', entry({ entryId: moved.entryId, date: '2026-11-13', hours: 4 }))
    await member().ok('services', entry({ date: '2026-11-12', hours: 4 }))
  })
})

describe('filled-in lines (finding 2) and a fill-in meeting a duplicate (finding 7)', () => {
  it('an attendance line keeps its date, kind and hours; a visit line changes its hours only, and shows the original', async () => {
    const db = h.db
    await db.collection('activities').doc('act-f1').set({ data: { organiserKind: 'community', communityId: a1, title: '社区义诊', place: '卫生站', startAt: at('2026-11-14T09:00:00'), endAt: at('2026-11-14T11:00:00'), status: 'ended' } })
    await db.collection('attendance').doc('att-f1').set({ data: { activityId: 'act-f1', memberId: 'f-2', unitId: u1, organiserKind: 'community', communityId: a1, year: 2026, inAt: at('2026-11-14T09:00:00'), outAt: at('2026-11-14T11:00:00') } })
    await db.collection('assistanceVisits').doc('visit-f1').set({ data: { pairingId: 'p-1', communityId: a1, memberId: 'f-2', date: at('2026-11-15T00:00:00'), content: '看望独居老人', recordedAt: at('2026-11-15T12:00:00') } })
    await member('f-2').ok('services', { action: 'mine', year: 2026, quarter: 4 })
    const attendance = (await entryDoc('attendance:att-f1'))!
    const keep = { date: '2026-11-14', place: attendance.place, content: attendance.content, kind: attendance.kind, hours: attendance.hours }
    for (const over of [{ hours: 5 }, { date: '2026-11-13' }, { kind: 'own' as const }]) {
      const refused = await expectNothingWritten(h.db, () => member('f-2').fail('services', entry({ entryId: 'attendance:att-f1', ...keep, ...over })))
      expect(refused.code).toBe('SERVICE_ENTRY_PREFILLED')
      expect(refused.message).toContain('日期、类别和时长不能修改')
    }
    await member('f-2').ok('services', entry({ entryId: 'attendance:att-f1', ...keep, place: '社区卫生服务站' }))

    const visit = (await entryDoc('visit:visit-f1'))!
    const visitKeep = { date: '2026-11-15', place: visit.place, content: visit.content, kind: visit.kind }
    expect((await expectNothingWritten(h.db, () => member('f-2').fail('services', entry({ entryId: 'visit:visit-f1', ...visitKeep, content: '改了内容', hours: 2 })))).code).toBe('SERVICE_ENTRY_PREFILLED')
    const changed = await member('f-2').ok('services', entry({ entryId: 'visit:visit-f1', ...visitKeep, hours: 2.5 }))
    expect(changed).toMatchObject({ hours: 2.5, originalHours: 1 })
    const page = await liaison().ok('services', { action: 'unitCommunity', unitId: u1, communityId: a1, year: 2026, quarter: 4 })
    expect(page.rows.find((m) => m.memberId === 'f-2')!.rows.find((r) => r.entryId === 'visit:visit-f1')).toMatchObject({ hours: 2.5, originalHours: 1 })
  })

  it('a batch insert meeting a line another call wrote inserts the rest before answering', async () => {
    const db = h.db
    for (const n of [1, 2, 3]) {
      await db.collection('assistanceVisits').doc(`visit-d${n}`).set({ data: { pairingId: 'p-1', communityId: a1, memberId: 'f-3', date: at(`2026-11-0${n + 1}T00:00:00`), content: `走访${n}`, recordedAt: at('2026-11-05T12:00:00') } })
    }
    // Another caller inserts the second line between this call's read of existing ids and its insert.
    let raced = false
    const racing = new Proxy(db, {
      get(target, prop, receiver) {
        if (prop !== 'collection') return Reflect.get(target, prop, receiver)
        return (name: string) => {
          const collection = target.collection(name as never)
          if (name !== 'serviceEntries' || raced) return collection
          return new Proxy(collection, {
            get(c, p, r) {
              if (p !== 'add') return Reflect.get(c, p, r)
              return async (options: { data: Array<Record<string, unknown>> }) => {
                raced = true
                const other = options.data.find((d) => d._id === 'visit:visit-d2')!
                const { _id, ...data } = other
                await target.collection('serviceEntries').doc(String(_id)).set({ data })
                return c.add(options as never)
              }
            },
          })
        }
      },
    }) as Database
    const f3 = { _id: 'f-3', unitId: u2, districtId: 'district-t' }
    const added = await prefillEntries(racing, [f3], a1, 2026, [4], at('2026-11-20T10:00:00'))
    expect(raced).toBe(true)
    // What this call inserted (the other caller wrote one of the three); all three are there.
    expect(added).toBeGreaterThan(0)
    for (const n of [1, 2, 3]) expect(await entryDoc(`visit:visit-d${n}`)).toBeTruthy()
  })
})

describe('the hand-in (findings 1, 3, 4, 5, 8, 9)', () => {
  it('only to a community of the unit’s district where its members reported or filed: else NOT_FOUND, nothing written', async () => {
    h.clock.now = at('2026-12-05T10:00:00')
    expect((await expectNothingWritten(h.db, () => liaison().fail('services', handInQ([3], 'community-x')))).code).toBe('NOT_FOUND')
    expect((await expectNothingWritten(h.db, () => liaison().fail('services', handInQ([3], a2)))).code).toBe('NOT_FOUND')
    expect((await expectNothingWritten(h.db, () => liaison().fail('services', handInQ([3], 'community-none')))).code).toBe('NOT_FOUND')
  })

  it('the fourth quarter is handed in early from 12月1日, up to the day; later days are written and handed in again', async () => {
    h.clock.now = at('2026-11-30T23:59:00')
    const early = await expectNothingWritten(h.db, () => liaison().fail('services', handInQ([4])))
    expect(early).toMatchObject({ code: 'SERVICE_QUARTER_NOT_ENDED', message: expect.stringContaining('12月1日') })

    h.clock.now = at('2026-12-05T10:00:00')
    await member().ok('services', entry({ date: '2026-12-05', hours: 1 }))
    let first!: ActionResult<'services', 'handIn'>
    measured['handIn (Q4 early)'] = await requestsOf(async () => {
      first = await liaison().ok('services', handInQ([4]))
    })
    expect(first.quarters).toEqual([expect.objectContaining({ quarter: 4, status: 'handedIn', coveredThrough: at('2026-12-05T00:00:00').toISOString() })])
    const firstCount = first.quarters[0]!.entries
    expect(firstCount).toBeGreaterThan(0)
    // Same day again: nothing new to cover.
    expect((await expectNothingWritten(h.db, () => liaison().fail('services', handInQ([4])))).code).toBe('SERVICE_QUARTER_HANDED_IN')
    // Dated up to the hand-in day: locked; after it: written.
    expect((await expectNothingWritten(h.db, () => member().fail('services', entry({ date: '2026-12-05' })))).code).toBe('SERVICE_QUARTER_HANDED_IN')
    const mine = await member().ok('services', { action: 'mine', year: 2026, quarter: 4 })
    expect(mine.lockedThrough[4]).toBe(at('2026-12-05T00:00:00').toISOString())
    expect(mine.rows.every((r) => r.status === 'handedIn')).toBe(true)

    h.clock.now = at('2026-12-07T10:00:00')
    const later = await member().ok('services', entry({ date: '2026-12-06', hours: 3 }))
    expect(later.status).toBe('draft')
    const overview = await liaison().ok('services', { action: 'unitOverview', unitId: u1, year: 2026, quarter: 4 })
    expect(overview.rows.find((r) => r.communityId === a1)).toMatchObject({ state: 'handedIn', coveredThrough: at('2026-12-05T00:00:00').toISOString() })

    // Staff saw the first batch; the second comes before they confirm: their confirm is refused, nothing written.
    const shown = confirmOf(first)
    const second = await liaison().ok('services', handInQ([4]))
    expect(second.quarters[0]).toMatchObject({ status: 'handedIn', entries: firstCount + 1, coveredThrough: at('2026-12-07T00:00:00').toISOString() })
    expect(await entryDoc(later.entryId)).toMatchObject({ status: 'handedIn' })
    expect((await expectNothingWritten(h.db, () => staff().fail('services', shown))).code).toBe('SERVICE_HANDIN_CHANGED')
    const confirmed = await staff().ok('services', confirmOf(second))
    expect(confirmed.status).toBe('confirmed')
    expect(await entryDoc(later.entryId)).toMatchObject({ status: 'confirmed' })

    // After the confirm, a return of one of its entries is refused: the confirm owns them.
    expect((await expectNothingWritten(h.db, () => staff().fail('services', { action: 'returnEntries', handInId: second.handInId, entryIds: [later.entryId], reason: '不对' }))).code).toBe('SERVICE_ENTRY_NOT_IN_HANDIN')

    // A third batch after the quarter ends covers the rest, and is refused again only once nothing new is left.
    h.clock.now = at('2027-01-03T10:00:00')
    const last = await liaison().ok('services', handInQ([4]))
    expect(last.quarters[0]).toMatchObject({ status: 'handedIn', coveredThrough: null })
    expect((await expectNothingWritten(h.db, () => liaison().fail('services', handInQ([4])))).code).toBe('SERVICE_QUARTER_HANDED_IN')
  })

  it('a hand-in cut off after its state (drafts left unlocked) is completed by pressing again', async () => {
    h.clock.now = at('2026-10-20T10:00:00')
    const draft = await member('f-2').ok('services', entry({ date: '2026-09-20' }))
    const id = `${u1}:${a1}:2026`
    const doc = (await findById<{ quarters: Record<string, unknown> }>(h.db, 'serviceHandIns', id))!
    const q3 = { status: 'handedIn', handedInAt: at('2026-10-20T09:00:00'), handedInBy: USERS.liaison1, entries: 0, hours: 0, returnReason: null, returnedAt: null, confirmedAt: null, confirmedBy: null }
    await h.db.collection('serviceHandIns').doc(id).update({ data: { quarters: { ...doc.quarters, 3: q3 } } })
    expect((await liaison().fail('services', handInQ([3]))).code).toBe('SERVICE_QUARTER_HANDED_IN')
    expect(await entryDoc(draft.entryId)).toMatchObject({ status: 'handedIn', handInId: id })
  })

  it('editing checks the entry’s own unit’s hand-in, not the member’s current unit', async () => {
    h.clock.now = at('2027-04-20T10:00:00')
    await liaison().ok('services', { ...handInQ([1]), year: 2027 })
    const e = await member('f-4').ok('services', entry({ date: '2027-04-10' }))
    await h.db.collection('members').doc('f-4').update({ data: { unitId: u2 } })
    // Moved into 2027Q1, which unit 1 (the entry's) has handed in: refused, though unit 2 has not.
    expect((await expectNothingWritten(h.db, () => member('f-4').fail('services', entry({ entryId: e.entryId, date: '2027-03-10' })))).code).toBe('SERVICE_QUARTER_HANDED_IN')
    expect(await entryDoc(e.entryId)).toMatchObject({ unitId: u1, date: at('2027-04-10T00:00:00') })
  })

  it('staff open only quarters handed in, and see (and confirm) the entries of members moved since', async () => {
    const id = `${u1}:${a1}:2026`
    expect((await staff().fail('services', { action: 'handInOpen', handInId: id, quarter: 2 })).code).toBe('NOT_FOUND')
    const opened = await staff().ok('services', { action: 'handInOpen', handInId: id, quarter: 4 })
    // f-4 moved to unit 2 but filed Q4 entries with unit 1: listed.
    expect(opened.rows.map((m) => m.memberId)).toContain('f-4')
    expect(opened.entries).toBe(opened.rows.reduce((n, m) => n + m.entries, 0))
  })
})

describe('reminders to both sides (finding 11)', () => {
  it('staff hear as a quarter ends; a unit whose members wrote nothing is late, its liaison and the community’s staff told once', async () => {
    h.clock.now = at('2027-03-25T10:00:00')
    await timer(at('2027-03-25T09:00:00'))
    expect(await messageKeys(USERS.staffA1, 'serviceCollect')).toEqual([`serviceCollect:2027Q1:${a1}:${USERS.staffA1}`])
    // 2027Q1: unit 2's members (f-3, and f-4 moved there) wrote nothing and it has no hand-in: late. Unit 1 handed in: not late.
    const run = await timer(at('2027-04-16T09:00:00'))
    expect(run).toMatchObject({ ok: true })
    const ofQ1 = (keys: string[]) => keys.filter((k) => k.startsWith('serviceLate:2027Q1:'))
    expect(ofQ1(await messageKeys(USERS.liaison2, 'serviceLate'))).toEqual([`serviceLate:2027Q1:${u2}:${USERS.liaison2}`])
    expect(ofQ1(await messageKeys(USERS.liaison1, 'serviceLate'))).toEqual([])
    expect(ofQ1(await messageKeys(USERS.staffA1, 'serviceLate'))).toEqual([`serviceLate:2027Q1:${a1}:${USERS.staffA1}`])
    expect(await messageKeys(USERS.staffB1, 'serviceLate')).toEqual([])
    expect(await timer(at('2027-04-17T09:00:00'))).toMatchObject({ ok: true, data: { late: 0 } })
  })
})

afterAll(() => {
  console.log(`services fixes, requests:\n${Object.entries(measured).map(([k, v]) => `  ${k}: ${v}`).join('\n')}`)
})
