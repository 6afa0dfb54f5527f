import type { ActionCall, ActionResult } from '../../src/domain/contracts'
import { FUNCTIONS } from '../../server/functions'
import { runFunction } from '../../server/kernel/run-function'
import { getRows } from '../../server/db/read'
import { findById } from '../../server/db/load'
import type { ServiceEntryDoc } from '../../server/db/docs'
import { confirmedServiceTotals, unitServiceTotals } from '../../server/features/services/service-totals'
import { SAMPLES } from '../domain/support/sample-files'
import { openHarness, type Harness } from './support/bridge-client'
import { recordDbRequests } from './support/db-requests'
import { expectNothingWritten } from './support/db-state'
import { addMembers, COMMUNITIES, DISTRICT, seedCity, UNITS, USERS } from './support/fixture'

// The member's 服务清单 and its quarterly hand-in (issue 11 §1–2): the round
// trip member → liaison → community with returns on both sides, who may do
// what, every refusal with nothing written, the filled-in lines written once,
// a double hand-in refused, and the reminders with the clock moved.

let h: Harness
const a1 = COMMUNITIES.a1._id
const u1 = UNITS.u1._id
const at = (iso: string) => new Date(`${iso}+08:00`)

async function report(memberId: string, communityId: string) {
  await h.db.collection('members').doc(memberId).update({ data: { report: { reportId: `report-${memberId}`, communityId, reportedAt: new Date('2025-06-05T02:00:00Z') } } })
}

beforeAll(async () => {
  h = await openHarness({
    now: at('2026-04-02T10:00:00'),
    seed: async (db) => {
      await seedCity(db)
      await addMembers(db, [
        ['m-1', 'u1', 'a1', '张伟', '13700000001'],
        ['m-2', 'u1', 'a1', '李娜', '13700000002'],
        ['m-3', 'u2', 'a1', '王芳', '13700000003'],
        ['m-4', 'u1', 'b1', '冯静', '13700000004'],
      ])
    },
  })
  await report('m-1', a1)
  await report('m-2', a1)
  await report('m-3', a1)
  for (const id of ['m-1', 'm-2', 'm-3', 'm-4', USERS.liaison1, USERS.liaison2, USERS.secretary1, USERS.staffA1, USERS.staffA2]) await h.asUser(id).ok('bootstrap', { action: 'get' })
})
afterAll(() => h.close())

const member = (id = 'm-1') => h.asUser(id)
const liaison = () => h.asUser(USERS.liaison1)
const staff = () => h.asUser(USERS.staffA1)
type Save = ActionCall<'services', 'save'>
let requests = 0
const entry = (over: Partial<Save> = {}): Save => ({ action: 'save', requestId: `request-${++requests}`, date: '2026-02-10', place: '曙光社区活动室', content: '为老人义务理发', kind: 'own', hours: 2, photoFileId: null, ...over })
const entryDoc = (id: string) => findById<ServiceEntryDoc>(h.db, 'serviceEntries', id)
const timer = (time: Date) => runFunction(FUNCTIONS.get('services')!, { Type: 'Timer', TriggerName: 'dailyServiceReminder', Time: time.toISOString() }, { db: h.db, openid: '', env: { cardSecret: '' }, now: () => time })
const messagesTo = async (openid: string, kind: string) => (await getRows<{ key: string }>(h.db.collection('messages').where({ touser: openid, kind }))).length
/** Staff confirm what the hand-in shows waiting. */
const confirmOf = (view: { handInId: string; quarters: Array<{ quarter: number; status: string; handedInAt: string }> }) => {
  const shown = view.quarters.filter((q) => q.status === 'handedIn')
  return { action: 'confirm' as const, handInId: view.handInId, quarters: (shown.length ? shown : view.quarters).map((q) => q.quarter as 1 | 2 | 3 | 4), handedInAt: [...view.quarters.map((q) => q.handedInAt)].sort().at(-1)! }
}
const requestsOf = async <T>(body: () => Promise<T>) => (await recordDbRequests(body)).requests.filter((r) => r.collection !== 'devSessions').length
const measured: Record<string, number> = {}

