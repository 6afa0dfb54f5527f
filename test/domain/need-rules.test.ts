import { rankHelpers, type HelperCandidate } from '../../src/domain/need-match'
import { maskAddress, maskName, seesContact } from '../../src/domain/need-privacy'
import { allowedEvents, clockFor, DEFAULT_NEED_DEADLINES, overdueLevel, planNeedTransition, type Actor, type NeedFacts } from '../../src/domain/need-rules'

// The needs workflow's pure rules: who may move a need where, its clocks, the
// helper ranking and the contact masks.

const t0 = new Date('2026-03-16T02:00:00Z')
const hours = (n: number) => new Date(t0.getTime() + n * 3600_000)
const resident: Actor = { role: 'resident', userId: 'u-res', name: '李梅' }
const staff: Actor = { role: 'staff', userId: 'u-staff', name: '王芳' }
const member = (memberId: string): Actor => ({ role: 'member', userId: `u-${memberId}`, name: memberId, memberId })
const need = (over: Partial<NeedFacts> = {}): NeedFacts => ({
  state: 'pending',
  urgency: 'normal',
  submittedAt: t0,
  acceptedAt: null,
  completedAt: null,
  residentUserId: 'u-res',
  assignedMemberId: null,
  ...over,
})

describe('transitions', () => {
  it('walks a need from submission to rating, each step recording who and when', () => {
    const accept = planNeedTransition(need(), { type: 'accept' }, staff, hours(1))
    expect(accept).toMatchObject({ to: 'accepted', set: { acceptedAt: hours(1) }, entry: { event: 'accept', from: 'pending', to: 'accepted', by: 'u-staff', byName: '王芳', at: hours(1) } })
    expect(planNeedTransition(need({ state: 'accepted' }), { type: 'assign', memberId: 'm1', memberName: '张三' }, staff, hours(2))).toMatchObject({ to: 'serving', set: { assignedMemberId: 'm1' }, entry: { note: '张三' } })
    const serving = need({ state: 'serving', assignedMemberId: 'm1' })
    expect(planNeedTransition(serving, { type: 'complete', hours: 2 }, member('m1'), hours(3))).toMatchObject({ to: 'completed', set: { completedAt: hours(3) } })
    expect(planNeedTransition(need({ state: 'completed' }), { type: 'rate', rating: 5 }, resident, hours(4))).toMatchObject({ to: 'rated' })
  })

  it('refuses moves the state does not allow, and other people’s needs', () => {
    expect(planNeedTransition(need(), { type: 'complete', hours: 1 }, member('m1'), t0)).toEqual({ refuse: 'NEED_NOT_YOURS' })
    expect(planNeedTransition(need({ state: 'accepted' }), { type: 'withdraw' }, resident, t0)).toEqual({ refuse: 'NEED_STATE_INVALID' })
    expect(planNeedTransition(need({ state: 'completed' }), { type: 'rate', rating: 3 }, { ...resident, userId: 'someone-else' }, t0)).toEqual({ refuse: 'NEED_NOT_YOURS' })
    expect(planNeedTransition(need({ state: 'rated' }), { type: 'rate', rating: 3 }, resident, t0)).toEqual({ refuse: 'NEED_ALREADY_RATED' })
    expect(planNeedTransition(need({ state: 'serving', assignedMemberId: 'm1' }), { type: 'claim', memberName: 'x' }, member('m2'), t0)).toEqual({ refuse: 'NEED_ALREADY_CLAIMED' })
    expect(planNeedTransition(need({ state: 'serving', assignedMemberId: 'm1' }), { type: 'decline', reason: '出差' }, member('m2'), t0)).toEqual({ refuse: 'NEED_NOT_YOURS' })
    expect(planNeedTransition(need(), { type: 'accept' }, resident, t0)).toEqual({ refuse: 'NEED_NOT_YOURS' })
  })

  it('a decline returns the need to 已受理 and clears the member', () => {
    expect(planNeedTransition(need({ state: 'serving', assignedMemberId: 'm1' }), { type: 'decline', reason: '出差' }, member('m1'), t0)).toMatchObject({ to: 'accepted', set: { assignedMemberId: null }, entry: { note: '出差' } })
  })

  it('staff may close an unrated completed need only after 7 days', () => {
    const done = need({ state: 'completed', completedAt: t0 })
    expect(planNeedTransition(done, { type: 'close' }, staff, hours(7 * 24 - 1))).toEqual({ refuse: 'NEED_NOT_CLOSABLE_YET' })
    expect(planNeedTransition(done, { type: 'close' }, staff, hours(7 * 24))).toMatchObject({ to: 'closed' })
  })

  it('offers each reader what they may do now', () => {
    expect(allowedEvents(need(), resident, t0)).toEqual(['addInfo', 'withdraw'])
    expect(allowedEvents(need(), staff, t0)).toEqual(['accept', 'reject', 'merge'])
    expect(allowedEvents(need({ state: 'published' }), member('m2'), t0)).toEqual(['claim'])
  })
})

