import { inChina } from './china-time'
import type { Half } from './quarter'

// The half-year windows of the unit's 每半年通报 (002 §四.3), in China time.
// A bulletin describes the half as it stood at its end (or now, while the
// half is under way); it may be submitted from the half's last month on, so a
// unit reports in June and December as the half closes, and later too.

export interface HalfRef {
  year: number
  half: Half
}

const CHINA_OFFSET_MS = 8 * 3600_000

/** The first instant of a China calendar day (month 1–12). */
export function chinaDayStart(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day) - CHINA_OFFSET_MS)
}

/** "2026H1": ids and keys. */
export function halfKey(ref: HalfRef): string {
  return `${ref.year}H${ref.half}`
}

/** The first instant of the half and the first instant after it. */
export function halfRange(ref: HalfRef): { from: Date; to: Date } {
  return ref.half === 1
    ? { from: chinaDayStart(ref.year, 1, 1), to: chinaDayStart(ref.year, 7, 1) }
    : { from: chinaDayStart(ref.year, 7, 1), to: chinaDayStart(ref.year + 1, 1, 1) }
}

/** When submitting opens: the first day of the half's last month (6月1日 / 12月1日). */
export function submitOpensAt(ref: HalfRef): Date {
  return chinaDayStart(ref.year, ref.half === 1 ? 6 : 12, 1)
}

/** May the half's bulletin be submitted (or the district's published) at `now`? */
export function submitOpen(ref: HalfRef, now: Date): boolean {
  return now.getTime() >= submitOpensAt(ref).getTime()
}

/** Has the half ended at `now`? */
export function halfEnded(ref: HalfRef, now: Date): boolean {
  return now.getTime() >= halfRange(ref).to.getTime()
}

/** The moment the figures describe: the half's end, or `now` while the half is under way. */
export function figuresAsOf(ref: HalfRef, now: Date): Date {
  const end = halfRange(ref).to
  return now.getTime() < end.getTime() ? now : end
}

/** The half `now` falls in and the `count - 1` before it, newest first: the halves a page offers. */
export function recentHalves(now: Date, count: number): HalfRef[] {
  const d = inChina(now)
  let ref: HalfRef = { year: d.year(), half: d.month() < 6 ? 1 : 2 }
  const list: HalfRef[] = []
  for (let i = 0; i < count; i++) {
    list.push(ref)
    ref = ref.half === 2 ? { year: ref.year, half: 1 } : { year: ref.year - 1, half: 2 }
  }
  return list
}

/** Days before the half's end when the unit's secretary is reminded to submit (the last week). */
export const REMIND_DAYS_BEFORE_END = 7

/** The half whose last week `now` is in (June 24–30, December 25–31), or null. */
export function halfInLastWeek(now: Date): HalfRef | null {
  const d = inChina(now)
  const ref: HalfRef = { year: d.year(), half: d.month() < 6 ? 1 : 2 }
  const left = halfRange(ref).to.getTime() - now.getTime()
  return left > 0 && left <= REMIND_DAYS_BEFORE_END * 86_400_000 ? ref : null
}
