import type { Writable } from 'node:stream'
import { setImmediate as nextTurn } from 'node:timers/promises'
import ExcelJS from 'exceljs'
import { AppError } from '../../src/domain/errors'
import type { HeaderMerge, TableModel } from '../../src/domain/table-model'
import { columnCount, columnWidths, fontOf, formOf, headerMerges, orientationOf } from './table-geometry'

// TableModel → .xlsx in the form's own layout: the title row merged across and
// larger, the subtitle, the header rows with their merges (bold, bordered),
// the body, the footer lines; column widths, wrap text, A4 with the layout's
// orientation fitted to the page width, the print area.
//
// One worksheet per form. A run of tables of the same form (2,000 members'
// 附件1, 8,000 quarterly 服务清单) is one sheet with the forms one below the
// other, a page break before each — up to MAX_FORMS_PER_SHEET, then the run
// goes on in the next sheet: it prints one form per sheet of paper, and opens
// in Excel as a few sheets rather than thousands. A sheet holding a single
// table repeats its header rows on every printed page.
//
// Streamed with exceljs' writer: each row is committed as it is written, and
// the writer is given a turn of the event loop after each table so the zip
// behind it drains to `out` (otherwise a whole category's XML waits in memory).

const THIN = { style: 'thin' as const }
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN }
/** Excel's paperSize code for A4. */
const A4 = 9
const SHEET_NAME_MAX = 31
/**
 * Forms a sheet holds before the run goes on in the next one (表名-2, …):
 * Excel takes at most 1,026 manual page breaks in a sheet, and exceljs checks
 * each merge against every earlier one in the sheet.
 */
export const MAX_FORMS_PER_SHEET = 1000

/** A worksheet name Excel accepts: no []:*?/\, at most 31 characters, unique in the book. */
export function sheetName(title: string, taken: Set<string>): string {
  const base = title.replace(/[[\]:*?/\\]/g, '').trim().slice(0, SHEET_NAME_MAX) || '表'
  let name = base
  for (let i = 2; taken.has(name); i++) name = `${base.slice(0, SHEET_NAME_MAX - String(i).length - 1)}-${i}`
  taken.add(name)
  return name
}

export function columnLetter(n: number): string {
  let s = ''
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s
  return s
}

interface Style {
  bold?: boolean
  size?: number
  border?: boolean
  align?: 'center' | 'left'
  height?: number
}

const across = (cols: number, from = 0): HeaderMerge => ({ row: 0, col: from, rowSpan: 1, colSpan: cols - from })

/** One worksheet holding one form: a table, or a run of tables of that form one below the other. */
class FormSheet {
  /** formOf() of its tables. */
  readonly form: string
  private readonly sheet: ExcelJS.Worksheet
  private readonly cols: number
  private readonly fontName: string
  private readonly headerRows: number
  /** The last row written (committed), 0 before the first. */
  private rowCount = 0
  private lastRow: ExcelJS.Row | null = null
  tables = 0

  constructor(book: ExcelJS.stream.xlsx.WorkbookWriter, form: TableModel, taken: Set<string>) {
    this.form = formOf(form)
    this.headerRows = form.header.length
    this.cols = columnCount(form)
    this.fontName = fontOf(form)
    this.sheet = book.addWorksheet(sheetName(form.title, taken), {
      pageSetup: {
        paperSize: A4,
        orientation: orientationOf(form),
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        horizontalCentered: true,
        margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      },
      headerFooter: { oddFooter: '第 &P 页，共 &N 页' },
    })
    this.sheet.columns = columnWidths(form).map((width) => ({ width }))
  }

  private put(values: readonly string[], style: Style): ExcelJS.Row {
    const row = this.sheet.addRow([...values])
    if (style.height) row.height = style.height
    for (let c = 1; c <= this.cols; c++) {
      const cell = row.getCell(c)
      cell.font = { name: this.fontName, size: style.size ?? 11, bold: style.bold ?? false }
      cell.alignment = { wrapText: true, vertical: 'middle', horizontal: style.align ?? 'left' }
      if (style.border) cell.border = BORDER
    }
    return row
  }

  /**
   * Adds `lines` as rows and merges `merges` (counted from the first of them,
   * cut at the last). The streaming writer can merge only rows it holds,
   * uncommitted, and a merge of rows not yet added would add them, so each
   * merge is made once its rows are in, and each row is committed (written and
   * forgotten) once no merge still needs it: a 2,000-row body is never held.
   */
  private section(lines: readonly (readonly string[])[], style: Style, merges: readonly HeaderMerge[] = []): void {
    const first = this.rowCount + 1
    const lastLine = lines.length - 1
    const needed = Math.min(lastLine, merges.reduce((n, m) => Math.max(n, m.row + m.rowSpan - 1), -1))
    const held: ExcelJS.Row[] = []
    lines.forEach((line, i) => {
      held.push(this.put(line, style))
      if (i < needed) return
      if (i === needed) {
        for (const m of merges) {
          const bottom = Math.min(m.row + m.rowSpan - 1, lastLine)
          if (m.row <= lastLine && (bottom > m.row || m.colSpan > 1)) this.sheet.mergeCells(first + m.row, m.col + 1, first + bottom, m.col + m.colSpan)
        }
      }
      for (const row of held.splice(0)) {
        row.commit()
        this.lastRow = row
        this.rowCount = row.number
      }
    })
  }

  add(table: TableModel): void {
    const cols = this.cols
    // Each further form starts a new sheet of paper.
    this.lastRow?.addPageBreak()
    this.section([[table.title]], { bold: true, size: 18, align: 'center', height: 30 }, [across(cols)])
    this.section([[table.subtitle]], { size: 11, align: 'center' }, [across(cols)])
    this.section(table.header, { bold: true, border: true, align: 'center' }, headerMerges(table))
    this.section(table.rows, { border: true }, table.layout?.bodyMerges)
    for (const line of table.layout?.footer ?? []) {
      // A footer line shorter than the table (填表人：… 填表日期：…) runs across the rest of the row.
      const short = line.length > 0 && line.length < cols
      this.section([line], { border: line.length >= cols }, short ? [across(cols, line.length - 1)] : [])
    }
    this.tables++
  }

  commit(): void {
    this.sheet.pageSetup.printArea = `A1:${columnLetter(this.cols)}${Math.max(1, this.rowCount)}`
    // Only a sheet of one table has one header to repeat on every printed page (rows 3…, under title and subtitle).
    if (this.tables === 1 && this.headerRows > 0) this.sheet.pageSetup.printTitlesRow = `3:${2 + this.headerRows}`
    this.sheet.commit()
  }
}

/**
 * Writes `tables` as one workbook to `out`, as they arrive, one sheet per
 * form; resolves with the number of sheets when the file is complete. Tables
 * that hold no row at all are EXPORT_EMPTY (the caller discards what was written).
 */
export async function writeXlsx(tables: AsyncIterable<TableModel> | Iterable<TableModel>, out: Writable): Promise<number> {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false })
  book.creator = '双报到'
  const taken = new Set<string>()
  let sheet: FormSheet | null = null
  let sheets = 0
  let rows = 0
  for await (const table of tables) {
    if (!sheet || sheet.form !== formOf(table) || sheet.tables >= MAX_FORMS_PER_SHEET) {
      sheet?.commit()
      sheet = new FormSheet(book, table, taken)
      sheets++
    }
    sheet.add(table)
    rows += table.rows.length
    await nextTurn()
  }
  sheet?.commit()
  if (rows === 0) throw new AppError('EXPORT_EMPTY')
  await book.commit()
  return sheets
}
