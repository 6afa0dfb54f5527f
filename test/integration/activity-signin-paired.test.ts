import type { ActivityView } from '../../src/domain/contracts/activity.contract'
import type { ActivityDoc } from '../../server/db/docs'
import { findById } from '../../server/db/load'
import { openHarness, type Harness } from './support/bridge-client'
import { recordDbRequests } from './support/db-requests'
import { expectNothingWritten } from './support/db-state'
import { addMember, COMMUNITIES, DISTRICT, seedCity, UNITS, USERS } from './support/fixture'

// A member whose unit, or branch, is paired with a community signs in to its
// activities wherever they live, in four requests as a resident member does:
// the activity carries the mirror of its community's pairings, kept as terms
// start and end (issue 9; unit-pairings.ts).

let h: Harness
const UNIT_MEMBER = 'm-u2-b1'
const BRANCH_MEMBER = 'm-u1-b1'
const BRANCH = 'branch-u1-1'

beforeAll(async () => {
  h = await openHarness({
    seed: async (db) => {
      await seedCity(db)
      // Both live in b1; the activities are a1's.
      await addMember(db, { id: UNIT_MEMBER, unit: 'u2', community: 'b1', name: '冯静', mobile: '13700009999' })
      await addMember(db, { id: BRANCH_MEMBER, unit: 'u1', community: 'b1', name: '陈明', mobile: '13700008888' })
      await db.collection('branches').doc(BRANCH).set({ data: { unitId: UNITS.u1._id, districtId: DISTRICT, name: '第一支部', createdAt: new Date('2025-01-01T00:00:00Z') } })
      await db.collection('members').doc(BRANCH_MEMBER).update({ data: { branchId: BRANCH } })
    },
  })
})
afterAll(() => h.close())

const MIN = 60_000
const later = (ms: number) => new Date(h.clock.now.getTime() + ms)
const staff = () => h.asUser(USERS.staffA1)
const street = () => h.asUser(USERS.streetA)

async function activity(startsIn: number): Promise<ActivityView> {
  const draft = await staff().ok('activity', {
    action: 'create' as const,
    communityId: COMMUNITIES.a1._id,
    title: '社区清扫',
    place: '曙光社区',
    startAt: later(startsIn * MIN).toISOString(),
    endAt: later((startsIn + 120) * MIN).toISOString(),
  })
  return staff().ok('activity', { action: 'publish', activityId: draft.activityId })
}

const code = async (activityId: string) => (await staff().ok('activity', { action: 'signinCode', activityId, direction: 'in' })).token!
const scan = (member: string, token: string) => h.asUser(member).call('activity', { action: 'signIn', token })
const pair = (unit: 'u1' | 'u2', branchId: string | null = null) => street().ok('pairing', { action: 'create', unitId: UNITS[unit]._id, branchId, communityId: COMMUNITIES.a1._id })
const endPairing = (pairingId: string) => street().ok('pairing', { action: 'end', pairingId, reason: '共建期满' })
const mirrorOf = async (activityId: string) => (await findById<ActivityDoc>(h.db, 'activities', activityId))!.pairedKeys

/** The sign-in's requests, the dev session aside. */
async function signInRequests(member: string, token: string): Promise<number> {
  await h.asUser(member).ok('bootstrap', { action: 'get' })
  const { result, requests } = await recordDbRequests(() => scan(member, token))
  expect(result).toMatchObject({ ok: true, data: { direction: 'in', already: false } })
  return requests.filter((r) => r.collection !== 'devSessions').length
}

const OUTSIDE_BRANCH = 'm-u1-b1-other'
let unitTerm = ''

it('a member of a paired unit living elsewhere signs in in at most 4 requests; once the pairing ends they are refused, and paired again they sign in', async () => {
  unitTerm = (await pair('u2')).pairingId
  const a = await activity(10)
  const upcoming = await activity(10)
  expect(await mirrorOf(a.activityId)).toEqual([`unit:${UNITS.u2._id}`])
  expect(await signInRequests(UNIT_MEMBER, await code(a.activityId))).toBeLessThanOrEqual(4)

  await endPairing(unitTerm)
  expect(await mirrorOf(upcoming.activityId)).toEqual([])
  const token = await code(upcoming.activityId)
  const refused = await expectNothingWritten(h.db, () => scan(UNIT_MEMBER, token))
  expect(refused).toMatchObject({ ok: false, code: 'ACTIVITY_NOT_FOR_YOU' })

  unitTerm = (await pair('u2')).pairingId
  expect(await mirrorOf(upcoming.activityId)).toEqual([`unit:${UNITS.u2._id}`])
  expect(await signInRequests(UNIT_MEMBER, token)).toBeLessThanOrEqual(4)
})

it('a paired branch opens the activity to its members only, in at most 4 requests', async () => {
  await addMember(h.db, { id: OUTSIDE_BRANCH, unit: 'u1', community: 'b1', name: '王芳', mobile: '13700007777' })
  await pair('u1', BRANCH)
  const a = await activity(10)
  expect((await mirrorOf(a.activityId))?.sort()).toEqual([`branch:${BRANCH}`, `unit:${UNITS.u2._id}`].sort())
  const token = await code(a.activityId)
  expect(await signInRequests(BRANCH_MEMBER, token)).toBeLessThanOrEqual(4)
  expect(await scan(OUTSIDE_BRANCH, token)).toMatchObject({ ok: false, code: 'ACTIVITY_NOT_FOR_YOU' })
})

it('an activity from before the mirror reads the pairings, and a pairing change gives it no partial mirror', async () => {
  const older = await activity(10)
  await h.db.collection('activities').doc(older.activityId).update({ data: { pairedKeys: h.db.command.remove() } })
  await endPairing(unitTerm)
  expect(await mirrorOf(older.activityId)).toBeUndefined()
  const token = await code(older.activityId)
  expect(await scan(UNIT_MEMBER, token)).toMatchObject({ ok: false, code: 'ACTIVITY_NOT_FOR_YOU' })
  await pair('u2')
  expect(await mirrorOf(older.activityId)).toBeUndefined()
  expect(await scan(UNIT_MEMBER, token)).toMatchObject({ ok: true, data: { already: false } })
})
