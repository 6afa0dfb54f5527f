import dayjs, { type Dayjs } from 'dayjs'
import utc from 'dayjs/plugin/utc'

dayjs.extend(utc)

// Dates on the forms are China's dates, whatever zone the server runs in.
const CHINA_OFFSET_MINUTES = 8 * 60

export function inChina(date: Date): Dayjs {
  return dayjs(date).utcOffset(CHINA_OFFSET_MINUTES)
}

/** "2026年11月22日", as the receipt and the tables print dates. */
export function chineseDate(date: Date): string {
  return inChina(date).format('YYYY年M月D日')
}
