import { inChina } from './china-time'
import type { ReportRate } from './report-rate'

// 002 §四.4: a unit whose report rate is below 95% cannot be rated 年度先进党组织.
// The flag is shown from 12月 of the year (when units are being rated) and for
// past years; before then the rate is still moving and the plain red line says enough.

export const ADVANCED_BARRED_TEXT = '报到率低于95%，不得评为年度先进党组织'

/** The month (1–12, China time) from which the year counts as ending. */
export const YEAR_END_MONTH = 12

export function yearEnded(year: number, now: Date): boolean {
  const today = inChina(now)
  return year < today.year() || (year === today.year() && today.month() + 1 >= YEAR_END_MONTH)
}

export function advancedBarred(rate: ReportRate, year: number, now: Date): boolean {
  return rate.belowThreshold && yearEnded(year, now)
}
