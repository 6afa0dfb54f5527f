import { inChina } from './china-time'

// A member new to a unit reports to their residence community within one
// month (西组〔2013〕2号 §四.4 新入职的党员，要在1个月内到居住地社区报到).

/** The last moment a member who joined the unit at `joinedAt` may report (31 Jan → 28/29 Feb). */
export function reportDueAt(joinedAt: Date): Date {
  return inChina(joinedAt).add(1, 'month').endOf('day').toDate()
}

export function isReportOverdue(joinedAt: Date, reportedAt: Date | null, now: Date): boolean {
  return reportedAt === null && now.getTime() > reportDueAt(joinedAt).getTime()
}

/**
 * The moment before which joining the unit makes a not-yet-reported member
 * overdue at `now`: isReportOverdue(j, null, now) ⇔ j < overdueIfJoinedBefore(now).
 * Lets a count query find the overdue members. Whether a join is overdue
 * depends only on its China day, and later days are due later, so the answer
 * is the start of the first China day that is not yet overdue.
 */
export function overdueIfJoinedBefore(now: Date): Date {
  const overdue = (day: ReturnType<typeof inChina>) => isReportOverdue(day.toDate(), null, now)
  let day = inChina(now).startOf('day').subtract(1, 'month')
  while (overdue(day)) day = day.add(1, 'day')
  while (!overdue(day.subtract(1, 'day'))) day = day.subtract(1, 'day')
  return day.toDate()
}
