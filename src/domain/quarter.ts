import { inChina } from './china-time'

// Quarters and half-years of the China calendar. The member's 服务清单 is
// handed in by quarter (000 §二.(二)); the unit's bulletin is half-yearly
// (002 §四.3). Every feature of issue 11 names a period the same way.

export type Quarter = 1 | 2 | 3 | 4
export type Half = 1 | 2

export interface QuarterRef {
  year: number
  quarter: Quarter
}

/** The quarter a moment falls in, in China time. */
export function quarterOf(date: Date): QuarterRef {
  const d = inChina(date)
  return { year: d.year(), quarter: (Math.floor(d.month() / 3) + 1) as Quarter }
}

/** "2026Q3": ids and keys. */
export function quarterKey(ref: QuarterRef): string {
  return `${ref.year}Q${ref.quarter}`
}

/** "2026年第三季度", as the forms print it. */
export function quarterLabel(ref: QuarterRef): string {
  return `${ref.year}年第${'一二三四'[ref.quarter - 1]}季度`
}

/** The first instant of the quarter and the first instant after it, in China time. */
export function quarterRange(ref: QuarterRef): { from: Date; to: Date } {
  const from = inChina(new Date(Date.UTC(ref.year, 0, 1) - 8 * 3600_000)).add((ref.quarter - 1) * 3, 'month')
  return { from: from.toDate(), to: from.add(3, 'month').toDate() }
}

/** Has the quarter ended at `now`? Only an ended quarter is handed in. */
export function quarterEnded(ref: QuarterRef, now: Date): boolean {
  return now.getTime() >= quarterRange(ref).to.getTime()
}

export function halfOf(date: Date): { year: number; half: Half } {
  const d = inChina(date)
  return { year: d.year(), half: d.month() < 6 ? 1 : 2 }
}

/** "2026年上半年" / "2026年下半年". */
export function halfLabel(year: number, half: Half): string {
  return `${year}年${half === 1 ? '上' : '下'}半年`
}

/** The quarters of a half-year. */
export function quartersOfHalf(half: Half): Quarter[] {
  return half === 1 ? [1, 2] : [3, 4]
}
