import { z } from 'zod'
import { inChina } from './china-time'

// 出生年月 and 入党时间 are months on the forms: "1985-07".
const PATTERN = /^(19|20)\d{2}-(0[1-9]|1[0-2])$/

export const yearMonth = (label: string) => z.string().trim().regex(PATTERN, `${label}应为“年-月”格式，如 1985-07`)

/** Accepts 1985-07, 1985-7, 1985.07, 1985/07, 1985年7月 and Excel dates; returns "YYYY-MM" or the input unchanged. */
export function normalizeYearMonth(value: unknown): unknown {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return yearMonthOf(value)
  if (typeof value !== 'string') return value
  const m = /^\s*(\d{4})\s*[-./年]\s*(\d{1,2})\s*月?(?:\s*[-./]?\s*\d{1,2}\s*日?)?\s*$/.exec(value)
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}` : value.trim()
}

/** "YYYY-MM" of a date, in China's time zone. */
export function yearMonthOf(date: Date): string {
  return inChina(date).format('YYYY-MM')
}
