import { createRandom } from '../../local/seed/random'
import { openLocalDatabase } from '../../local/runtime/open-database'
import type { Result } from '../../src/domain/result'
import type { MemberFields } from '../../src/domain/member'
import type { MemberDoc, UnitDoc } from '../../server/db/docs'
import { findById } from '../../server/db/load'
import { scanAll } from '../../server/db/read'
import { checkTallies, driftOf, recountTallies } from '../../server/features/stats/tally-recount'
import { upsertRoster } from '../../server/features/roster/roster-write'
import { FUNCTIONS } from '../../server/functions'
import type { Database } from '../../server/kernel/database'
import { runFunction } from '../../server/kernel/run-function'
import { loadCostCity, unitIdOf, USERS as COST_USERS } from '../../bench/request-budgets'
import { withDbLatency } from './support/db-latency'
import { COMMUNITIES, DISTRICT, seedCity, UNITS, USERS } from './support/fixture'

// The units' tallies equal a full recount after every step of a random mix of
// the writes that change them: roster imports (new members, and known ones
// moved by the spreadsheet), members added, moved and removed by the unit,
// check-ins at home and moves recorded by a community, and 附件1 claims. Each
// step runs the product's own code over the real engine; a seeded PRNG makes
// every run the same, and a failure names the seed and step.

const SEED = 20260316
const STEPS = 300
const SECRET = 'tally-property-card-secret'
const communities = Object.values(COMMUNITIES)
const staffOf: Record<string, string> = { [COMMUNITIES.a1._id]: USERS.staffA1, [COMMUNITIES.a2._id]: USERS.staffA2, [COMMUNITIES.b1._id]: USERS.staffB1 }
const units = [
  { key: 'u1' as const, secretary: USERS.secretary1 },
  { key: 'u2' as const, secretary: USERS.secretary2 },
]

let db: Database
let close: () => void
const now = new Date('2026-03-16T02:00:00Z')

beforeAll(async () => {
  ;({ db, close } = openLocalDatabase(':memory:'))
  await seedCity(db)
})
afterAll(() => close())

async function call<T>(openid: string, fn: string, input: Record<string, unknown>): Promise<Result<T>> {
  return (await runFunction(FUNCTIONS.get(fn)!, input, { db, openid, env: { cardSecret: SECRET }, now: () => now })) as Result<T>
}

async function ok<T>(openid: string, fn: string, input: Record<string, unknown>): Promise<T> {
  const result = await call<T>(openid, fn, input)
  if (!result.ok) throw new Error(`${fn}.${String(input.action)}: ${result.code} ${result.message}`)
  return result.data
}

function fields(mobile: string, communityId: string): MemberFields {
  return { name: `党员${mobile.slice(-3)}`, gender: '男', birthMonth: '1985-07', joinPartyMonth: '2008-06', education: '大学本科', specialty: '', officePhone: '', mobile, communityId, jobTitle: '' }
}

it(`tallies equal a full recount after each of ${STEPS} random writes (seed ${SEED})`, async () => {
  const random = createRandom(SEED)
  const tokens = new Map<string, string>()
  const seen = new Map<string, number>()
  const mobile = (u: number) => `13${u}000000${String(random.int(0, 24)).padStart(2, '0')}`
  const membersOf = async (unitId: string) => scanAll<MemberDoc>(db, 'members', { unitId })

  const steps: Record<string, () => Promise<unknown>> = {
    async import() {
      const u = random.int(0, 1)
      const unit = (await findById<UnitDoc>(db, 'units', UNITS[units[u]!.key]._id))!
      const rows = Array.from({ length: random.int(1, 4) }, () => {
        const community = random.pick(communities)
        return { fields: fields(mobile(u), community._id), community: { ...community, districtId: DISTRICT } }
      })
      // One spreadsheet names each mobile once.
      const unique = [...new Map(rows.map((r) => [r.fields.mobile, r])).values()]
      return upsertRoster(db, unit, unique, now)
    },
    async add() {
      const u = random.int(0, 1)
      const result = await call(units[u]!.secretary, 'roster', { action: 'save', unitId: UNITS[units[u]!.key]._id, fields: fields(mobile(u), random.pick(communities)._id) })
      if (!result.ok && result.code !== 'MOBILE_TAKEN') throw new Error(`${result.code} ${result.message}`)
    },
    async moveByUnit() {
      const u = random.int(0, 1)
      const member = random.pick(await membersOf(UNITS[units[u]!.key]._id))
      if (!member) return
      await ok(units[u]!.secretary, 'roster', { action: 'save', unitId: member.unitId, memberId: member._id, fields: fields(member.mobile, random.pick(communities)._id) })
    },
    async checkIn() {
      const u = random.int(0, 1)
      const member = random.pick(await membersOf(UNITS[units[u]!.key]._id))
      if (!member) return
      if (!tokens.has(member._id) || random.next() < 0.1) {
        tokens.set(member._id, (await ok<{ token: string }>(units[u]!.secretary, 'card', { action: 'issue', memberId: member._id })).token!)
      }
      const home = random.next() < 0.7
      const community = home ? member.communityId : random.pick(communities)._id
      await ok(staffOf[community]!, 'report', { action: 'confirm', communityId: community, card: { token: tokens.get(member._id)! }, recordMove: !home })
    },
    async claim() {
      const u = random.int(0, 1)
      const member = random.pick(await membersOf(UNITS[units[u]!.key]._id))
      if (!member) return
      const staff = staffOf[member.report?.communityId ?? member.communityId]!
      const claims = Array.from({ length: random.int(2, 4) }, (_, i) => ({ custom: `自选项目${i}` }))
      const form = { gender: member.gender, birthMonth: member.birthMonth, joinPartyMonth: member.joinPartyMonth, education: member.education, officePhone: member.officePhone, mobile: member.mobile, address: '某小区1幢', willingLiaison: false, claims }
      await ok(staff, 'report', { action: 'registrationSave', memberId: member._id, form })
    },
    async remove() {
      const u = random.int(0, 1)
      const member = random.pick(await membersOf(UNITS[units[u]!.key]._id))
      if (!member) return
      await ok(units[u]!.secretary, 'roster', { action: 'remove', unitId: member.unitId, memberId: member._id })
      tokens.delete(member._id)
    },
  }
  const weighted = [...Array(5).fill('import'), ...Array(2).fill('add'), ...Array(2).fill('moveByUnit'), ...Array(6).fill('checkIn'), ...Array(2).fill('claim'), ...Array(2).fill('remove')] as string[]

  for (let step = 1; step <= STEPS; step++) {
    const kind = random.pick(weighted)
    await steps[kind]!()
    seen.set(kind, (seen.get(kind) ?? 0) + 1)
    const drift = driftOf(await checkTallies(db, {}))
    if (drift.length > 0) throw new Error(`seed ${SEED}, step ${step} (${kind}): tallies differ from a recount: ${JSON.stringify(drift)}`)
  }
  // Every kind of write ran, on a roster that grew and shrank, and some members reported.
  for (const kind of Object.keys(steps)) expect(seen.get(kind) ?? 0).toBeGreaterThan(10)
  const check = await checkTallies(db, {})
  const reported = [...check.actual.values()].reduce((n, t) => n + t.total.reported, 0)
  const claimed = [...check.actual.values()].reduce((n, t) => n + t.total.claimedPosts, 0)
  expect(reported).toBeGreaterThan(5)
  expect(claimed).toBeGreaterThan(5)
  expect(Object.keys(check.stored.get(UNITS.u1._id)!.streets).length).toBe(2)
}, 120_000)

