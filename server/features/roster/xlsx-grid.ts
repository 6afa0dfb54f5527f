import ExcelJS from 'exceljs'
import { AppError } from '../../../src/domain/errors'

// An .xlsx workbook as rows of plain cell values (string, number, Date, or ''),
// with the row numbers Excel shows. Rich text, formulas and links become the
// value a reader sees.

export interface GridRow {
  row: number
  values: unknown[]
}

function plain(value: unknown): unknown {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string' || typeof value === 'number' || value instanceof Date) return value
  if (typeof value === 'boolean') return value ? '是' : '否'
  if (typeof value === 'object') {
    const v = value as { richText?: Array<{ text: string }>; result?: unknown; text?: unknown; error?: unknown }
    if (Array.isArray(v.richText)) return v.richText.map((part) => part.text).join('')
    if ('result' in v) return plain(v.result)
    if (typeof v.text === 'string') return v.text
    if ('error' in v) return ''
  }
  return String(value)
}

/** Every worksheet's rows, in workbook order. A zip that is not a workbook (a .docx, say) is NOT_SPREADSHEET. */
export async function readXlsxSheets(bytes: Buffer): Promise<GridRow[][]> {
  const workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
  } catch {
    throw new AppError('NOT_SPREADSHEET')
  }
  if (workbook.worksheets.length === 0) throw new AppError('NOT_SPREADSHEET')
  return workbook.worksheets.map((sheet) => {
    const rows: GridRow[] = []
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      // row.values is 1-based (index 0 unused) and sparse.
      const raw = row.values as unknown[]
      const values: unknown[] = []
      for (let i = 1; i < raw.length; i++) values.push(plain(raw[i]))
      rows.push({ row: rowNumber, values })
    })
    return rows
  })
}
