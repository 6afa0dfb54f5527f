import { inChina } from './china-time'
import { chinaDayStart } from './half-year'

// Closing a year (issue 11 §9). The district closes year Y only after
// 12月31日 of Y (China time); the bulletin function's daily timer closes Y−1
// for a district on the date the district set (month and day of year Y,
// 1月31日 unless set). Closing is final: there is no reopening.

export interface CloseDate {
  month: number
  day: number
}

export const DEFAULT_CLOSE_DATE: CloseDate = { month: 1, day: 31 }

// February has 28: a date must exist every year.
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

export function isValidCloseDate(date: CloseDate): boolean {
  const max = DAYS_IN_MONTH[date.month - 1]
  return Number.isInteger(date.month) && Number.isInteger(date.day) && max !== undefined && date.day >= 1 && date.day <= max
}

/** The first instant after 12月31日 of `year`, China time. */
export function yearEndsAt(year: number): Date {
  return chinaDayStart(year + 1, 1, 1)
}

/** May `year` be closed at `now`? Only once it has ended. */
export function canCloseYear(year: number, now: Date): boolean {
  return now.getTime() >= yearEndsAt(year).getTime()
}

/** When the timer closes `year`: the set day of the following year, from its first instant. */
export function autoCloseAt(year: number, date: CloseDate): Date {
  return chinaDayStart(year + 1, date.month, date.day)
}

/** The year the timer would close at `now` (the previous one), and whether its date has come. */
export function autoCloseDue(now: Date, date: CloseDate): { year: number; due: boolean } {
  const year = inChina(now).year() - 1
  return { year, due: now.getTime() >= autoCloseAt(year, date).getTime() }
}

/** "1月31日". */
export function closeDateLabel(date: CloseDate): string {
  return `${date.month}月${date.day}日`
}
