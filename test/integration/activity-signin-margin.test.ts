import type { ActivityView } from '../../src/domain/contracts/activity.contract'
import { openHarness, type Harness } from './support/bridge-client'
import { expectNothingWritten } from './support/db-state'
import { addMember, COMMUNITIES, seedCity, USERS } from './support/fixture'

// How early the sign-in code is taken is the activity's own setting (issue 9,
// bad input: "a margin before the start is allowed and configurable"): 30
// minutes unless the organiser says otherwise, from 0 to 240.

let h: Harness
const MIN = 60_000

beforeAll(async () => {
  h = await openHarness({
    seed: async (db) => {
      await seedCity(db)
      await addMember(db, { id: 'm-early', unit: 'u1', community: 'a1', name: '早到', mobile: '13700001111' })
    },
  })
})
afterAll(() => h.close())

const staff = () => h.asUser(USERS.staffA1)
const at = (minutes: number) => new Date(h.clock.now.getTime() + minutes * MIN).toISOString()

async function published(startsIn: number, extra: { signinEarlyMin?: number } = {}): Promise<ActivityView> {
  const draft = await staff().ok('activity', { action: 'create', communityId: COMMUNITIES.a1._id, title: '清扫楼道', place: '3号楼', startAt: at(startsIn), endAt: at(startsIn + 60), ...extra })
  return staff().ok('activity', { action: 'publish', activityId: draft.activityId })
}

const scan = async (a: ActivityView) => {
  const { token } = await staff().ok('activity', { action: 'signinCode', activityId: a.activityId, direction: 'in' })
  return h.asUser('m-early').call('activity', { action: 'signIn', token })
}

it('takes a sign-in 30 minutes before the start by default, not 50', async () => {
  const a = await published(50)
  expect(a.signinEarlyMin).toBe(30)
  const early = await expectNothingWritten(h.db, () => scan(a))
  expect(early).toMatchObject({ ok: false, code: 'SIGNIN_TOO_EARLY' })
})

it('takes it 50 minutes before when the organiser allows 60, and the setting can be changed', async () => {
  const a = await published(50, { signinEarlyMin: 60 })
  expect(a.signinEarlyMin).toBe(60)
  expect(await scan(a)).toMatchObject({ ok: true, data: { direction: 'in', already: false } })
  const b = await published(50, { signinEarlyMin: 60 })
  const changed = await staff().ok('activity', { action: 'update', activityId: b.activityId, signinEarlyMin: 10 })
  expect(changed.signinEarlyMin).toBe(10)
  expect(await scan(b)).toMatchObject({ ok: false, code: 'SIGNIN_TOO_EARLY' })
})

it.each([
  [-5, '提前签到时间不能为负数'],
  [241, '提前签到最多提前240分钟'],
  [1.5, '提前签到时间应为整数（分钟）'],
])('refuses a margin of %p with a Chinese message, writing nothing', async (signinEarlyMin, message) => {
  const refused = await expectNothingWritten(h.db, () =>
    staff().rawCall('activity', { action: 'create', communityId: COMMUNITIES.a1._id, title: '清扫楼道', place: '3号楼', startAt: at(60), endAt: at(120), signinEarlyMin }),
  )
  expect(refused).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' })
  expect((refused as { message: string }).message).toContain(message)
})
