import { inChina } from './china-time'
import { AppError } from './errors'
import { quarterEnded, quarterOf, quarterRange, type Quarter, type QuarterRef } from './quarter'

// The member's 服务清单 (000 §二.(二)) and its quarterly hand-in: what may be
// written, when a quarter may be handed in, and when to remind. Pure: the
// handlers load the facts, ask here, and write what the answer says.

export const SERVICE_KINDS = ['community', 'unit', 'pairing', 'need', 'own'] as const
export type ServiceKindName = (typeof SERVICE_KINDS)[number]

export const SERVICE_KIND_LABELS: Record<ServiceKindName, string> = {
  community: '社区组织的活动',
  unit: '单位组织的结对社区活动',
  pairing: '结对帮扶',
  need: '需求服务',
  own: '个人主动服务',
}

/** Hours are written in half hours; no member serves more than a day in a day. */
export const HOURS_STEP = 0.5
export const MAX_HOURS_PER_DAY = 24
/** Reminders: the liaison collects in the quarter's last days; a quarter is late this long after its end; staff confirm within this. */
export const COLLECT_REMINDER_DAYS = 7
export const LATE_AFTER_DAYS = 15
export const CONFIRM_WITHIN_DAYS = 7
/** The fourth quarter may be handed in before it ends, from this day of December (the 反馈卡 is due 12月20日). */
export const EARLY_Q4_HANDIN_DAY = 1
/** No entry is dated before the first day of the year before the current one. */
export const EARLIEST_YEARS_BACK = 1

const DAY_MS = 24 * 3600_000

export type EntryStatus = 'draft' | 'returned' | 'handedIn' | 'confirmed'
/** One quarter of a unit's hand-in to a community. */
export type QuarterHandInStatus = 'handedIn' | 'returned' | 'confirmed'

/** The China day of a moment, as its first instant (entries are filed by day). */
export function serviceDay(date: Date): Date {
  return inChina(date).startOf('day').toDate()
}

export function isHalfHourStep(hours: number): boolean {
  return Number.isFinite(hours) && Math.abs(hours / HOURS_STEP - Math.round(hours / HOURS_STEP)) < 1e-9
}

/** Hours from credited minutes, to the nearest half hour (at least half an hour when anything was credited). */
export function hoursFromMinutes(minutes: number): number {
  if (minutes <= 0) return 0
  return Math.max(HOURS_STEP, Math.round(minutes / 60 / HOURS_STEP) * HOURS_STEP)
}

/** Any hours (a need's completion) rounded to the step, at least one step. */
export function roundHours(hours: number): number {
  return Math.max(HOURS_STEP, Math.round(hours / HOURS_STEP) * HOURS_STEP)
}

export interface EntryFacts {
  date: Date
  hours: number
  now: Date
  /** Hours of the member's other entries on the same China day (not this one). */
  otherHoursThatDay: number
  /** The state of each quarter of the entry's year at the member's community, as handed in by their unit. */
  quarterStates: Partial<Record<Quarter, QuarterHandInStatus>>
  /** Each handed-in quarter's last hand-in day (absent: the whole quarter is covered). */
  lockedThrough?: LockedThrough
  /** The day the member reported to their community: nothing is dated before it. */
  reportedAt?: Date | null
}

export type LockedThrough = Partial<Record<Quarter, Date>>

export interface EntryPlan {
  date: Date
  year: number
  quarter: Quarter
  hours: number
}

/** Is the quarter closed to the member's writes (handed in or confirmed; a returned quarter is open again)? */
export function quarterLocked(state: QuarterHandInStatus | undefined): boolean {
  return state === 'handedIn' || state === 'confirmed'
}

/**
 * Is an entry dated `date` closed to writes? When its quarter is handed in (or
 * confirmed) and the date is on or before the quarter's last hand-in day: the
 * fourth quarter may be handed in early, and what is dated after that day is
 * still written and handed in afterwards.
 */
