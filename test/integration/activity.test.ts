import type { ActivityView } from '../../src/domain/contracts/activity.contract'
import type { ActivityDoc, SignupDoc } from '../../server/db/docs'
import { getRows, scanAll } from '../../server/db/read'
import { openHarness, type Harness } from './support/bridge-client'
import { withDbLatency } from './support/db-latency'
import { expectNothingWritten } from './support/db-state'
import { addMember, COMMUNITIES, postId, seedCity, USERS } from './support/fixture'

// Activities (issue 9): the organiser's life cycle, sign-up with a waitlist
// that stays exact under a burst, notices of changes, and who may do what.

let h: Harness
const RACERS = Array.from({ length: 50 }, (_, i) => `m-r${String(i + 1).padStart(2, '0')}`)
const HERE = ['m-a', 'm-b', 'm-c']
const ELSEWHERE = 'm-b1'

beforeAll(async () => {
  h = await openHarness({
    seed: async (db) => {
      await seedCity(db)
      for (const [i, id] of [...HERE, ...RACERS].entries()) await addMember(db, { id, unit: 'u1', community: 'a1', name: `党员${i + 1}`, mobile: `1370000${String(i).padStart(4, '0')}` })
      await addMember(db, { id: ELSEWHERE, unit: 'u2', community: 'b1', name: '冯静', mobile: '13700009999' })
    },
  })
  // The fixture's members are bound users; their sign-ins are made before any burst.
  for (const id of [...HERE, ...RACERS, ELSEWHERE]) await h.asUser(id).ok('bootstrap', { action: 'get' })
})
afterAll(() => h.close())

const minutes = (n: number) => new Date(h.clock.now.getTime() + n * 60_000).toISOString()
const staff = () => h.asUser(USERS.staffA1)

async function published(fields: Record<string, unknown> = {}): Promise<ActivityView> {
  const draft = await staff().ok('activity', {
    action: 'create' as const,
    communityId: COMMUNITIES.a1._id,
    title: '社区环境整治',
    place: '曙光社区活动室',
    startAt: minutes(120),
    endAt: minutes(240),
    signupRequired: true,
    capacity: 2,
    ...fields,
  })
  return staff().ok('activity', { action: 'publish', activityId: draft.activityId })
}

const activityDoc = async (id: string) => (await getRows<ActivityDoc>(h.db.collection('activities').where({ _id: id })))[0]!
const signups = (activityId: string) => scanAll<SignupDoc>(h.db, 'signups', { activityId })

