import { inChina } from '../../../src/domain/china-time'
import { EDUCATIONS } from '../../../src/domain/member'

// Cell values as people type them in Excel, turned into what the member
// schema expects. Only unambiguous spellings are mapped; anything else is left
// for the schema to reject with its own message.

export function cellText(value: unknown): string {
  if (value instanceof Date) return inChina(value).format('YYYY-MM-DD')
  if (value === null || value === undefined) return ''
  return String(value).replace(/\u3000/g, ' ').trim()
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30)

/**
 * 出生年月 / 入党时间: a typed "1985.07" that Excel stored as the number 1985.07
 * (or 1985.1 for October, the trailing 0 lost), 198507, an Excel date, or text.
 * Dates and text go on to the schema's normaliser.
 */
export function cellMonth(value: unknown): unknown {
  if (typeof value !== 'number' || !Number.isFinite(value)) return value instanceof Date ? value : cellText(value)
  if (Number.isInteger(value) && value >= 190001 && value <= 210012) return `${Math.floor(value / 100)}-${String(value % 100).padStart(2, '0')}`
  if (!Number.isInteger(value) && value >= 1900 && value < 2101) {
    const year = Math.floor(value)
    return `${year}-${String(Math.round((value - year) * 100)).padStart(2, '0')}`
  }
  // A date cell whose number format was lost: days since 1899-12-30.
  if (value > 2101 && value < 80000) return new Date(EXCEL_EPOCH_MS + Math.round(value) * 86_400_000 + 12 * 3_600_000)
  return String(value)
}

/** 手机: "138 1234 5678" and "138-1234-5678" are the same number. */
export function cellMobile(value: unknown): string {
  return cellText(value).replace(/[\s-]/g, '')
}

export function cellGender(value: unknown): string {
  const text = cellText(value)
  return text === '男性' ? '男' : text === '女性' ? '女' : text
}

const EDUCATION_ALIASES: Record<string, (typeof EDUCATIONS)[number]> = {
  博士: '博士研究生',
  研究生: '硕士研究生',
  硕士: '硕士研究生',
  本科: '大学本科',
  大学: '大学本科',
  大本: '大学本科',
  专科: '大学专科',
  大专: '大学专科',
  中技: '中专',
  职高: '高中',
  初中: '初中及以下',
  小学: '初中及以下',
}

export function cellEducation(value: unknown): string {
  const text = cellText(value).replace(/\s+/g, '')
  return EDUCATION_ALIASES[text] ?? text
}
