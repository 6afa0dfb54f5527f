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

/** "2026年5月10日 09:00–11:00" (China time); both ends in full when they fall on different days. */
export function timeRangeText(start: string, end: string): string {
  const from = new Date(start)
  const to = new Date(end)
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime())) return `${start}–${end}`
  const sameDay = chineseDate(from) === chineseDate(to)
  return `${dateTimeText(start)}–${sameDay ? inChina(to).format('HH:mm') : dateTimeText(end)}`
}
