import type { HeaderMerge, TableModel } from '../../src/domain/table-model'

// What both exporters (xlsx.ts, pdf.ts) read off a table model: its column
// count, header merges, column widths and font. Pure, so the two files lay a
// form out alike and a test can check the numbers.

/** Widths in characters (exceljs' unit); a CJK character counts two, as it prints twice as wide. */
export const MIN_WIDTH = 6
export const MAX_WIDTH = 40

export function columnCount(table: TableModel): number {
  const lengths = [...table.header, ...table.rows.slice(0, 50)].map((row) => row.length)
  return Math.max(1, ...lengths, table.layout?.widths?.length ?? 0)
}

/** East Asian wide characters (CJK, full-width forms, CJK punctuation) print two columns wide. */
export function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    code >= 0x20000
  )
}

/** The widest line of `text` in character columns. */
export function displayWidth(text: string): number {
  let widest = 0
  for (const line of text.split('\n')) {
    let width = 0
    for (const ch of line) width += isWide(ch.codePointAt(0)!) ? 2 : 1
    widest = Math.max(widest, width)
  }
  return widest
}

/**
 * The layout's widths when it gives them; otherwise each column's widest text
 * (header and a sample of the body: a long table's first rows say enough),
 * plus a margin, within MIN_WIDTH..MAX_WIDTH; longer text wraps.
 */
export function columnWidths(table: TableModel, sampleRows = 200): number[] {
  const count = columnCount(table)
  const given = table.layout?.widths
  if (given && given.length === count) return [...given]
  const widths = new Array<number>(count).fill(MIN_WIDTH)
  const merged = new Set(headerMerges(table).filter((m) => m.colSpan > 1).map((m) => `${m.row}:${m.col}`))
  const measure = (row: readonly string[], skip?: (c: number) => boolean) =>
    row.forEach((cell, c) => {
      if (c < count && !skip?.(c)) widths[c] = Math.max(widths[c]!, Math.min(MAX_WIDTH, displayWidth(cell ?? '') + 2))
    })
  // A header text spanning several columns is spread over them, not given to the first.
  table.header.forEach((row, r) => measure(row, (c) => merged.has(`${r}:${c}`)))
  for (const row of table.rows.slice(0, sampleRows)) measure(row)
  return widths.map((w, c) => given?.[c] ?? w)
}

export function headerMerges(table: TableModel): HeaderMerge[] {
  return (table.layout?.merges ?? []).filter((m) => m.rowSpan > 1 || m.colSpan > 1)
}

/**
 * The body's merged cells (a grid form such as 附件1), row by row: for each
 * body row, the columns that start a merge and how many columns it spans.
 * Merges across rows are drawn one row at a time (the forms use none).
 */
export function bodySpans(table: TableModel): Map<number, Map<number, number>> {
  const spans = new Map<number, Map<number, number>>()
  for (const m of table.layout?.bodyMerges ?? []) {
    if (m.colSpan <= 1) continue
    for (let r = m.row; r < m.row + m.rowSpan; r++) spans.set(r, (spans.get(r) ?? new Map()).set(m.col, m.colSpan))
  }
  return spans
}

export function fontOf(table: TableModel): '宋体' | '仿宋' {
  return table.layout?.font ?? '宋体'
}

export function orientationOf(table: TableModel): 'portrait' | 'landscape' {
  return table.layout?.orientation ?? (columnCount(table) > 8 ? 'landscape' : 'portrait')
}

/**
 * The form a table is of: its title over its columns. Tables of one form in a
 * row (every member's 附件1, each member's quarterly 服务清单, each 反馈卡)
 * share a sheet in the xlsx and one entry of the PDF's contents.
 */
export function formOf(table: TableModel): string {
  return `${table.title}|${columnCount(table)}`
}
