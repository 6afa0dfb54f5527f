import { z } from 'zod'
import type { Result } from '../../src/domain/result'
import { AppError } from '../../src/domain/errors'
import type { Database } from './database'
import type { ServerEnv } from './function-def'

// A timer trigger invokes its function with this event and no caller: the
// platform sends { Type: 'Timer', TriggerName, Time } and getWXContext() has
// no OPENID. Such a call runs the function's timer handler and nothing else;
// the same event from a signed-in user is ordinary input and names no action.

export const timerEvent = z.object({
  Type: z.literal('Timer'),
  TriggerName: z.string().min(1),
  /** When the run was due, ISO 8601 in UTC, e.g. 2026-03-16T01:00:00Z. */
  Time: z.string().min(1),
  /** SCF's optional trigger payload; WeChat's config.json cannot set one. */
  Message: z.string().optional(),
})
export type TimerEvent = z.output<typeof timerEvent>

export interface TimerContext {
  db: Database
  now: () => Date
  env: ServerEnv
}

/** What a function does when its timer trigger fires. It has no caller to authorise: it acts for the system. */
export type TimerHandler = (event: TimerEvent, ctx: TimerContext) => Promise<unknown>

/** The platform's timer invocation: a timer-shaped event with no OPENID. */
export function asTimerEvent(event: unknown, openid: string): TimerEvent | undefined {
  if (openid) return undefined
  const parsed = timerEvent.safeParse(event)
  return parsed.success ? parsed.data : undefined
}

export async function runTimer(
  fn: { name: string; timer?: TimerHandler },
  event: TimerEvent,
  ctx: TimerContext,
): Promise<Result<unknown>> {
  if (!fn.timer) throw new AppError('NO_TIMER_HANDLER', `云函数 ${fn.name} 没有定时任务`)
  return { ok: true, data: await fn.timer(event, ctx) }
}
