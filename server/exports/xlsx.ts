import type { Writable } from 'node:stream'
import ExcelJS from 'exceljs'
import { AppError } from '../../src/domain/errors'
import type { TableModel } from '../../src/domain/table-model'
import { columnCount, columnWidths, fontOf, headerMerges, orientationOf } from './table-geometry'

// TableModel → .xlsx in the form's own layout: the title row merged across and
// larger, the subtitle, the header rows with their merges (bold, bordered),
// the body, the footer lines; column widths, wrap text, A4 with the layout's
// orientation fitted to the page width, the header rows repeated on every
// printed page, the print area. Written with exceljs' streaming writer: each
// row is committed as it is written, so a 2,000-member table never sits whole
// in memory as cells. One worksheet per table.

const THIN = { style: 'thin' as const }
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN }
/** Excel's paperSize code for A4. */
const A4 = 9
const SHEET_NAME_MAX = 31

/** A worksheet name Excel accepts: no []:*?/\, at most 31 characters, unique in the book. */
export function sheetName(title: string, taken: Set<string>): string {
  const base = title.replace(/[[\]:*?/\\]/g, '').trim().slice(0, SHEET_NAME_MAX) || '表'
  let name = base
  for (let i = 2; taken.has(name); i++) name = `${base.slice(0, SHEET_NAME_MAX - String(i).length - 1)}-${i}`
  taken.add(name)
  return name
}

/** The rows a table takes in its sheet, 1-based: what a test or the print area names. */
export function sheetRows(table: TableModel) {
  const header = { first: 3, last: 2 + table.header.length }
  const body = { first: header.last + 1, last: header.last + table.rows.length }
  const footer = { first: body.last + 1, last: body.last + (table.layout?.footer?.length ?? 0) }
  return { title: 1, subtitle: 2, header, body, footer }
}

function addTable(book: ExcelJS.stream.xlsx.WorkbookWriter, table: TableModel, taken: Set<string>): void {
  const cols = columnCount(table)
  const rows = sheetRows(table)
  const fontName = fontOf(table)
  const lastColumn = columnLetter(cols)
  const sheet = book.addWorksheet(sheetName(table.title, taken), {
    pageSetup: {
      paperSize: A4,
      orientation: orientationOf(table),
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      printArea: `A1:${lastColumn}${Math.max(rows.footer.last, rows.body.last, rows.header.last)}`,
      printTitlesRow: table.header.length > 0 ? `${rows.header.first}:${rows.header.last}` : undefined,
    },
    headerFooter: { oddFooter: '第 &P 页，共 &N 页' },
  })
  sheet.columns = columnWidths(table).map((width) => ({ width }))

  const put = (values: readonly string[], style: { bold?: boolean; size?: number; border?: boolean; align?: 'center' | 'left' }) => {
    const row = sheet.addRow([...values])
    for (let c = 1; c <= cols; c++) {
      const cell = row.getCell(c)
      cell.font = { name: fontName, size: style.size ?? 11, bold: style.bold ?? false }
      cell.alignment = { wrapText: true, vertical: 'middle', horizontal: style.align ?? 'left' }
      if (style.border) cell.border = BORDER
    }
    return row
  }

  put([table.title], { bold: true, size: 18, align: 'center' }).height = 30
  sheet.mergeCells(1, 1, 1, cols)
  put([table.subtitle], { size: 11, align: 'center' })
  sheet.mergeCells(2, 1, 2, cols)
  for (const header of table.header) put(header, { bold: true, border: true, align: 'center' })
  for (const merge of headerMerges(table)) {
    const top = rows.header.first + merge.row
    sheet.mergeCells(top, merge.col + 1, top + merge.rowSpan - 1, merge.col + merge.colSpan)
  }
  // Rows are committed as they go: the streaming writer then forgets them (merges are kept by the sheet).
  for (const m of table.layout?.bodyMerges ?? []) {
    const top = rows.body.first + m.row
    if (m.rowSpan > 1 || m.colSpan > 1) sheet.mergeCells(top, m.col + 1, top + m.rowSpan - 1, m.col + m.colSpan)
  }
  for (const line of table.rows) put(line, { border: true }).commit()
  for (const line of table.layout?.footer ?? []) {
    const row = put(line, { border: line.length >= cols })
    // A footer line shorter than the table (填表人：… 填表日期：…) runs across the rest of the row.
    if (line.length > 0 && line.length < cols) sheet.mergeCells(row.number, line.length, row.number, cols)
    row.commit()
  }
  sheet.commit()
}

export function columnLetter(n: number): string {
  let s = ''
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s
  return s
}

/**
 * Writes `tables` as one workbook to `out`, one sheet each, as they arrive;
 * resolves when the file is complete. Tables that hold no row at all are
 * EXPORT_EMPTY (the caller discards what was written).
 */
export async function writeXlsx(tables: AsyncIterable<TableModel> | Iterable<TableModel>, out: Writable): Promise<number> {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false })
  book.creator = '双报到'
  const taken = new Set<string>()
  let count = 0
  let rows = 0
  for await (const table of tables) {
    addTable(book, table, taken)
    count++
    rows += table.rows.length
  }
  if (rows === 0) throw new AppError('EXPORT_EMPTY')
  await book.commit()
  return count
}
