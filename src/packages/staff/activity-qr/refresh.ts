// When the display fetches its next sign-in code. The server says how long
// the code has left by its own clock (refreshAt − serverNow); the phone only
// measures the time since the answer came, so a phone whose clock is set
// wrong still changes codes in step with the server.

export interface ShownCode {
  serverNow: string
  refreshAt: string
  expiresAt: string
}

function span(from: string, to: string): number {
  return Date.parse(to) - Date.parse(from)
}

/** Milliseconds until the next code should be fetched; `receivedAt` and `now` are the phone's stopwatch. */
export function msUntilRefresh(code: ShownCode, receivedAt: number, now: number): number {
  return Math.max(0, span(code.serverNow, code.refreshAt) - Math.max(0, now - receivedAt))
}

/** The shown code is no longer accepted by the server (the refresh failed for too long). */
export function isExpired(code: ShownCode, receivedAt: number, now: number): boolean {
  return now - receivedAt >= span(code.serverNow, code.expiresAt)
}

/** Whole seconds left on the countdown, rounded up: "15" right after a fetch, "1" just before the next. */
export function secondsLeft(code: ShownCode, receivedAt: number, now: number): number {
  return Math.ceil(msUntilRefresh(code, receivedAt, now) / 1000)
}
