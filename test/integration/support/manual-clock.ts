import type { Clock } from '../../../local/triggers/clock'

/**
 * A clock tests move by hand. `advanceTo` fires every call that falls due on
 * the way, in time order, each at its own instant, and waits for the work
 * each one returns before going on, so a test asserts after the move.
 */
export class ManualClock implements Clock {
  private timers: Array<{ at: number; fire: () => unknown; seq: number }> = []
  private seq = 0

  constructor(private current: Date) {}

  now(): Date {
    return new Date(this.current.getTime())
  }

  at(at: Date, fire: () => unknown): () => void {
    const timer = { at: at.getTime(), fire, seq: this.seq++ }
    this.timers.push(timer)
    return () => {
      this.timers = this.timers.filter((t) => t !== timer)
    }
  }

  async advanceTo(target: Date): Promise<void> {
    for (;;) {
      const due = this.timers.filter((t) => t.at <= target.getTime()).sort((a, b) => a.at - b.at || a.seq - b.seq)[0]
      if (!due) break
      this.timers = this.timers.filter((t) => t !== due)
      this.current = new Date(Math.max(due.at, this.current.getTime()))
      await due.fire()
    }
    this.current = target
  }
}