export function dateLocked(date: Date, states: Partial<Record<Quarter, QuarterHandInStatus>>, through: LockedThrough = {}): boolean {
  const day = serviceDay(date)
  const { quarter } = quarterOf(day)
  if (!quarterLocked(states[quarter])) return false
  const last = through[quarter]
  return !last || day.getTime() <= serviceDay(last).getTime()
}

/** The first day an entry may be dated at `now`: the first day of the previous year. */
export function earliestEntryDay(now: Date): Date {
  return inChina(now).startOf('year').subtract(EARLIEST_YEARS_BACK, 'year').toDate()
}

/** The rule for a new or edited entry: the day it is filed under, or the refusal. */
export function planEntry(facts: EntryFacts): EntryPlan {
  const date = serviceDay(facts.date)
  if (date.getTime() > serviceDay(facts.now).getTime()) throw new AppError('SERVICE_DATE_FUTURE')
  if (date.getTime() < earliestEntryDay(facts.now).getTime()) throw new AppError('SERVICE_DATE_TOO_EARLY', `服务日期不能早于${inChina(earliestEntryDay(facts.now)).format('YYYY年M月D日')}`)
  if (facts.reportedAt && date.getTime() < serviceDay(facts.reportedAt).getTime()) throw new AppError('SERVICE_DATE_TOO_EARLY', `服务日期不能早于您到社区报到的日期（${inChina(facts.reportedAt).format('YYYY年M月D日')}）`)
  const ref = quarterOf(date)
  if (dateLocked(date, facts.quarterStates, facts.lockedThrough)) throw new AppError('SERVICE_QUARTER_HANDED_IN')
  if (!(facts.hours > 0) || !isHalfHourStep(facts.hours)) throw new AppError('SERVICE_HOURS_INVALID')
  if (facts.otherHoursThatDay + facts.hours > MAX_HOURS_PER_DAY) {
    throw new AppError('SERVICE_DAY_OVER_24', `同一天的服务时长合计不能超过${MAX_HOURS_PER_DAY}小时（当天已填${facts.otherHoursThatDay}小时）`)
  }
  return { date, year: ref.year, quarter: ref.quarter, hours: facts.hours }
}

export interface PrefilledLine {
  source: 'attendance' | 'need' | 'visit'
  date: Date
  kind: ServiceKindName
  hours: number
  place: string
  content: string
}

/**
 * What the member may change on a line the system filled in: an activity's or
 * a need's date, kind and hours are recorded facts, so only its place, content
 * and photo; a visit records no duration, so its hours alone.
 */
export function assertPrefilledEdit(before: PrefilledLine, after: Omit<PrefilledLine, 'source'>): void {
  const sameDay = serviceDay(after.date).getTime() === serviceDay(before.date).getTime()
  if (before.source === 'visit') {
    if (!sameDay || after.kind !== before.kind || after.place !== before.place || after.content !== before.content) {
      throw new AppError('SERVICE_ENTRY_PREFILLED', '结对帮扶走访带入的记录只能修改服务时长')
    }
    return
  }
  if (!sameDay || after.kind !== before.kind || after.hours !== before.hours) {
    throw new AppError('SERVICE_ENTRY_PREFILLED', '活动签到和需求服务带入的记录，日期、类别和时长不能修改')
  }
}

/** The member may change or remove only what has not been handed in. */
export function assertEditable(status: EntryStatus): void {
  if (status === 'handedIn' || status === 'confirmed') throw new AppError('SERVICE_ENTRY_LOCKED')
}

export interface HandInFacts {
  year: number
  quarters: readonly Quarter[]
  now: Date
  quarterStates: Partial<Record<Quarter, QuarterHandInStatus>>
  /** Each handed-in quarter's last hand-in day (absent: the whole quarter). */
  lockedThrough?: LockedThrough
  /** Entries of those quarters sent back to their members and not yet fixed. */
  unfixedReturns: number
}

/**
 * The last day a hand-in of the quarter at `now` covers, or null when it may
 * not be handed in yet: an ended quarter is covered whole; the fourth quarter
 * from 12月{EARLY_Q4_HANDIN_DAY}日 up to the hand-in day.
 */
