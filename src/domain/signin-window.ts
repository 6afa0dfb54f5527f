import type { ActivityStatus } from './activity-status'

// May a member sign in (or out) now? Decided by the server's clock against
// the schedule, with a margin either side: people arrive early, and the
// organiser may keep the code up a little after the end. The answer is a plan
// the handler applies, or a refusal code (errors.ts).

export interface SigninMargins {
  /** Minutes before the start that a sign-in is already taken. */
  beforeStartMin: number
  /** Minutes after the scheduled end that a sign-in or sign-out is still taken. */
  afterEndMin: number
}

export const DEFAULT_SIGNIN_MARGINS: SigninMargins = { beforeStartMin: 30, afterEndMin: 30 }

/** An activity's margins: its own lead time before the start (when set), the default after the end. */
export function marginsOf(activity: { signinEarlyMin?: number }): SigninMargins {
  return { ...DEFAULT_SIGNIN_MARGINS, beforeStartMin: activity.signinEarlyMin ?? DEFAULT_SIGNIN_MARGINS.beforeStartMin }
}

export type Direction = 'in' | 'out'

export interface SigninActivity {
  status: ActivityStatus
  startAt: Date
  endAt: Date
}

export interface ExistingAttendance {
  inAt: Date
  outAt: Date | null
}

export type SigninRefusal = 'ACTIVITY_CANCELLED' | 'ACTIVITY_NOT_OPEN' | 'ACTIVITY_ENDED' | 'SIGNIN_TOO_EARLY' | 'SIGNIN_TOO_LATE' | 'SIGNIN_OUT_CODE'

export type SigninPlan =
  | { write: 'signIn' }
  | { write: 'signOut' }
  | { already: Direction; at: Date }
  | { refuse: SigninRefusal }

/** Whether the activity takes sign-ins at `now` at all. */
export function signinOpen(activity: SigninActivity, now: Date, margins: SigninMargins): SigninRefusal | null {
  if (activity.status === 'cancelled') return 'ACTIVITY_CANCELLED'
  if (activity.status === 'ended') return 'ACTIVITY_ENDED'
  if (activity.status !== 'published') return 'ACTIVITY_NOT_OPEN'
  if (now.getTime() < activity.startAt.getTime() - margins.beforeStartMin * 60_000) return 'SIGNIN_TOO_EARLY'
  if (now.getTime() > activity.endAt.getTime() + margins.afterEndMin * 60_000) return 'SIGNIN_TOO_LATE'
  return null
}

/**
 * A scan of the in-code or the out-code. A repeated scan is answered with the
 * time already recorded (已签到 at …), never written again; an out-code never
 * signs anyone in.
 */
export function decideSignin(activity: SigninActivity, direction: Direction, existing: ExistingAttendance | null, now: Date, margins: SigninMargins): SigninPlan {
  if (direction === 'in' && existing) return { already: 'in', at: existing.inAt }
  if (direction === 'out' && existing?.outAt) return { already: 'out', at: existing.outAt }
  const closed = signinOpen(activity, now, margins)
  if (closed) return { refuse: closed }
  if (direction === 'in') return { write: 'signIn' }
  return existing ? { write: 'signOut' } : { refuse: 'SIGNIN_OUT_CODE' }
}
