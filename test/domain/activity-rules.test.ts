import { creditedMinutes, hoursOf } from '../../src/domain/activity-hours'
import { checkLocation, distanceMetres, MAX_ACCURACY_CREDIT_M } from '../../src/domain/location-flag'
import { decideSignin, DEFAULT_SIGNIN_MARGINS, type SigninActivity } from '../../src/domain/signin-window'
import { decideCancel, decideCapacity, decideSignup, type SignupState } from '../../src/domain/signup'

const at = (hhmm: string) => new Date(`2026-05-10T${hhmm}:00+08:00`)

describe('credited hours', () => {
  const schedule = { startAt: at('09:00'), endAt: at('11:00') }
  const cases: Array<[string, string, string | null, boolean, number | null]> = [
    ['inside the schedule', '09:10', '10:40', false, 90],
    ['early arrival, late leave: the schedule only', '08:00', '12:30', false, 120],
    ['signed in after the end', '11:05', '11:20', false, 0],
    ['left before the start', '08:00', '08:50', false, 0],
    ['exactly the schedule', '09:00', '11:00', false, 120],
    ['no sign-out, still under way', '09:30', null, false, null],
    ['no sign-out, organiser ended: the scheduled end', '09:30', null, true, 90],
    ['no sign-out, arrived after the end, ended', '11:10', null, true, 0],
  ]
  it.each(cases)('%s', (_name, inAt, outAt, ended, minutes) => {
    expect(creditedMinutes(schedule, { inAt: at(inAt), outAt: outAt ? at(outAt) : null }, ended)).toBe(minutes)
  })
  it('shows hours to one decimal', () => {
    expect(hoursOf(90)).toBe(1.5)
    expect(hoursOf(100)).toBe(1.7)
    expect(hoursOf(0)).toBe(0)
  })
})

describe('location flag', () => {
  const fence = { lat: 30.2741, lng: 120.1551, radius: 200 }
  it('measures great-circle distance', () => {
    // One degree of latitude is about 111.2 km anywhere.
    expect(distanceMetres({ lat: 30, lng: 120 }, { lat: 31, lng: 120 })).toBeCloseTo(111_195, -2)
    expect(distanceMetres(fence, fence)).toBe(0)
  })
  it('does not flag inside the radius, nor just outside it within the reported accuracy', () => {
    expect(checkLocation(fence, { lat: 30.2741, lng: 120.1551, accuracy: 30 }).flagged).toBe(false)
    const near = { lat: 30.2741 + 250 / 111_195, lng: 120.1551 } // 250 m north
    expect(checkLocation(fence, { ...near, accuracy: 65 })).toEqual({ distance: 250, accuracy: 65, flagged: false })
    expect(checkLocation(fence, { ...near, accuracy: 20 }).flagged).toBe(true)
  })
  it('gives a poor fix at most 100 m of doubt', () => {
    const far = { lat: 30.2741 + 1_000 / 111_195, lng: 120.1551 }
    expect(checkLocation(fence, { ...far, accuracy: 5_000 }).flagged).toBe(true)
    const edge = { lat: 30.2741 + (200 + MAX_ACCURACY_CREDIT_M) / 111_195, lng: 120.1551 }
    expect(checkLocation(fence, { ...edge, accuracy: 5_000 }).flagged).toBe(false)
  })
})

describe('sign-in window', () => {
  const activity: SigninActivity = { status: 'published', startAt: at('09:00'), endAt: at('11:00') }
  const m = DEFAULT_SIGNIN_MARGINS
  it('takes a sign-in from the margin before the start to the margin after the end', () => {
    expect(decideSignin(activity, 'in', null, at('08:29'), m)).toEqual({ refuse: 'SIGNIN_TOO_EARLY' })
    expect(decideSignin(activity, 'in', null, at('08:30'), m)).toEqual({ write: 'signIn' })
    expect(decideSignin(activity, 'in', null, at('11:30'), m)).toEqual({ write: 'signIn' })
    expect(decideSignin(activity, 'in', null, at('11:31'), m)).toEqual({ refuse: 'SIGNIN_TOO_LATE' })
    expect(decideSignin(activity, 'in', null, at('08:50'), { beforeStartMin: 5, afterEndMin: 0 })).toEqual({ refuse: 'SIGNIN_TOO_EARLY' })
  })
  it('refuses activities that are not running', () => {
    expect(decideSignin({ ...activity, status: 'cancelled' }, 'in', null, at('09:30'), m)).toEqual({ refuse: 'ACTIVITY_CANCELLED' })
    expect(decideSignin({ ...activity, status: 'draft' }, 'in', null, at('09:30'), m)).toEqual({ refuse: 'ACTIVITY_NOT_OPEN' })
    expect(decideSignin({ ...activity, status: 'ended' }, 'in', null, at('09:30'), m)).toEqual({ refuse: 'ACTIVITY_ENDED' })
  })
  it('answers a repeated scan with the recorded time', () => {
    const signedIn = { inAt: at('09:05'), outAt: null }
    expect(decideSignin(activity, 'in', signedIn, at('09:06'), m)).toEqual({ already: 'in', at: at('09:05') })
    expect(decideSignin(activity, 'out', signedIn, at('10:50'), m)).toEqual({ write: 'signOut' })
    expect(decideSignin(activity, 'out', { ...signedIn, outAt: at('10:50') }, at('10:51'), m)).toEqual({ already: 'out', at: at('10:50') })
  })
  it('never signs anyone in with the out-code', () => {
    expect(decideSignin(activity, 'out', null, at('09:30'), m)).toEqual({ refuse: 'SIGNIN_OUT_CODE' })
  })
})