describe('deadlines', () => {
  it('accept within 24 h (紧急 2 h), finish within 7 days (紧急 24 h); red after twice the time', () => {
    const times = { submittedAt: t0, acceptedAt: null }
    expect(clockFor('pending', 'normal', DEFAULT_NEED_DEADLINES, times)).toEqual({ yellowAt: hours(24), redAt: hours(48) })
    expect(clockFor('pending', 'urgent', DEFAULT_NEED_DEADLINES, times)).toEqual({ yellowAt: hours(2), redAt: hours(4) })
    expect(clockFor('serving', 'normal', DEFAULT_NEED_DEADLINES, { submittedAt: t0, acceptedAt: hours(1) })).toEqual({ yellowAt: hours(1 + 168), redAt: hours(1 + 336) })
    expect(clockFor('accepted', 'urgent', { ...DEFAULT_NEED_DEADLINES, finishHoursUrgent: 12 }, { submittedAt: t0, acceptedAt: t0 })).toEqual({ yellowAt: hours(12), redAt: hours(24) })
    expect(clockFor('completed', 'normal', DEFAULT_NEED_DEADLINES, times)).toEqual({ yellowAt: null, redAt: null })
  })

  it('turns yellow at the deadline and red at twice the time', () => {
    const clock = { yellowAt: hours(2), redAt: hours(4) }
    expect([hours(1.9), hours(2), hours(3.9), hours(4)].map((at) => overdueLevel(clock, at))).toEqual(['none', 'yellow', 'yellow', 'red'])
    expect(overdueLevel({ yellowAt: null, redAt: null }, hours(100))).toBe('none')
  })
})

describe('helpers and privacy', () => {
  const c = (memberId: string, over: Partial<HelperCandidate>): HelperCandidate => ({ memberId, name: memberId, unitName: '', claimedPostIds: [], skills: '', openAssignments: 0, ...over })

  it('ranks claimed posts first, then 特长, fewest open assignments first within each', () => {
    const ranked = rankHelpers(
      [c('skill-busy', { skills: '水电维修', openAssignments: 2 }), c('none', {}), c('post-busy', { claimedPostIds: ['p1'], openAssignments: 3 }), c('post-free', { claimedPostIds: ['p1'] }), c('skill-free', { skills: '会水电维修' })],
      { postId: 'p1', words: ['水电维修', '便民服务项目'] },
      10,
    )
    expect(ranked.map((r) => [r.memberId, r.reason])).toEqual([
      ['post-free', 'post'],
      ['post-busy', 'post'],
      ['skill-free', 'skill'],
      ['skill-busy', 'skill'],
      ['none', 'none'],
    ])
  })

  it('shows contact details to the owner, staff and the serving member only', () => {
    const serving = { state: 'serving' as const, assignedMemberId: 'm1' }
    expect(seesContact({ kind: 'owner' }, serving)).toBe(true)
    expect(seesContact({ kind: 'staff' }, serving)).toBe(true)
    expect(seesContact({ kind: 'member', memberId: 'm1' }, serving)).toBe(true)
    expect(seesContact({ kind: 'member', memberId: 'm2' }, serving)).toBe(false)
    expect(seesContact({ kind: 'member', memberId: 'm1' }, { state: 'completed', assignedMemberId: 'm1' })).toBe(false)
    expect(maskAddress('曙光社区3栋2单元501')).toBe('曙光社区****')
    expect(maskName('李梅')).toBe('李*')
  })
})
