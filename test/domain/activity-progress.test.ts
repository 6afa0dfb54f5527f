import { myStanding, ruleProgress, signupOffer } from '../../src/domain/activity-progress'
import { readSigninCode } from '../../src/domain/signin-code-text'
import { signSigninCode } from '../../server/features/activity/signin-token'
import type { ActivityView } from '../../src/domain/contracts/activity.contract'
import { activityView } from '../client/support/activity-fixtures'

const NOW = new Date('2026-05-01T02:00:00.000Z')

/** 2026-05-10 09:00 China time, sign-up required until the start. */
const view = (overrides: Partial<ActivityView> = {}) => activityView({ signupRequired: true, capacity: 10, ...overrides })

describe('the year against the rule', () => {
  it('marks each kind short until it reaches the minimum', () => {
    expect(ruleProgress({ required: 2, community: 2, unit: 1 })).toEqual([
      { kind: 'community', label: '社区组织', done: 2, required: 2, short: false },
      { kind: 'unit', label: '单位组织（结对社区）', done: 1, required: 2, short: true },
    ])
    expect(ruleProgress({ required: 2, community: 0, unit: 3 }).map((r) => r.short)).toEqual([true, false])
  })
})

describe('a member’s standing on an activity', () => {
  it('says 已签到 with hours once credited, before 已报名 and the waitlist place', () => {
    expect(myStanding(view())).toBeNull()
    expect(myStanding(view({ mySignup: 'signedUp' }))).toEqual({ text: '已报名', tone: 'green' })
    expect(myStanding(view({ mySignup: 'waitlisted', myWaitlistPosition: 3 }))).toEqual({ text: '候补第3位', tone: 'amber' })
    const inAt = '2026-05-10T01:00:00.000Z'
    expect(myStanding(view({ mySignup: 'signedUp', myAttendance: { inAt, outAt: null, minutes: null } }))?.text).toBe('已签到')
    expect(myStanding(view({ myAttendance: { inAt, outAt: inAt, minutes: 90 } }))?.text).toBe('已签到 · 1.5小时')
  })
})

describe('what the detail page offers', () => {
  it('sign up until the window closes, cancel once signed up or waitlisted', () => {
    expect(signupOffer(view(), NOW)).toEqual({ action: 'signUp' })
    expect(signupOffer(view({ mySignup: 'waitlisted' }), NOW)).toEqual({ action: 'cancel' })
    expect(signupOffer(view({ mySignup: 'signedUp' }), new Date('2026-05-10T01:00:00.000Z'))).toEqual({ closed: '报名已截止' })
  })

  it('says why when sign-up is not open', () => {
    expect(signupOffer(view({ signupRequired: false }), NOW)).toEqual({ closed: '该活动无需报名，到场扫码签到即可' })
    expect(signupOffer(view({ signupOpensAt: '2026-05-02T00:00:00.000Z' }), NOW)).toEqual({ closed: '报名尚未开始' })
    expect(signupOffer(view({ status: 'cancelled' }), NOW)).toEqual({ closed: '活动已取消' })
  })
})

describe('reading a sign-in code without the secret', () => {
  it('gives the activity and direction the server wrote into it', () => {
    const token = signSigninCode('s3cret', { activityId: 'activity_01HZY-abc', window: 123, direction: 'out' })
    expect(readSigninCode(token)).toEqual({ activityId: 'activity_01HZY-abc', direction: 'out' })
    expect(readSigninCode(`  ${signSigninCode('s3cret', { activityId: 'a', window: 0, direction: 'in' })}\n`)).toEqual({ activityId: 'a', direction: 'in' })
    expect(readSigninCode('SBD1.abc.1.xyz')).toBeNull()
    expect(readSigninCode('https://example.com')).toBeNull()
  })
})
