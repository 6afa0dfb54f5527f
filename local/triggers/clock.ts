// What the trigger scheduler needs of time, so that tests move a clock instead
// of waiting: the current instant, and a call at a given instant.

export interface Clock {
  now(): Date
  /**
   * Calls `fire` at `at` (at once if it is past); returns a cancel function.
   * `fire` may return the work it started, for a test clock to wait on.
   */
  at(at: Date, fire: () => unknown): () => void
}

// Node's timers overflow past 2^31-1 ms (about 24.8 days): a later instant is
// reached in hops.
const LONGEST_TIMEOUT_MS = 2 ** 31 - 1

export const systemClock: Clock = {
  now: () => new Date(),
  at(at, fire) {
    let handle: NodeJS.Timeout
    const arm = () => {
      const wait = at.getTime() - Date.now()
      handle = wait > LONGEST_TIMEOUT_MS ? setTimeout(arm, LONGEST_TIMEOUT_MS) : setTimeout(fire, Math.max(0, wait))
      // A pending trigger does not keep the process alive on its own.
      handle.unref()
    }
    arm()
    return () => clearTimeout(handle)
  },
}