it('the recount reports a drifted tally and sets it right; the district recounts on demand, the timer nightly', async () => {
  const _ = db.command
  await db.collection('unitTallies').doc(UNITS.u1._id).update({ data: { reported: _.inc(3), streets: { 'street-a': { memberTotal: _.inc(-1) } } } })
  const lines: string[] = []
  const report = await recountTallies(db, {}, now, (line) => lines.push(line))
  expect(report).toMatchObject({ units: 2, repaired: 1, skipped: 0, drifted: [expect.objectContaining({ unitId: UNITS.u1._id })] })
  expect(report.drifted[0]!.stored!.reported - report.drifted[0]!.actual.reported).toBe(3)
  expect(lines).toEqual([expect.stringContaining('1 of 2 unit tallies drifted')])
  expect(driftOf(await checkTallies(db, {}))).toEqual([])

  // The action and the timer log what they repaired (the function's log in the cloud).
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => {})
  await db.collection('unitTallies').doc(UNITS.u2._id).update({ data: { memberTotal: _.inc(1) } })
  const onDemand = await ok<{ repaired: number }>(USERS.district, 'stats', { action: 'recount' })
  expect(onDemand).toMatchObject({ units: 2, repaired: 1 })
  expect((await call(USERS.secretary1, 'stats', { action: 'recount' })) as object).toMatchObject({ ok: false, code: 'FORBIDDEN' })

  await db.collection('unitTallies').doc(UNITS.u2._id).update({ data: { claimedPosts: _.inc(2) } })
  const nightly = (await runFunction(FUNCTIONS.get('stats')!, { Type: 'Timer', TriggerName: 'nightlyTallyRecount', Time: '2026-03-16T18:30:00Z' }, { db, openid: '', env: { cardSecret: SECRET }, now: () => now })) as Result<{ repaired: number }>
  expect(warn.mock.calls.map(([line]) => String(line))).toEqual([expect.stringContaining('1 of 2'), expect.stringContaining('1 of 2')])
  warn.mockRestore()
  expect(nightly).toMatchObject({ ok: true, data: { units: 2, repaired: 1 } })
  expect(driftOf(await checkTallies(db, {}))).toEqual([])
})

it('thirty members of one unit reporting at once all report, and the tally counts each once', async () => {
  const { db: city, close: closeCity } = openLocalDatabase(':memory:')
  try {
    await loadCostCity(city, { units: 1, members: 300, communities: 1 })
    const run = async <T>(openid: string, fn: string, input: Record<string, unknown>) =>
      (await runFunction(FUNCTIONS.get(fn)!, input, { db: city, openid, env: { cardSecret: SECRET } })) as Result<T>
    const tokens: string[] = []
    for (let i = 0; i < 30; i++) {
      const issued = await run<{ token: string }>(COST_USERS.secretary, 'card', { action: 'issue', memberId: `member-${String(i * 10).padStart(6, '0')}` })
      if (!issued.ok) throw new Error(issued.message)
      tokens.push(issued.data.token!)
    }
    const before = (await checkTallies(city, {})).stored.get(unitIdOf(0))!.reported
    const results = await withDbLatency(() => Promise.all(tokens.map((token) => run(COST_USERS.staff, 'report', { action: 'confirm', communityId: 'community-000', card: { token } }))))
    expect(results.filter((r) => !r.ok)).toEqual([])
    const check = await checkTallies(city, {})
    expect(driftOf(check)).toEqual([])
    expect(check.stored.get(unitIdOf(0))!.reported).toBe(before + 30)
  } finally {
    closeCity()
  }
})
