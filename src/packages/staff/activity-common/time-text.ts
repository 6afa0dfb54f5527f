import { inChina } from '../../../domain/china-time'

// Times on the organiser's forms are typed as China wall-clock text,
// "2026-05-10 09:00", and sent as full ISO times with +08:00.

export const TIME_HINT = '如 2026-05-10 09:00（北京时间）'
const TIME_FORMAT = 'YYYY-MM-DD HH:mm'
const TIME_TEXT = /^(\d{4})-(\d{1,2})-(\d{1,2})\s+(\d{1,2}):(\d{2})$/

/** An ISO time from the server as the form shows it; '' for none. */
export function timeText(iso: string | null | undefined): string {
  return iso ? inChina(new Date(iso)).format(TIME_FORMAT) : ''
}

/** "2026-05-10 09:00" in China → "2026-05-10T09:00:00+08:00"; null when blank; undefined when not a time. */
export function chinaTime(text: string): string | null | undefined {
  const trimmed = text.trim()
  if (!trimmed) return null
  const m = TIME_TEXT.exec(trimmed)
  if (!m) return undefined
  const [, y, mo, d, h, mi] = m
  const pad = (s: string) => s.padStart(2, '0')
  const iso = `${y}-${pad(mo!)}-${pad(d!)}T${pad(h!)}:${mi}:00+08:00`
  // Rejects 2026-02-30 and 25:00, which Date would roll over.
  return timeText(iso) === `${y}-${pad(mo!)}-${pad(d!)} ${pad(h!)}:${mi}` ? iso : undefined
}

/** The message for a time field that is not in the form's shape. */
export function timeFormatMessage(label: string): string {
  return `${label}请按“2026-05-10 09:00”的格式填写`
}

/** Credited minutes as the organiser reads them: "2小时30分", "45分钟", "0分钟". */
export function minutesText(minutes: number): string {
  const hours = Math.floor(minutes / 60)
  const rest = minutes % 60
  if (hours === 0) return `${rest}分钟`
  return rest === 0 ? `${hours}小时` : `${hours}小时${rest}分`
}
