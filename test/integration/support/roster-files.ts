import ExcelJS from 'exceljs'
import { ROSTER_COLUMNS } from '../../../src/domain/contracts/roster.contract'

// Roster files made in the test (no binaries in the repository).

export type RosterRecord = Partial<Record<(typeof ROSTER_COLUMNS)[number], unknown>>

let counter = 0

/** A valid row; override any column. Mobiles are unique per call. */
export function rosterRecord(overrides: RosterRecord = {}): RosterRecord {
  counter++
  return {
    姓名: `测试党员${counter}`,
    性别: counter % 2 ? '男' : '女',
    出生年月: '1985-07',
    入党时间: '2008-06',
    文化程度: '大学本科',
    专业特长: '法律咨询',
    办公电话: '0571-87654321',
    手机: `139${String(10000000 + counter).padStart(8, '0')}`,
    居住社区: '曙光社区',
    工作职务: '科员',
    ...overrides,
  }
}

export interface XlsxOptions {
  columns?: readonly string[]
  /** Lines above the header, as on 附件3 (title, 填报单位). */
  titleRows?: string[]
}

export async function rosterXlsx(records: RosterRecord[], options: XlsxOptions = {}): Promise<Buffer> {
  const columns = options.columns ?? ROSTER_COLUMNS
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('名册')
  for (const title of options.titleRows ?? []) sheet.addRow([title])
  sheet.addRow([...columns])
  for (const record of records) sheet.addRow(columns.map((c) => (record as Record<string, unknown>)[c] ?? ''))
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

function csvCell(value: unknown): string {
  const text = String(value ?? '')
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export function rosterCsvText(records: RosterRecord[], columns: readonly string[] = ROSTER_COLUMNS): string {
  const lines = [columns.join(','), ...records.map((r) => columns.map((c) => csvCell((r as Record<string, unknown>)[c])).join(','))]
  return lines.join('\r\n') + '\r\n'
}

let gbkTable: Map<string, number[]> | undefined

/** GBK bytes for a text, as Excel on a Chinese Windows writes a CSV (Node has a GBK decoder but no encoder). */
export function encodeGbk(text: string): Buffer {
  if (!gbkTable) {
    gbkTable = new Map()
    const decoder = new TextDecoder('gbk')
    for (let hi = 0x81; hi <= 0xfe; hi++) {
      for (let lo = 0x40; lo <= 0xfe; lo++) {
        const ch = decoder.decode(Uint8Array.of(hi, lo))
        if (ch.length === 1 && ch !== '\ufffd' && !gbkTable.has(ch)) gbkTable.set(ch, [hi, lo])
      }
    }
  }
  const bytes: number[] = []
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) bytes.push(ch.charCodeAt(0))
    else {
      const code = gbkTable.get(ch)
      if (!code) throw new Error(`no GBK code for ${ch}`)
      bytes.push(...code)
    }
  }
  return Buffer.from(bytes)
}
