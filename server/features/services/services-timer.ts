import type { TimerContext, TimerEvent } from '../../kernel/timer'
import { prefillRecent } from './prefill-sweep'
import { remindServices, type ServiceRemindReport } from './service-remind'

// The services function's one daily trigger (09:00 China time,
// cloudfunctions/services/config.json): first the lines filled in from what
// was recorded since the last run, so the reminders that follow (and the
// liaison's view, and the hand-in) count them; then the reminders.

export interface ServicesTimerReport extends ServiceRemindReport {
  /** Lines filled in on this run. */
  filled: number
}

export async function servicesTimer(event: TimerEvent, ctx: TimerContext): Promise<ServicesTimerReport> {
  const filled = await prefillRecent(ctx.db, ctx.now())
  return { filled, ...(await remindServices(event, ctx)) }
}
