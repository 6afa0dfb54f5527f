import { inChina } from '../../../src/domain/china-time'

// 000 §一.(六): the community fills a 反馈卡 for each member by 12月20日. From
// 12月1日 staff see the cards still missing and the timer reminds them daily
// until the 20th; after it, what is missing stays visible (it is late).

export const CARDS_DUE = { fromMonth: 12, fromDay: 1, byMonth: 12, byDay: 20 } as const

/** The 20th of December of `year`, 23:59:59 China time (ISO). */
export function dueDateOf(year: number): Date {
  return new Date(Date.UTC(year, CARDS_DUE.byMonth - 1, CARDS_DUE.byDay, 23, 59, 59) - 8 * 3600_000)
}

export function cardsDue(year: number, now: Date): { showMissing: boolean; dueDate: string } {
  const from = new Date(Date.UTC(year, CARDS_DUE.fromMonth - 1, CARDS_DUE.fromDay) - 8 * 3600_000)
  return { showMissing: now.getTime() >= from.getTime(), dueDate: dueDateOf(year).toISOString() }
}

/** Is `now` a reminder day: 12-01 to 12-20 (China dates)? Returns the year when it is. */
export function reminderDay(now: Date): { year: number; day: string } | null {
  const today = inChina(now)
  const month = today.month() + 1
  const day = today.date()
  if (month !== CARDS_DUE.fromMonth || day < CARDS_DUE.fromDay || day > CARDS_DUE.byDay) return null
  return { year: today.year(), day: today.format('YYYY-MM-DD') }
}