describe('the organiser', () => {
  it('creates a draft, publishes it, and members then see it, with a claimed post marked', async () => {
    const post = postId('a1', 'management', 3)
    await h.db.collection('registrations').doc('reg-m-a').set({ data: { memberId: 'm-a', communityId: COMMUNITIES.a1._id, claims: [{ postId: post }] } })
    const draft = await staff().ok('activity', {
      action: 'create' as const,
      communityId: COMMUNITIES.a1._id,
      title: '政策宣讲',
      postId: post,
      place: '曙光社区会议室',
      startAt: minutes(60),
      endAt: minutes(120),
    })
    expect(draft).toMatchObject({ status: 'draft', capacity: 0, signupRequired: false, communityName: '曙光社区', signupClosesAt: minutes(60) })
    expect(draft.postName).toBeTruthy()
    // A draft is the organiser's alone.
    expect((await h.asUser('m-a').fail('activity', { action: 'get', activityId: draft.activityId })).code).toBe('NOT_FOUND')
    await staff().ok('activity', { action: 'publish', activityId: draft.activityId })
    expect((await staff().fail('activity', { action: 'publish', activityId: draft.activityId })).code).toBe('ACTIVITY_NOT_OPEN')

    const seen = await h.asUser('m-a').ok('activity', { action: 'get', activityId: draft.activityId })
    expect(seen).toMatchObject({ status: 'published', claimedPost: true, mySignup: null })
    expect((await h.asUser('m-b').ok('activity', { action: 'get', activityId: draft.activityId })).claimedPost).toBe(false)
    const list = await h.asUser('m-a').ok('activity', { action: 'list' })
    expect(list.rows.map((r) => r.activityId)).toContain(draft.activityId)
  })

  it('lists upcoming activities soonest first and past ones latest first', async () => {
    const later = await published({ title: '晚些的活动', startAt: minutes(600), endAt: minutes(660) })
    const sooner = await published({ title: '早些的活动', startAt: minutes(30), endAt: minutes(50) })
    const upcoming = (await h.asUser('m-b').ok('activity', { action: 'list', pageSize: 100 })).rows.map((r) => r.activityId)
    expect(upcoming.indexOf(sooner.activityId)).toBeLessThan(upcoming.indexOf(later.activityId))
    const startsInOrder = (await h.asUser('m-b').ok('activity', { action: 'list', pageSize: 100 })).rows.map((r) => r.startAt)
    expect([...startsInOrder].sort()).toEqual(startsInOrder)
    await staff().ok('activity', { action: 'cancel', activityId: sooner.activityId, reason: '天气原因' })
    const past = (await h.asUser('m-b').ok('activity', { action: 'list', when: 'past' })).rows
    expect(past.find((r) => r.activityId === sooner.activityId)).toMatchObject({ status: 'cancelled', cancelReason: '天气原因' })
  })

  it('refuses an end before the start and a sign-up deadline after the end, writing nothing', async () => {
    const base = { action: 'create' as const, communityId: COMMUNITIES.a1._id, title: '活动', place: '活动室' }
    await expectNothingWritten(h.db, async () => {
      expect((await staff().fail('activity', { ...base, startAt: minutes(60), endAt: minutes(60) })).code).toBe('END_BEFORE_START')
      expect((await staff().fail('activity', { ...base, startAt: minutes(60), endAt: minutes(120), signupClosesAt: minutes(121) })).code).toBe('SIGNUP_WINDOW_INVALID')
      expect((await staff().fail('activity', { ...base, startAt: '明天', endAt: minutes(120) })).code).toBe('VALIDATION_FAILED')
      const badPlace = await staff().rawFail('activity', { ...base, startAt: minutes(60), endAt: minutes(120), location: { lat: '30.2', lng: 120, radius: 100 } })
      expect(badPlace).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('纬度应为数字') })
      expect((await staff().fail('activity', { ...base, startAt: minutes(60), endAt: minutes(120), capacity: -1 })).code).toBe('VALIDATION_FAILED')
    })
  })
})

