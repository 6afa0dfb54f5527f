// Hours credited for one attendance record (issue 9 §4). The scheduled time
// bounds the credit on both sides: arriving early or leaving late adds
// nothing, and a member who never signed out gets the scheduled end once the
// organiser ends the activity (volunteer systems converged on this to stop
// forgotten sign-outs piling up hours; DESIGN.md §7).

export interface ScheduledTime {
  startAt: Date
  endAt: Date
}

export interface Presence {
  inAt: Date
  /** Null while the member has not signed out. */
  outAt: Date | null
}

/**
 * Minutes credited: min(out, scheduled end) − max(in, start), never negative,
 * never longer than the activity. Without a sign-out: the scheduled end when the
 * activity has ended, else null (still under way, nothing credited yet).
 */
export function creditedMinutes(schedule: ScheduledTime, presence: Presence, ended: boolean): number | null {
  const out = presence.outAt ?? (ended ? schedule.endAt : null)
  if (out === null) return null
  const from = Math.max(presence.inAt.getTime(), schedule.startAt.getTime())
  const to = Math.min(out.getTime(), schedule.endAt.getTime())
  return Math.max(0, Math.floor((to - from) / 60_000))
}

/** Hours for display, to one decimal. */
export function hoursOf(minutes: number): number {
  return Math.round((minutes / 60) * 10) / 10
}
