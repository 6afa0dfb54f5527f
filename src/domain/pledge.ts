import { AppError } from './errors'
import { plainText } from './text'

// 一句话承诺 (002 §四.4): each member's one sentence for a year, e.g.
// "每月为社区老人义务理发一次". One line of plain text, short enough to print
// on the card and in the evaluation.

export const PLEDGE_MAX_CHARS = 40
/** The first year the activity ran (西组〔2013〕2号); no pledge is older. */
export const PLEDGE_FIRST_YEAR = 2013

export const pledgeText = plainText('一句话承诺', { max: PLEDGE_MAX_CHARS, required: true })

/** `_id` of the member's pledge for a year (PledgeDoc). */
export function pledgeId(memberId: string, year: number): string {
  return `${memberId}:${year}`
}

/** A pledge may be written for any year up to next year (a member plans ahead in December); closed years are checked against the database. */
export function checkPledgeYear(year: number, currentYear: number): void {
  if (year < PLEDGE_FIRST_YEAR || year > currentYear + 1) throw new AppError('PLEDGE_YEAR_INVALID')
}
