import type { ActivityStatus } from './activity-status'

// Sign-up (报名) decisions. The activity document holds the counters the
// decisions need — seats taken and the waitlist in arrival order — so a
// handler reads it and writes it back in one transaction: fifty members
// racing for ten seats get exactly ten seats (issue 9 §3).

export interface SignupState {
  status: ActivityStatus
  /** 0 = unlimited. */
  capacity: number
  signupRequired: boolean
  /** Null: open from publication. */
  signupOpensAt: Date | null
  signupClosesAt: Date
  /** Members holding a seat. */
  signedUp: number
  /** Member ids waiting, first come first. */
  waitlist: readonly string[]
}

export type MemberSignup = 'signedUp' | 'waitlisted' | null

export type SignupRefusal = 'ACTIVITY_CANCELLED' | 'ACTIVITY_NOT_OPEN' | 'ACTIVITY_ENDED' | 'SIGNUP_NOT_REQUIRED' | 'SIGNUP_NOT_YET_OPEN' | 'SIGNUP_CLOSED' | 'ALREADY_SIGNED_UP' | 'NOT_SIGNED_UP'

export type SignupPlan = { write: 'signedUp' } | { write: 'waitlisted'; position: number } | { refuse: SignupRefusal }

export type CancelPlan = { write: 'cancelSeat'; promote: string | null } | { write: 'leaveWaitlist' } | { refuse: SignupRefusal }

/** Why sign-up (or cancelling it) is closed now, or null when it is open; the member's page asks the same. */
export function windowRefusal(state: Pick<SignupState, 'status' | 'signupRequired' | 'signupOpensAt' | 'signupClosesAt'>, now: Date): SignupRefusal | null {
  if (state.status === 'cancelled') return 'ACTIVITY_CANCELLED'
  if (state.status === 'ended') return 'ACTIVITY_ENDED'
  if (state.status !== 'published') return 'ACTIVITY_NOT_OPEN'
  if (!state.signupRequired) return 'SIGNUP_NOT_REQUIRED'
  if (state.signupOpensAt && now.getTime() < state.signupOpensAt.getTime()) return 'SIGNUP_NOT_YET_OPEN'
  if (now.getTime() >= state.signupClosesAt.getTime()) return 'SIGNUP_CLOSED'
  return null
}

export function hasSeatFree(state: Pick<SignupState, 'capacity' | 'signedUp'>): boolean {
  return state.capacity === 0 || state.signedUp < state.capacity
}

export function decideSignup(state: SignupState, mine: MemberSignup, now: Date): SignupPlan {
  const closed = windowRefusal(state, now)
  if (closed) return { refuse: closed }
  if (mine) return { refuse: 'ALREADY_SIGNED_UP' }
  if (hasSeatFree(state)) return { write: 'signedUp' }
  return { write: 'waitlisted', position: state.waitlist.length + 1 }
}

/** Cancelling a seat gives it to the first on the waitlist; leaving the waitlist gives nothing. */
export function decideCancel(state: SignupState, mine: MemberSignup, now: Date): CancelPlan {
  const closed = windowRefusal(state, now)
  if (closed) return { refuse: closed }
  if (mine === 'waitlisted') return { write: 'leaveWaitlist' }
  if (mine !== 'signedUp') return { refuse: 'NOT_SIGNED_UP' }
  return { write: 'cancelSeat', promote: state.waitlist[0] ?? null }
}

export type CapacityPlan = { promote: string[] } | { refuse: 'CAPACITY_BELOW_SIGNUPS' }

/**
 * A new capacity: never below the seats already taken (nobody loses a seat by
 * an edit); a larger one, or unlimited, takes the waitlist in order.
 */
export function decideCapacity(state: Pick<SignupState, 'signedUp' | 'waitlist'>, capacity: number): CapacityPlan {
  if (capacity !== 0 && capacity < state.signedUp) return { refuse: 'CAPACITY_BELOW_SIGNUPS' }
  const free = capacity === 0 ? state.waitlist.length : capacity - state.signedUp
  return { promote: state.waitlist.slice(0, free) }
}
