// How many failed proofs an actor may make before being locked out for a
// while: a typed 联系证号 with a wrong surname or mobile tail at a community
// desk, a card binding whose phone number or 绑定码 does not match. Pure rules;
// server/access/attempt-limit.ts keeps one record per key in `attempts`.

export interface AttemptPolicy {
  maxFailures: number
  windowMs: number
  lockMs: number
}

/** 5 failures within 15 minutes lock the key for 15 minutes. */
export const ATTEMPT_POLICY: AttemptPolicy = { maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 }

export interface AttemptRecord {
  /** Failures still inside the window, oldest first. */
  failures: Date[]
  lockedUntil: Date | null
}

export const NO_ATTEMPTS: AttemptRecord = { failures: [], lockedUntil: null }

/** When the lock ends, or null if the key is not locked now. */
export function lockedUntil(record: AttemptRecord, now: Date): Date | null {
  return record.lockedUntil && record.lockedUntil.getTime() > now.getTime() ? record.lockedUntil : null
}

/**
 * The record after one more failure: failures older than the window are
 * forgotten; the one that reaches the limit locks the key and starts a new count.
 * A success changes nothing, so right answers mixed in do not reset the count.
 */
export function afterFailure(record: AttemptRecord, now: Date, policy: AttemptPolicy = ATTEMPT_POLICY): AttemptRecord {
  const since = now.getTime() - policy.windowMs
  const failures = [...record.failures.filter((f) => f.getTime() > since), now]
  if (failures.length >= policy.maxFailures) return { failures: [], lockedUntil: new Date(now.getTime() + policy.lockMs) }
  return { failures, lockedUntil: lockedUntil(record, now) }
}

/** "15分钟" for the lock message: whole minutes, rounded up. */
export function minutesLeft(until: Date, now: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000))
}