let first = ''
let second = ''

describe('the member’s 服务清单', () => {
  it('records services, lists them by quarter with totals, and prints the 服务清单', async () => {
    measured['save (new)'] = await requestsOf(async () => {
      first = (await member().ok('services', entry())).entryId
    })
    second = (await member().ok('services', entry({ date: '2026-03-05', content: '楼道清扫', kind: 'community', hours: 1.5 }))).entryId
    let mine!: ActionResult<'services', 'mine'>
    measured['mine (quarter)'] = await requestsOf(async () => {
      mine = await member().ok('services', { action: 'mine', year: 2026, quarter: 1 })
    })
    expect(mine).toMatchObject({ entries: 2, hours: 3.5, communityName: '曙光社区', quarterStates: { 1: null, 2: null, 3: null, 4: null } })
    expect((await member().ok('services', { action: 'mine', year: 2026, quarter: 2 })).entries).toBe(0)
    const sheet = await member().ok('services', { action: 'sheet', year: 2026, quarter: null })
    expect(sheet.title).toBe('在职党员进社区服务清单')
    expect(sheet.header[0]).toEqual(['序号', '日期', '地点', '服务内容', '类别', '时长（小时）', '备注/状态'])
    expect(sheet.rows.map((r) => r[3])).toEqual(['为老人义务理发', '楼道清扫'])
    expect(sheet.rows[1]![4]).toBe('社区组织的活动')
  })

  it('takes a photo only from the member’s own uploads', async () => {
    const own = await member().uploaded('image', '理发.png', SAMPLES.png)
    const saved = await member().ok('services', entry({ date: '2026-01-20', hours: 1, photoFileId: own }))
    expect(saved.photo?.fileID).toBe(own)
    const others = await member('m-2').uploaded('image', '别人.png', SAMPLES.png)
    const refused = await expectNothingWritten(h.db, () => member().fail('services', entry({ date: '2026-01-21', photoFileId: others })))
    expect(refused.code).toBe('FILE_NOT_OURS')
    await member().ok('services', { action: 'remove', entryId: saved.entryId })
  })

  it('refuses a future date, bad or implausible hours, and a member who has not reported, writing nothing', async () => {
    const cases: Array<[Partial<Save>, string]> = [
      [{ date: '2026-04-03' }, 'SERVICE_DATE_FUTURE'],
      [{ hours: -1 }, 'SERVICE_HOURS_INVALID'],
      [{ hours: 0 }, 'SERVICE_HOURS_INVALID'],
      [{ hours: 1.3 }, 'SERVICE_HOURS_INVALID'],
      [{ hours: 22.5 }, 'SERVICE_DAY_OVER_24'],
    ]
    for (const [over, code] of cases) expect((await expectNothingWritten(h.db, () => member().fail('services', entry(over)))).code).toBe(code)
    // 2 + 22 = 24 on the day is still plausible; the edge is tested in the domain tests, here the refusal leaves it unwritten.
    expect((await expectNothingWritten(h.db, () => member('m-4').fail('services', entry()))).code).toBe('SERVICE_NOT_REPORTED')
    expect((await expectNothingWritten(h.db, () => member().fail('services', { ...entry(), kind: 'other' as never }))).code).toBe('VALIDATION_FAILED')
  })

  it('refuses a closed year with YEAR_CLOSED', async () => {
    await h.db.collection('yearCloses').doc(`${DISTRICT}:2025`).set({ data: { districtId: DISTRICT, year: 2025, closedAt: new Date(), closedBy: 'timer' } })
    expect((await expectNothingWritten(h.db, () => member().fail('services', entry({ date: '2025-12-01' })))).code).toBe('YEAR_CLOSED')
  })

  it('only the member themself: another member cannot change or remove the entry', async () => {
    expect((await member('m-2').fail('services', entry({ entryId: first }))).code).toBe('NOT_FOUND')
    expect((await member('m-2').fail('services', { action: 'remove', entryId: first })).code).toBe('NOT_FOUND')
    expect((await liaison().fail('services', { action: 'mine', year: 2026, quarter: 1 })).code).toBe('FORBIDDEN')
  })
})