export function handInCover(ref: QuarterRef, now: Date): Date | null {
  const end = quarterRange(ref).to
  if (quarterEnded(ref, now)) return inChina(end).subtract(1, 'day').toDate()
  const earlyFrom = inChina(end).subtract(1, 'month').add(EARLY_Q4_HANDIN_DAY - 1, 'day').toDate()
  return ref.quarter === 4 && now.getTime() >= earlyFrom.getTime() ? serviceDay(now) : null
}

/** The quarters to hand in, in order; refused while one may not be handed in yet, is handed in up to today already, or holds an entry still being fixed. */
export function planHandIn(facts: HandInFacts): Quarter[] {
  const quarters = [...new Set(facts.quarters)].sort()
  if (quarters.length === 0) throw new AppError('VALIDATION_FAILED', '请选择要上交的季度')
  for (const quarter of quarters) {
    const cover = handInCover({ year: facts.year, quarter }, facts.now)
    if (!cover) {
      const early = quarter === 4 ? `，第四季度可从12月${EARLY_Q4_HANDIN_DAY}日起提前上交` : ''
      throw new AppError('SERVICE_QUARTER_NOT_ENDED', `${facts.year}年第${quarter}季度还没有结束，季度结束后才能上交${early}`)
    }
    const last = facts.lockedThrough?.[quarter]
    if (quarterLocked(facts.quarterStates[quarter]) && (!last || serviceDay(last).getTime() >= cover.getTime())) {
      throw new AppError('SERVICE_QUARTER_HANDED_IN', `${facts.year}年第${quarter}季度的服务清单已上交，不能重复上交`)
    }
  }
  if (facts.unfixedReturns > 0) throw new AppError('SERVICE_RETURNS_PENDING', `还有 ${facts.unfixedReturns} 条退回党员修改的记录没有改好，改好后再上交`)
  return quarters as Quarter[]
}

/** "已上交至12月5日": a quarter handed in early, up to its last hand-in day. */
export function handedInThroughLabel(through: Date | string): string {
  return `已上交至${inChina(new Date(through)).format('M月D日')}`
}

/** A new request id for a form (a save retried with it writes once). */
export function newRequestId(random: () => number = Math.random, now = Date.now()): string {
  return `${now.toString(36)}${Math.floor(random() * 36 ** 8).toString(36).padStart(8, '0')}`
}

/** The overall state of a hand-in from its quarters: waiting while any quarter waits for the community. */
export function handInStatus(states: Partial<Record<Quarter, QuarterHandInStatus>>): 'waiting' | 'returned' | 'confirmed' {
  const values = Object.values(states)
  if (values.includes('handedIn')) return 'waiting'
  if (values.includes('returned')) return 'returned'
  return 'confirmed'
}

// ---- reminders --------------------------------------------------------------

/** The quarter whose last days `now` is in (liaisons collect), or null. */
export function collectingQuarter(now: Date): QuarterRef | null {
  const ref = quarterOf(now)
  const left = quarterRange(ref).to.getTime() - now.getTime()
  return left > 0 && left <= COLLECT_REMINDER_DAYS * DAY_MS ? ref : null
}

/** The quarter before `now`'s, once it is LATE_AFTER_DAYS past its end (not handed in by then: late), else null. */
export function lateQuarter(now: Date): QuarterRef | null {
  const current = quarterOf(now)
  const previous: QuarterRef = current.quarter === 1 ? { year: current.year - 1, quarter: 4 } : { year: current.year, quarter: (current.quarter - 1) as Quarter }
  return now.getTime() >= quarterRange(previous).to.getTime() + LATE_AFTER_DAYS * DAY_MS ? previous : null
}

/** Hand-ins waiting since before this have waited too long for the community. */
export function confirmOverdueBefore(now: Date): Date {
  return new Date(now.getTime() - CONFIRM_WITHIN_DAYS * DAY_MS)
}