describe('sign-up', () => {
  it('gives seats, then the waitlist in arrival order; a cancellation promotes the first', async () => {
    const a = await published()
    const up = (id: string) => h.asUser(id).ok('activity', { action: 'signUp', activityId: a.activityId })
    expect(await up('m-a')).toEqual({ status: 'signedUp', position: null })
    expect(await up('m-b')).toEqual({ status: 'signedUp', position: null })
    expect(await up('m-c')).toEqual({ status: 'waitlisted', position: 1 })
    expect(await up(RACERS[0]!)).toEqual({ status: 'waitlisted', position: 2 })
    expect(await h.asUser(RACERS[0]!).ok('activity', { action: 'get', activityId: a.activityId })).toMatchObject({ mySignup: 'waitlisted', myWaitlistPosition: 2, signedUp: 2, waitlisted: 2 })

    // Twice: refused, nothing written.
    await expectNothingWritten(h.db, async () => {
      expect((await h.asUser('m-a').fail('activity', { action: 'signUp', activityId: a.activityId })).code).toBe('ALREADY_SIGNED_UP')
      expect((await h.asUser('m-c').fail('activity', { action: 'signUp', activityId: a.activityId })).code).toBe('ALREADY_SIGNED_UP')
    })

    await h.asUser('m-a').ok('activity', { action: 'cancelSignUp', activityId: a.activityId })
    expect(await h.asUser('m-c').ok('activity', { action: 'get', activityId: a.activityId })).toMatchObject({ mySignup: 'signedUp', myWaitlistPosition: null })
    expect(await h.asUser(RACERS[0]!).ok('activity', { action: 'get', activityId: a.activityId })).toMatchObject({ mySignup: 'waitlisted', myWaitlistPosition: 1 })
    // Leaving the waitlist gives nobody a seat.
    await h.asUser(RACERS[0]!).ok('activity', { action: 'cancelSignUp', activityId: a.activityId })
    expect(await activityDoc(a.activityId)).toMatchObject({ signedUp: 2, waitlist: [] })
    // And one may sign up again after cancelling.
    expect(await up('m-a')).toEqual({ status: 'waitlisted', position: 1 })

    const attendance = await staff().ok('activity', { action: 'attendance', activityId: a.activityId })
    expect(attendance.signedUp.map((s) => s.memberId).sort()).toEqual(['m-b', 'm-c'])
    expect(attendance.waitlist.map((s) => s.memberId)).toEqual(['m-a'])
  })

  it('50 members at once for 10 seats: exactly 10 seats and 40 waiting, in a consistent order', async () => {
    const a = await published({ capacity: 10 })
    const results = await withDbLatency(() =>
      Promise.all(RACERS.map((id) => h.asUser(id).call('activity', { action: 'signUp', activityId: a.activityId }))),
    )
    expect(results.filter((r) => !r.ok)).toEqual([])
    const data = results.map((r) => (r.ok ? r.data : null)!)
    expect(data.filter((d) => d.status === 'signedUp')).toHaveLength(10)
    expect(data.filter((d) => d.status === 'waitlisted').map((d) => d.position).sort((x, y) => x! - y!)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1))
    const doc = await activityDoc(a.activityId)
    expect(doc.signedUp).toBe(10)
    expect(doc.waitlist).toHaveLength(40)
    const stored = await signups(a.activityId)
    expect(stored.filter((s) => s.status === 'signedUp')).toHaveLength(10)
    expect(new Set(doc.waitlist)).toEqual(new Set(stored.filter((s) => s.status === 'waitlisted').map((s) => s.memberId)))
    // Each waiter's answer was their place in the stored order.
    for (const [i, id] of doc.waitlist.entries()) expect(data[RACERS.indexOf(id)]).toEqual({ status: 'waitlisted', position: i + 1 })
  })

  it('a capacity below the seats taken is refused; a larger one takes the waitlist in order', async () => {
    const a = await published({ capacity: 1 })
    for (const id of ['m-a', 'm-b', 'm-c']) await h.asUser(id).ok('activity', { action: 'signUp', activityId: a.activityId })
    await h.asUser('m-a').ok('activity', { action: 'cancelSignUp', activityId: a.activityId }) // m-b promoted
    await h.asUser('m-a').ok('activity', { action: 'signUp', activityId: a.activityId }) // waitlist: m-c, m-a
    await h.asUser(RACERS[1]!).ok('activity', { action: 'signUp', activityId: a.activityId }) // m-c, m-a, r02
    expect(await activityDoc(a.activityId)).toMatchObject({ signedUp: 1, waitlist: ['m-c', 'm-a', RACERS[1]] })
    await h.asUser('m-b').ok('activity', { action: 'cancelSignUp', activityId: a.activityId }) // m-c promoted
    await h.asUser('m-b').ok('activity', { action: 'signUp', activityId: a.activityId })
    expect(await activityDoc(a.activityId)).toMatchObject({ signedUp: 1, waitlist: ['m-a', RACERS[1], 'm-b'] })

    await expectNothingWritten(h.db, async () => {
      expect((await staff().fail('activity', { action: 'update', activityId: a.activityId, capacity: 0.5 })).code).toBe('VALIDATION_FAILED')
    })
    const grown = await staff().ok('activity', { action: 'update', activityId: a.activityId, capacity: 3 })
    expect(grown).toMatchObject({ capacity: 3, signedUp: 3, waitlisted: 1 })
    expect(await activityDoc(a.activityId)).toMatchObject({ waitlist: ['m-b'] })
    expect((await h.asUser(RACERS[1]!).ok('activity', { action: 'get', activityId: a.activityId })).mySignup).toBe('signedUp')
    await expectNothingWritten(h.db, async () => {
      expect((await staff().fail('activity', { action: 'update', activityId: a.activityId, capacity: 2 })).code).toBe('CAPACITY_BELOW_SIGNUPS')
    })
  })

  it('closes at the deadline, and is refused where none is needed or the activity is cancelled', async () => {
    const a = await published({ signupClosesAt: minutes(10) })
    const free = await published({ signupRequired: false })
    await expectNothingWritten(h.db, async () => {
      expect((await h.asUser('m-a').fail('activity', { action: 'signUp', activityId: free.activityId })).code).toBe('SIGNUP_NOT_REQUIRED')
      expect((await h.asUser('m-a').fail('activity', { action: 'cancelSignUp', activityId: a.activityId })).code).toBe('NOT_SIGNED_UP')
    })
    await h.asUser('m-a').ok('activity', { action: 'signUp', activityId: a.activityId })
    h.clock.now = new Date(h.clock.now.getTime() + 10 * 60_000)
    try {
      await expectNothingWritten(h.db, async () => {
        expect((await h.asUser('m-b').fail('activity', { action: 'signUp', activityId: a.activityId })).code).toBe('SIGNUP_CLOSED')
        expect((await h.asUser('m-a').fail('activity', { action: 'cancelSignUp', activityId: a.activityId })).code).toBe('SIGNUP_CLOSED')
      })
    } finally {
      h.clock.now = new Date(h.clock.now.getTime() - 10 * 60_000)
    }
    await staff().ok('activity', { action: 'cancel', activityId: free.activityId, reason: '场地检修' })
    expect((await h.asUser('m-a').fail('activity', { action: 'signUp', activityId: free.activityId })).code).toBe('ACTIVITY_CANCELLED')
  })
})

