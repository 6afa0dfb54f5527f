import { OPTIONAL_ROSTER_COLUMNS, ROSTER_COLUMNS } from '../../../src/domain/contracts/roster.contract'
import type { FileFormat } from '../../../src/domain/upload-kinds'
import { AppError } from '../../../src/domain/errors'
import { decodeCsvBytes, parseCsv } from './csv-parse'
import { cellText } from './roster-cells'
import { readXlsxSheets, type GridRow } from './xlsx-grid'

// Finds the roster in an uploaded file: the first sheet with a header row
// naming 姓名 (within its first rows, so a title above the table, as on
// 附件3, is fine), then maps each column by its header, not its position.

export type RosterColumn = (typeof ROSTER_COLUMNS)[number]
type OptionalColumn = (typeof OPTIONAL_ROSTER_COLUMNS)[number]
const KNOWN: readonly string[] = [...ROSTER_COLUMNS, ...OPTIONAL_ROSTER_COLUMNS]

export interface RosterSheetRow {
  /** The row number the user sees in Excel (or the record number in a CSV). */
  row: number
  /** Every required column; an optional one only when the sheet has it. */
  cells: Record<RosterColumn, unknown> & Partial<Record<OptionalColumn, unknown>>
}

export const MAX_ROSTER_ROWS = 10000
const HEADER_SEARCH_ROWS = 10

// Other headers people use for the same columns (附件1/附件3 spellings among them).
const ALIASES: Record<string, RosterColumn | OptionalColumn> = {
  办电: '办公电话',
  办公室电话: '办公电话',
  手机号码: '手机',
  手机号: '手机',
  职务: '工作职务',
  居住地社区: '居住社区',
  所住社区: '居住社区',
  学历: '文化程度',
  特长: '专业特长',
  出生日期: '出生年月',
  入党日期: '入党时间',
  入党年月: '入党时间',
  支部: '所在支部',
  党支部: '所在支部',
  所属支部: '所在支部',
}

function headerKey(value: unknown): string {
  // "出生                年月" on 附件3, "手机*" for required, "出生年月（如1985-07）" with a hint.
  return cellText(value)
    .replace(/[（(][^）)]*[)）]/g, '')
    .replace(/[\s*＊:：]/g, '')
}

function mapHeader(values: readonly unknown[]): Map<RosterColumn | OptionalColumn, number> {
  const columns = new Map<RosterColumn | OptionalColumn, number>()
  values.forEach((value, index) => {
    const key = headerKey(value)
    const column = KNOWN.includes(key) ? (key as RosterColumn | OptionalColumn) : ALIASES[key]
    if (column && !columns.has(column)) columns.set(column, index)
  })
  return columns
}

function csvSheet(bytes: Uint8Array): GridRow[] {
  return parseCsv(decodeCsvBytes(bytes)).map((values, i) => ({ row: i + 1, values }))
}

function locateHeader(sheets: GridRow[][]): { rows: GridRow[]; at: number; columns: Map<RosterColumn | OptionalColumn, number> } | undefined {
  for (const rows of sheets) {
    for (let at = 0; at < Math.min(HEADER_SEARCH_ROWS, rows.length); at++) {
      const columns = mapHeader(rows[at]!.values)
      if (columns.has('姓名')) return { rows, at, columns }
    }
  }
  return undefined
}

/** The roster rows of a spreadsheet upload (`format` as checkUpload found it). */
export async function readRosterSheet(format: FileFormat, bytes: Buffer): Promise<RosterSheetRow[]> {
  const sheets = format === 'xlsx' ? await readXlsxSheets(bytes) : [csvSheet(bytes)]
  const header = locateHeader(sheets)
  if (!header) {
    throw new AppError('MISSING_COLUMNS', `没有找到表头行。名册第一行应为：${ROSTER_COLUMNS.join('、')}`, { missing: [...ROSTER_COLUMNS] })
  }
  const missing = ROSTER_COLUMNS.filter((c) => !header.columns.has(c))
  if (missing.length > 0) throw new AppError('MISSING_COLUMNS', `名册缺少以下列：${missing.join('、')}`, { missing })

  const present = [...ROSTER_COLUMNS, ...OPTIONAL_ROSTER_COLUMNS.filter((c) => header.columns.has(c))]
  const rows = header.rows
    .slice(header.at + 1)
    .map((r) => ({ row: r.row, cells: Object.fromEntries(present.map((c) => [c, r.values[header.columns.get(c)!] ?? ''])) as RosterSheetRow['cells'] }))
    // Blank lines, and the 说明/注 footer under a 附件3-style table, are not members.
    .filter((r) => ROSTER_COLUMNS.some((c) => cellText(r.cells[c]) !== '') && !/^(说明|注)[:：]/.test(cellText(r.cells['姓名'])))
  if (rows.length === 0) throw new AppError('EMPTY_ROSTER')
  if (rows.length > MAX_ROSTER_ROWS) throw new AppError('TOO_MANY_ROWS', `名册共${rows.length}行，超过每次${MAX_ROSTER_ROWS}行的上限，请分批导入`)
  return rows
}