describe('filled-in lines', () => {
  it('materialises attended activities, completed needs and visits once, whatever how often the list is opened', async () => {
    const db = h.db
    await db.collection('activities').doc('act-1').set({ data: { organiserKind: 'community', communityId: a1, title: '社区义诊', place: '社区卫生服务站', startAt: at('2026-02-14T09:00:00'), endAt: at('2026-02-14T11:00:00'), status: 'ended' } })
    await db.collection('activities').doc('act-x').set({ data: { organiserKind: 'community', communityId: a1, title: '取消的活动', place: '广场', startAt: at('2026-02-15T09:00:00'), endAt: at('2026-02-15T11:00:00'), status: 'cancelled' } })
    await db.collection('attendance').doc('att-1').set({ data: { activityId: 'act-1', memberId: 'm-2', unitId: u1, organiserKind: 'community', communityId: a1, year: 2026, inAt: at('2026-02-14T08:50:00'), outAt: at('2026-02-14T10:40:00') } })
    await db.collection('attendance').doc('att-x').set({ data: { activityId: 'act-x', memberId: 'm-2', unitId: u1, organiserKind: 'community', communityId: a1, year: 2026, inAt: at('2026-02-15T09:00:00'), outAt: null, activityCancelled: true } })
    await db.collection('needs').doc('need-1').set({ data: { communityId: a1, assignedMemberId: 'm-2', state: 'completed', categoryName: '助老服务', completion: { what: '代购药品', doneAt: at('2026-03-02T15:00:00'), hours: 1.2, photos: [], year: 2026 } } })
    await db.collection('assistanceVisits').doc('visit-1').set({ data: { pairingId: 'p-1', communityId: a1, memberId: 'm-2', date: at('2026-03-09T00:00:00'), content: '看望独居老人', recordedAt: at('2026-03-09T12:00:00') } })

    let added!: { entries: number; hours: number; rows: Array<{ source: string | null; hours: number; kind: string }> }
    measured['mine (quarter, filling in 3)'] = await requestsOf(async () => {
      added = await member('m-2').ok('services', { action: 'mine', year: 2026, quarter: 1 })
    })
    expect(added.rows.map((r) => [r.source, r.kind, r.hours])).toEqual([
      // 09:00 (the start; arriving early adds nothing) to 10:40: 100 minutes, 1.5 hours to the half hour.
      ['attendance', 'community', 1.5],
      ['need', 'need', 1],
      ['visit', 'pairing', 1],
    ])
    const again = await expectNothingWritten(h.db, () => member('m-2').ok('services', { action: 'mine', year: 2026, quarter: null }))
    expect(again.entries).toBe(3)
    expect(await entryDoc('attendance:att-1')).toMatchObject({ source: { type: 'attendance', id: 'att-1' }, communityId: a1 })
    expect((await member('m-2').fail('services', { action: 'remove', entryId: 'need:need-1' })).code).toBe('SERVICE_ENTRY_PREFILLED')
  })
})