describe('notices', () => {
  const sent = (activityId: string) => getRows<{ kind: string; touser: string; key: string; data: Record<string, { value: string }> }>(h.db.collection('messages').where({ key: h.db.RegExp({ regexp: activityId }) }))

  it("a published activity's new time or place, and its cancellation, reach those signed up and waiting", async () => {
    const a = await published({ capacity: 1 })
    await h.asUser('m-a').ok('activity', { action: 'signUp', activityId: a.activityId })
    await h.asUser('m-b').ok('activity', { action: 'signUp', activityId: a.activityId })
    // A change that moves nothing tells nobody.
    await staff().ok('activity', { action: 'update', activityId: a.activityId, title: '社区环境整治（第二期）' })
    expect(await sent(a.activityId)).toEqual([])

    await staff().ok('activity', { action: 'update', activityId: a.activityId, place: '曙光社区广场', note: '改在广场集合' })
    const changed = await sent(a.activityId)
    expect(changed.map((m) => [m.kind, m.touser]).sort()).toEqual([
      ['activityChanged', 'm-a'],
      ['activityChanged', 'm-b'],
    ])
    expect(changed[0]!.data).toMatchObject({ thing3: { value: '曙光社区广场' }, thing4: { value: '改在广场集合' } })

    await staff().ok('activity', { action: 'cancel', activityId: a.activityId, reason: '暴雨预警' })
    const cancelled = (await sent(a.activityId)).filter((m) => m.kind === 'activityCancelled')
    expect(cancelled.map((m) => m.touser).sort()).toEqual(['m-a', 'm-b'])
    expect(cancelled[0]!.data.thing3).toEqual({ value: '暴雨预警' })
    expect((await staff().fail('activity', { action: 'update', activityId: a.activityId, place: '别处' })).code).toBe('ACTIVITY_CLOSED')
  })
  it('a cancellation that gives the first waiting a seat tells them, and them only; so does a larger capacity', async () => {
    const a = await published({ capacity: 1 })
    for (const id of ['m-a', 'm-b', 'm-c']) await h.asUser(id).ok('activity', { action: 'signUp', activityId: a.activityId })
    await h.asUser('m-a').ok('activity', { action: 'cancelSignUp', activityId: a.activityId })
    const promoted = (await sent(a.activityId)).filter((m) => m.kind === 'waitlistPromoted')
    expect(promoted.map((m) => m.touser)).toEqual(['m-b'])
    expect(promoted[0]!.data).toMatchObject({ thing1: { value: '社区环境整治' }, thing3: { value: '曙光社区活动室' } })
    // Leaving the waitlist promotes nobody, and tells nobody.
    await h.asUser('m-c').ok('activity', { action: 'cancelSignUp', activityId: a.activityId })
    await h.asUser('m-c').ok('activity', { action: 'signUp', activityId: a.activityId })
    expect((await sent(a.activityId)).filter((m) => m.kind === 'waitlistPromoted')).toHaveLength(1)
    await staff().ok('activity', { action: 'update', activityId: a.activityId, capacity: 2 })
    expect((await sent(a.activityId)).filter((m) => m.kind === 'waitlistPromoted').map((m) => m.touser).sort()).toEqual(['m-b', 'm-c'])
  })
})

