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