describe('the quarterly hand-in', () => {
  it('liaison sees the communities, who wrote nothing, returns an entry; the member fixes it', async () => {
    let overview!: ActionResult<'services', 'unitOverview'>
    measured['unitOverview'] = await requestsOf(async () => {
      overview = await liaison().ok('services', { action: 'unitOverview', unitId: u1, year: 2026, quarter: 1 })
    })
    expect(overview).toMatchObject({ quarterEnded: true })
    expect(overview.rows).toEqual([expect.objectContaining({ communityId: a1, members: 2, nothing: 0, entries: 5, state: null })])
    const q2 = await liaison().ok('services', { action: 'unitOverview', unitId: u1, year: 2026, quarter: 2 })
    expect(q2.rows[0]).toMatchObject({ members: 2, nothing: 2, entries: 0 })
    let page!: { rows: Array<{ memberId: string; entries: number }>; nothingTotal: number; memberTotal: number }
    measured['unitCommunity'] = await requestsOf(async () => {
      page = await liaison().ok('services', { action: 'unitCommunity', unitId: u1, communityId: a1, year: 2026, quarter: 1 })
    })
    expect(page.rows.map((r) => [r.memberId, r.entries])).toEqual([
      ['m-1', 2],
      ['m-2', 3],
    ])
    const secretaryView = await h.asUser(USERS.secretary1).ok('services', { action: 'unitCommunity', unitId: u1, communityId: a1, year: 2026, quarter: 2, filter: 'nothing' })
    expect(secretaryView).toMatchObject({ memberTotal: 2, nothingTotal: 2, total: 2 })

    measured['returnEntry'] = await requestsOf(() => liaison().ok('services', { action: 'returnEntry', entryId: second, reason: '请写明服务地点' }))
    expect(await entryDoc(second)).toMatchObject({ status: 'returned', returnedBy: 'unit', returnReason: '请写明服务地点' })
    expect((await member().ok('services', { action: 'mine', year: 2026, quarter: 1 })).rows.find((r) => r.entryId === second)).toMatchObject({ status: 'returned', editable: true, returnReason: '请写明服务地点' })

    // Not handed in while an entry is being fixed.
    expect((await expectNothingWritten(h.db, () => liaison().fail('services', { action: 'handIn', unitId: u1, communityId: a1, year: 2026, quarters: [1] }))).code).toBe('SERVICE_RETURNS_PENDING')
    measured['save (edit)'] = await requestsOf(() => member().ok('services', entry({ entryId: second, date: '2026-03-05', place: '曙光社区3栋', content: '楼道清扫', kind: 'community', hours: 1.5 })))
    expect(await entryDoc(second)).toMatchObject({ status: 'draft', returnReason: null })
  })

  it('only the unit’s liaison hands in, only ended quarters', async () => {
    const input = { action: 'handIn' as const, unitId: u1, communityId: a1, year: 2026, quarters: [1] as Array<1 | 2 | 3 | 4> }
    expect((await expectNothingWritten(h.db, () => h.asUser(USERS.secretary1).fail('services', input))).code).toBe('FORBIDDEN')
    expect((await expectNothingWritten(h.db, () => h.asUser(USERS.liaison2).fail('services', input))).code).toBe('FORBIDDEN')
    expect((await expectNothingWritten(h.db, () => staff().fail('services', input))).code).toBe('FORBIDDEN')
    expect((await expectNothingWritten(h.db, () => member().fail('services', input))).code).toBe('FORBIDDEN')
    expect((await expectNothingWritten(h.db, () => liaison().fail('services', { ...input, quarters: [1, 2] }))).code).toBe('SERVICE_QUARTER_NOT_ENDED')
    expect((await h.asUser(USERS.liaison2).fail('services', { action: 'returnEntry', entryId: first, reason: '不对' })).code).toBe('NOT_FOUND')
    expect((await h.asUser(USERS.liaison2).fail('services', { action: 'unitOverview', unitId: u1, year: 2026, quarter: 1 })).code).toBe('FORBIDDEN')
    expect((await member('m-3').fail('services', { action: 'unitOverview', unitId: u1, year: 2026, quarter: 1 })).code).toBe('FORBIDDEN')
  })

  it('round trip: hand in → locked → staff return one → member fixes → hand in again → staff confirm', async () => {
    let handIn!: ActionResult<'services', 'handIn'>
    measured['handIn'] = await requestsOf(async () => {
      handIn = await liaison().ok('services', { action: 'handIn', unitId: u1, communityId: a1, year: 2026, quarters: [1] })
    })
    expect(handIn).toMatchObject({ status: 'waiting', quarters: [{ quarter: 1, entries: 5, hours: 7 }] })
    // Twice: refused, nothing written.
    expect((await expectNothingWritten(h.db, () => liaison().fail('services', { action: 'handIn', unitId: u1, communityId: a1, year: 2026, quarters: [1] }))).code).toBe('SERVICE_QUARTER_HANDED_IN')
    // Locked for the member: no change, no removal, no backdating into the quarter.
    expect((await expectNothingWritten(h.db, () => member().fail('services', entry({ entryId: first, hours: 3 })))).code).toBe('SERVICE_ENTRY_LOCKED')
    expect((await expectNothingWritten(h.db, () => member().fail('services', { action: 'remove', entryId: first }))).code).toBe('SERVICE_ENTRY_LOCKED')
    expect((await expectNothingWritten(h.db, () => member().fail('services', entry({ date: '2026-03-20' })))).code).toBe('SERVICE_QUARTER_HANDED_IN')
    expect((await expectNothingWritten(h.db, () => liaison().fail('services', { action: 'returnEntry', entryId: first, reason: '晚了' }))).code).toBe('SERVICE_NOT_RETURNABLE')

    // Staff of another community: the hand-in does not exist for them.
    expect((await h.asUser(USERS.staffA2).fail('services', { action: 'handInOpen', handInId: handIn.handInId, quarter: 1 })).code).toBe('NOT_FOUND')
    expect((await h.asUser(USERS.staffA2).fail('services', confirmOf(handIn))).code).toBe('NOT_FOUND')
    expect((await h.asUser(USERS.staffA2).fail('services', { action: 'handIns', communityId: a1 })).code).toBe('FORBIDDEN')
    expect((await liaison().fail('services', confirmOf(handIn))).code).toBe('FORBIDDEN')

    let waiting!: { total: number; rows: Array<{ handInId: string }> }
    measured['handIns'] = await requestsOf(async () => {
      waiting = await staff().ok('services', { action: 'handIns', communityId: a1 })
    })
    expect(waiting.rows.map((r) => r.handInId)).toEqual([handIn.handInId])
    let opened!: { rows: Array<{ memberId: string; entries: number }>; memberTotal: number; entries: number }
    measured['handInOpen'] = await requestsOf(async () => {
      opened = await staff().ok('services', { action: 'handInOpen', handInId: handIn.handInId, quarter: 1 })
    })
    expect(opened).toMatchObject({ memberTotal: 2, entries: 5 })

    // An entry not in this hand-in (another unit's member) is refused.
    const other = await member('m-3').ok('services', entry())
    expect((await expectNothingWritten(h.db, () => staff().fail('services', { action: 'returnEntries', handInId: handIn.handInId, entryIds: [other.entryId], reason: '不对' }))).code).toBe('SERVICE_ENTRY_NOT_IN_HANDIN')
    let returned!: { status: string; quarters: Array<{ status: string; returnReason: string | null }> }
    measured['returnEntries'] = await requestsOf(async () => {
      returned = await staff().ok('services', { action: 'returnEntries', handInId: handIn.handInId, entryIds: [first], reason: '时长与活动记录不符' })
    })
    expect(returned).toMatchObject({ status: 'returned', quarters: [{ status: 'returned', returnReason: '时长与活动记录不符' }] })
    expect(await entryDoc(first)).toMatchObject({ status: 'returned', returnedBy: 'community' })
    expect(await entryDoc(second)).toMatchObject({ status: 'handedIn' })
    expect((await liaison().fail('services', { action: 'handIn', unitId: u1, communityId: a1, year: 2026, quarters: [1] })).code).toBe('SERVICE_RETURNS_PENDING')

    await member().ok('services', entry({ entryId: first, hours: 1 }))
    const again = await liaison().ok('services', { action: 'handIn', unitId: u1, communityId: a1, year: 2026, quarters: [1] })
    expect(again).toMatchObject({ status: 'waiting', quarters: [{ quarter: 1, entries: 5, hours: 6 }] })
    let confirmed!: { status: string }
    measured['confirm'] = await requestsOf(async () => {
      confirmed = await staff().ok('services', confirmOf(again))
    })
    expect(confirmed.status).toBe('confirmed')
    expect((await expectNothingWritten(h.db, () => staff().fail('services', confirmOf(again)))).code).toBe('SERVICE_HANDIN_NOT_WAITING')
    const rows = (await member().ok('services', { action: 'mine', year: 2026, quarter: 1 })).rows
    expect(rows.map((r) => [r.status, r.editable])).toEqual([
      ['confirmed', false],
      ['confirmed', false],
    ])
    expect((await expectNothingWritten(h.db, () => member().fail('services', entry({ date: '2026-03-31' })))).code).toBe('SERVICE_QUARTER_HANDED_IN')

    const totals = await confirmedServiceTotals(h.db, ['m-1', 'm-2', 'm-3'], 2026)
    expect(Object.fromEntries(totals)).toEqual({ 'm-1': { entries: 2, hours: 2.5 }, 'm-2': { entries: 3, hours: 3.5 } })
    expect(await unitServiceTotals(h.db, u1, 2026)).toEqual({ members: 2, entries: 5, hours: 6 })
  })
})