describe('access', () => {
  it('staff of another community neither see nor run the activity', async () => {
    const a = await published()
    for (const openid of [USERS.staffA2, USERS.staffB1]) {
      const other = h.asUser(openid)
      await expectNothingWritten(h.db, async () => {
        for (const action of ['get', 'publish', 'end', 'attendance']) expect([action, (await other.rawFail('activity', { action, activityId: a.activityId })).code]).toEqual([action, 'NOT_FOUND'])
        expect((await other.fail('activity', { action: 'cancel', activityId: a.activityId, reason: '不想办' })).code).toBe('NOT_FOUND')
        expect((await other.fail('activity', { action: 'signinCode', activityId: a.activityId, direction: 'in' })).code).toBe('NOT_FOUND')
        expect((await other.fail('activity', { action: 'create', communityId: COMMUNITIES.a1._id, title: '越权', place: '某处', startAt: minutes(60), endAt: minutes(90) })).code).toBe('FORBIDDEN')
        expect((await other.fail('activity', { action: 'list', communityId: COMMUNITIES.a1._id })).code).toBe('FORBIDDEN')
      })
    }
  })

  it('a member of another community cannot see or sign up; a resident sees but cannot sign up', async () => {
    const a = await published()
    await expectNothingWritten(h.db, async () => {
      expect((await h.asUser(ELSEWHERE).fail('activity', { action: 'get', activityId: a.activityId })).code).toBe('NOT_FOUND')
      expect((await h.asUser(ELSEWHERE).fail('activity', { action: 'signUp', activityId: a.activityId })).code).toBe('NOT_FOUND')
      expect((await h.asUser(ELSEWHERE).ok('activity', { action: 'list' })).rows.map((r) => r.activityId)).not.toContain(a.activityId)
      expect((await h.asUser(USERS.residentA1).ok('activity', { action: 'get', activityId: a.activityId })).title).toBe('社区环境整治')
      expect((await h.asUser(USERS.residentA1).ok('activity', { action: 'list', pageSize: 100 })).rows.map((r) => r.activityId)).toContain(a.activityId)
      expect((await h.asUser(USERS.residentA1).fail('activity', { action: 'signUp', activityId: a.activityId })).code).toBe('FORBIDDEN')
      expect((await h.asUser(USERS.residentB1).fail('activity', { action: 'get', activityId: a.activityId })).code).toBe('NOT_FOUND')
      // A member does not organise; a unit's secretary does not run a community's activity.
      expect((await h.asUser('m-a').fail('activity', { action: 'publish', activityId: a.activityId })).code).toBe('FORBIDDEN')
      expect((await h.asUser(USERS.secretary1).fail('activity', { action: 'attendance', activityId: a.activityId })).code).toBe('NOT_FOUND')
      expect((await h.asUser(USERS.secretary1).fail('activity', { action: 'create', communityId: COMMUNITIES.a1._id, title: '越权', place: '某处', startAt: minutes(60), endAt: minutes(90) })).code).toBe('FORBIDDEN')
    })
  })
})