describe('sign-up', () => {
  const state: SignupState = {
    status: 'published',
    capacity: 2,
    signupRequired: true,
    signupOpensAt: at('07:00'),
    signupClosesAt: at('09:00'),
    signedUp: 0,
    waitlist: [],
  }
  const now = at('08:00')
  it('gives a seat while there is one, then a place on the waitlist in order', () => {
    expect(decideSignup(state, null, now)).toEqual({ write: 'signedUp' })
    expect(decideSignup({ ...state, signedUp: 2 }, null, now)).toEqual({ write: 'waitlisted', position: 1 })
    expect(decideSignup({ ...state, signedUp: 2, waitlist: ['a', 'b'] }, null, now)).toEqual({ write: 'waitlisted', position: 3 })
    expect(decideSignup({ ...state, capacity: 0, signedUp: 500 }, null, now)).toEqual({ write: 'signedUp' })
  })
  it('refuses outside the window, twice, and where no sign-up is needed', () => {
    expect(decideSignup(state, null, at('06:59'))).toEqual({ refuse: 'SIGNUP_NOT_YET_OPEN' })
    expect(decideSignup(state, null, at('09:00'))).toEqual({ refuse: 'SIGNUP_CLOSED' })
    expect(decideSignup(state, 'signedUp', now)).toEqual({ refuse: 'ALREADY_SIGNED_UP' })
    expect(decideSignup(state, 'waitlisted', now)).toEqual({ refuse: 'ALREADY_SIGNED_UP' })
    expect(decideSignup({ ...state, signupRequired: false }, null, now)).toEqual({ refuse: 'SIGNUP_NOT_REQUIRED' })
    expect(decideSignup({ ...state, status: 'cancelled' }, null, now)).toEqual({ refuse: 'ACTIVITY_CANCELLED' })
    expect(decideSignup({ ...state, status: 'draft' }, null, now)).toEqual({ refuse: 'ACTIVITY_NOT_OPEN' })
  })
  it('a cancelled seat goes to the first waitlisted', () => {
    expect(decideCancel({ ...state, signedUp: 2, waitlist: ['a', 'b'] }, 'signedUp', now)).toEqual({ write: 'cancelSeat', promote: 'a' })
    expect(decideCancel({ ...state, signedUp: 1 }, 'signedUp', now)).toEqual({ write: 'cancelSeat', promote: null })
    expect(decideCancel({ ...state, signedUp: 2, waitlist: ['a'] }, 'waitlisted', now)).toEqual({ write: 'leaveWaitlist' })
    expect(decideCancel(state, null, now)).toEqual({ refuse: 'NOT_SIGNED_UP' })
    expect(decideCancel(state, 'signedUp', at('09:00'))).toEqual({ refuse: 'SIGNUP_CLOSED' })
  })
  it('a capacity never drops below the seats taken; a larger one takes the waitlist in order', () => {
    expect(decideCapacity({ signedUp: 5, waitlist: [] }, 4)).toEqual({ refuse: 'CAPACITY_BELOW_SIGNUPS' })
    expect(decideCapacity({ signedUp: 5, waitlist: ['a', 'b', 'c'] }, 5)).toEqual({ promote: [] })
    expect(decideCapacity({ signedUp: 5, waitlist: ['a', 'b', 'c'] }, 7)).toEqual({ promote: ['a', 'b'] })
    expect(decideCapacity({ signedUp: 5, waitlist: ['a', 'b', 'c'] }, 0)).toEqual({ promote: ['a', 'b', 'c'] })
  })
})