describe('reminders (daily timer)', () => {
  it('reminds liaisons to collect, and community staff that hand-ins are coming, in a quarter’s last 7 days, once', async () => {
    expect(await timer(at('2026-06-23T09:00:00'))).toMatchObject({ ok: true, data: { collect: 0 } })
    // Two liaisons and the three communities' staff.
    expect(await timer(at('2026-06-24T09:00:00'))).toMatchObject({ ok: true, data: { collect: 5 } })
    expect(await timer(at('2026-06-25T09:00:00'))).toMatchObject({ ok: true, data: { collect: 0 } })
    expect(await messagesTo(USERS.liaison1, 'serviceCollect')).toBe(1)
    expect(await messagesTo(USERS.secretary1, 'serviceCollect')).toBe(0)
    expect(await messagesTo(USERS.staffA1, 'serviceCollect')).toBe(1)
  })

  it('reminds the liaisons and the community’s staff of a quarter not handed in 15 days after its end, and staff of a hand-in waiting over 7 days', async () => {
    h.clock.now = at('2026-05-10T10:00:00')
    await member().ok('services', entry({ date: '2026-05-08', hours: 2 }))
    expect(await timer(at('2026-07-15T09:00:00'))).toMatchObject({ ok: true, data: { late: 0 } })
    // Unit 1 (an entry not handed in), unit 2 (its member reported at a1 wrote nothing for Q2: late all the same), and a1's staff.
    expect(await timer(at('2026-07-16T09:00:00'))).toMatchObject({ ok: true, data: { late: 3 } })
    expect(await timer(at('2026-07-17T09:00:00'))).toMatchObject({ ok: true, data: { late: 0 } })
    expect(await messagesTo(USERS.liaison1, 'serviceLate')).toBe(1)
    expect(await messagesTo(USERS.staffA1, 'serviceLate')).toBe(2)
    const keys = (await getRows<{ key: string }>(h.db.collection('messages').where({ touser: USERS.liaison2, kind: 'serviceLate' }))).map((m) => m.key)
    expect(keys.sort()).toEqual([`serviceLate:2026Q1:${UNITS.u2._id}:${USERS.liaison2}`, `serviceLate:2026Q2:${UNITS.u2._id}:${USERS.liaison2}`])

    h.clock.now = at('2026-07-17T10:00:00')
    await liaison().ok('services', { action: 'handIn', unitId: u1, communityId: a1, year: 2026, quarters: [2] })
    expect(await timer(at('2026-07-24T09:00:00'))).toMatchObject({ ok: true, data: { confirm: 0 } })
    expect(await timer(at('2026-07-25T09:00:00'))).toMatchObject({ ok: true, data: { confirm: 1 } })
    expect(await timer(at('2026-07-26T09:00:00'))).toMatchObject({ ok: true, data: { confirm: 0 } })
    expect(await messagesTo(USERS.staffA1, 'serviceConfirm')).toBe(1)
    expect(await messagesTo(USERS.staffA2, 'serviceConfirm')).toBe(0)
  })
})

afterAll(() => {
  console.log(`services requests per action (including the kernel's sign-in reads):\n${Object.entries(measured).map(([k, v]) => `  ${k}: ${v}`).join('\n')}`)
})
