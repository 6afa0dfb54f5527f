import type { Cron } from 'croner'
import type { Result } from '../../src/domain/result'
import type { TimerTrigger } from '../../server/function-config/function-config'
import { wechatSchedule } from '../../server/function-config/wechat-cron'
import type { TimerEvent } from '../../server/kernel/timer'
import type { Clock } from './clock'

// The local stand-in for WeChat Cloud's timer triggers: each function's
// trigger (from its config.json) fires on its cron in UTC+8, and can be run
// by hand from /dev/triggers. A run invokes the function as the platform does,
// with the timer event and no caller. Runs of one trigger never overlap: a
// tick that comes while the previous run is still going is skipped and logged.

export interface ScheduledTrigger {
  functionName: string
  trigger: TimerTrigger
}

export interface TriggerRun {
  functionName: string
  triggerName: string
  /** When the run was due (by hand: when it was asked for). */
  time: Date
  by: 'schedule' | 'hand'
  result: Result<unknown> | { ok: false; code: 'SKIPPED_OVERLAP'; message: string }
}

export interface TriggerView extends ScheduledTrigger {
  nextRun: Date | null
  running: boolean
  lastRuns: TriggerRun[]
}

/** Invokes a function with a timer event, the way the platform does (no OPENID). */
export type InvokeTimer = (functionName: string, event: TimerEvent) => Promise<Result<unknown>>

export interface SchedulerOptions {
  triggers: ScheduledTrigger[]
  invoke: InvokeTimer
  clock: Clock
  log?: (line: string) => void
}

const KEPT_RUNS = 20

interface Entry extends ScheduledTrigger {
  schedule: Cron
  nextRun: Date | null
  cancel?: () => void
  running: boolean
  lastRuns: TriggerRun[]
}

/** WeChat's event time: ISO 8601 in UTC to the second, e.g. 2026-03-16T01:00:00Z. */
export function timerEventTime(at: Date): string {
  return at.toISOString().replace(/\.\d{3}Z$/, 'Z')
}

export class TriggerScheduler {
  private readonly entries: Entry[]
  private started = false

  constructor(private readonly options: SchedulerOptions) {
    this.entries = options.triggers.map((t) => ({
      ...t,
      schedule: wechatSchedule(t.trigger.config),
      nextRun: null,
      running: false,
      lastRuns: [],
    }))
  }

  start(): void {
    if (this.started) return
    this.started = true
    for (const entry of this.entries) this.arm(entry, this.options.clock.now())
  }

  stop(): void {
    this.started = false
    for (const entry of this.entries) {
      entry.cancel?.()
      entry.cancel = undefined
      entry.nextRun = null
    }
  }

  list(): TriggerView[] {
    return this.entries.map((e) => ({
      functionName: e.functionName,
      trigger: e.trigger,
      running: e.running,
      lastRuns: [...e.lastRuns],
      // Before start (or after stop) it says when the trigger would run next.
      nextRun: this.started ? e.nextRun : e.schedule.nextRun(this.options.clock.now()),
    }))
  }

  /** Runs a trigger now, as the console's 测试 button does; the schedule is unchanged. */
  async runNow(functionName: string, triggerName: string): Promise<TriggerRun | undefined> {
    const entry = this.entries.find((e) => e.functionName === functionName && e.trigger.name === triggerName)
    if (!entry) return undefined
    return this.run(entry, this.options.clock.now(), 'hand')
  }

  private arm(entry: Entry, after: Date): void {
    entry.nextRun = entry.schedule.nextRun(after)
    if (!entry.nextRun) return
    const due = entry.nextRun
    entry.cancel = this.options.clock.at(due, () => {
      if (!this.started) return
      // Arm the next tick first, from the due time, so a slow run does not shift the schedule.
      this.arm(entry, due)
      return this.run(entry, due, 'schedule')
    })
  }

  private async run(entry: Entry, time: Date, by: TriggerRun['by']): Promise<TriggerRun> {
    const base = { functionName: entry.functionName, triggerName: entry.trigger.name, time, by }
    if (entry.running) {
      return this.record(entry, { ...base, result: { ok: false, code: 'SKIPPED_OVERLAP', message: '上一次运行尚未结束，本次跳过' } })
    }
    entry.running = true
    try {
      const event: TimerEvent = { Type: 'Timer', TriggerName: entry.trigger.name, Time: timerEventTime(time) }
      const result = await this.options.invoke(entry.functionName, event).catch(
        (error: unknown): Result<unknown> => ({ ok: false, code: 'INTERNAL', message: String((error as Error)?.message ?? error) }),
      )
      return this.record(entry, { ...base, result })
    } finally {
      entry.running = false
    }
  }

  private record(entry: Entry, run: TriggerRun): TriggerRun {
    entry.lastRuns.unshift(run)
    entry.lastRuns.length = Math.min(entry.lastRuns.length, KEPT_RUNS)
    const outcome = run.result.ok ? '成功' : `失败 ${run.result.code}：${run.result.message}`
    const how = run.by === 'hand' ? '手动' : '定时'
    this.options.log?.(`[定时触发器] ${run.functionName}/${run.triggerName} ${how}运行 ${timerEventTime(run.time)}：${outcome}`)
    return run
  }
}
