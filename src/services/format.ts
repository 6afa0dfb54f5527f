import { chineseDate, inChina } from '../domain/china-time'

/** "2026年1月8日" for an ISO date from the server; the text as it came when it is not a date. */
export function dateText(value: string | Date | null | undefined): string {
  if (!value) return ''
  const date = value instanceof Date ? value : new Date(value)
  return Number.isNaN(date.getTime()) ? String(value) : chineseDate(date)
}

/** "2026年1月8日 14:05" (China time), for log entries and expiry times. */
export function dateTimeText(value: string | null | undefined): string {
  if (!value) return ''
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? String(value) : `${chineseDate(date)} ${inChina(date).format('HH:mm')}`
}
