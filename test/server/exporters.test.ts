import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PassThrough, Writable } from 'node:stream'
import ExcelJS from 'exceljs'
import type { TableModel } from '../../src/domain/table-model'
import { cjkFont } from '../../server/exports/cjk-font'
import { forgetLayouts, writePdf } from '../../server/exports/pdf'
import { MAX_FORMS_PER_SHEET, writeXlsx } from '../../server/exports/xlsx'

// The two exporters on their own (test/integration/exports.test.ts drives
// them through the function): a run of one form's tables, how it is laid out
// in a sheet and listed in the contents, and that the file is written while
// the tables are still coming.

const dir = mkdtempSync(join(tmpdir(), 'exporters-test-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const card = (name: string, lines: number): TableModel => ({
  title: '在职党员进社区服务清单',
  subtitle: `姓名：${name}`,
  header: [['序号', '日期', '服务内容']],
  rows: Array.from({ length: lines }, (_, i) => [String(i + 1), `2026年3月${i + 1}日`, `为独居老人代购药品（${name}第${i + 1}次）`]),
})
const register: TableModel = { title: '结对帮扶登记表', subtitle: '曙光社区', header: [['序号', '党员', '帮扶对象', '备注']], rows: [['1', '张伟', '王奶奶', '']] }

/** A Writable that keeps what it is given and counts it as it arrives. */
function collector() {
  const chunks: Buffer[] = []
  const out = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk)
      done()
    },
  })
  return { out, bytes: () => chunks.reduce((n, c) => n + c.length, 0), all: () => Buffer.concat(chunks) }
}

async function collect(write: (out: Writable) => Promise<unknown>): Promise<Buffer> {
  const { out, all } = collector()
  await write(out)
  return all()
}

describe('writeXlsx', () => {
  it('puts a run of one form in one sheet, one below the other with a page break before each, and another form in its own sheet', async () => {
    const bytes = await collect((out) => writeXlsx([register, card('张伟', 2), card('李娜', 1), card('王强', 3)], out))
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(bytes as unknown as ArrayBuffer)
    expect(book.worksheets.map((w) => w.name)).toEqual(['结对帮扶登记表', '在职党员进社区服务清单'])

    const single = book.worksheets[0]!
    expect(single.pageSetup.printTitlesRow).toBe('3:3')
    expect(single.pageSetup.printArea).toBe('A1:D4')

    // 张伟 rows 1–5 (title, subtitle, header, 2 lines), 李娜 6–9, 王强 10–15.
    const run = book.worksheets[1]!
    expect([1, 6, 10].map((r) => run.getCell(`A${r}`).value)).toEqual(['在职党员进社区服务清单', '在职党员进社区服务清单', '在职党员进社区服务清单'])
    expect([2, 7, 11].map((r) => run.getCell(`A${r}`).value)).toEqual(['姓名：张伟', '姓名：李娜', '姓名：王强'])
    expect(run.getRow(8).values).toEqual([undefined, '序号', '日期', '服务内容'])
    expect(run.getCell('C9').value).toBe('为独居老人代购药品（李娜第1次）')
    expect(run.model.merges).toEqual(expect.arrayContaining(['A1:C1', 'A2:C2', 'A6:C6', 'A7:C7', 'A10:C10', 'A11:C11']))
    expect(run.pageSetup.printArea).toBe('A1:C15')
    // Each form has its own header, so none repeats down the pages.
    expect(run.pageSetup.printTitlesRow).toBeUndefined()
    // exceljs does not read page breaks back: they are read from the sheet's XML.
    const path = join(dir, 'run.xlsx')
    writeFileSync(path, bytes)
    const xml = execFileSync('unzip', ['-p', path, 'xl/worksheets/sheet2.xml']).toString()
    expect([...xml.matchAll(/<brk id="(\d+)"[^>]*man="1"/g)].map((m) => Number(m[1]))).toEqual([5, 9])
  })

  it('goes on in a new sheet after MAX_FORMS_PER_SHEET forms (Excel takes about a thousand page breaks a sheet)', async () => {
    const tables = Array.from({ length: MAX_FORMS_PER_SHEET + 1 }, (_, i) => card(`党员${i}`, 1))
    const book = new ExcelJS.Workbook()
    await book.xlsx.load((await collect((out) => writeXlsx(tables, out))) as unknown as ArrayBuffer)
    expect(book.worksheets.map((w) => w.name)).toEqual(['在职党员进社区服务清单', '在职党员进社区服务清单-2'])
    expect(book.worksheets[1]!.getCell('A2').value).toBe(`姓名：党员${MAX_FORMS_PER_SHEET}`)
    expect(book.worksheets[0]!.pageSetup.printArea).toBe(`A1:C${MAX_FORMS_PER_SHEET * 4}`)
  })

  it('cuts a body merge that reaches past the last row, and keeps the next form on its own rows', async () => {
    const short: TableModel = { ...card('张伟', 2), layout: { bodyMerges: [{ row: 1, col: 1, rowSpan: 3, colSpan: 2 }], footer: [['备注'], ['填表人：', '王强']] } }
    const bytes = await collect((out) => writeXlsx([short, short], out))
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(bytes as unknown as ArrayBuffer)
    // Each form: title, subtitle, header, 2 lines, 2 footer lines = 7 rows.
    const sheet = book.worksheets[0]!
    expect(sheet.getCell('A8').value).toBe('在职党员进社区服务清单')
    expect(sheet.model.merges).toEqual(expect.arrayContaining(['B5:C5', 'A6:C6', 'B7:C7', 'A8:C8', 'B12:C12', 'A13:C13', 'B14:C14']))
    expect(sheet.pageSetup.printArea).toBe('A1:C14')
  })

  it('writes the file as the tables come, not all at the end', async () => {
    const { out, bytes } = collector()
    const seen: number[] = []
    function* tables() {
      for (let i = 0; i < 400; i++) {
        seen.push(bytes())
        yield card(`党员${i}`, 8)
      }
    }
    await writeXlsx(tables(), out)
    // By the last table, much of the file is out (its XML is compressed and sent as it goes; all of it
    // arrives at the end if the writer is never given a turn).
    expect(seen[seen.length - 1]).toBeGreaterThan(bytes() / 4)
  })

  it('refuses tables with no row at all: EXPORT_EMPTY', async () => {
    await expect(collect((out) => writeXlsx([{ ...register, rows: [] }], out))).rejects.toMatchObject({ code: 'EXPORT_EMPTY' })
  })
})

describe('writePdf', () => {
  function text(bytes: Buffer, name: string) {
    const path = join(dir, name)
    writeFileSync(path, bytes)
    return { text: execFileSync('pdftotext', ['-layout', path, '-']).toString(), pages: Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path]).toString())![1]) }
  }

  it('lists a run of one form as one entry of the contents, with its count and first page', async () => {
    const cover = { material: '“双报到”活动材料之四', category: '四、服务清单', communityName: '曙光社区', year: 2026 }
    const tables = [register, card('张伟', 2), card('李娜', 1), card('王强', 3)]
    const bytes = await collect((out) => writePdf({ title: '服务清单', cover, tables: () => tables }, out))
    const pdf = text(bytes, 'run.pdf')
    // Cover, contents, the register, a page per card.
    expect(pdf.pages).toBe(6)
    const lines = pdf.text.split('\n').map((l) => l.replace(/\s+/g, ''))
    expect(lines).toContain('1.结对帮扶登记表3')
    expect(lines).toContain('2.在职党员进社区服务清单（3份）4')
    expect(pdf.text.replace(/\s+/g, '')).toContain('为独居老人代购药品（王强第3次）')
  })

  it('sends pages to the file while later tables are still being drawn', async () => {
    const { out, bytes } = collector()
    let drawing = false
    const seen: number[] = []
    let pass = 0
    const tables = function* () {
      pass++
      drawing = pass === 2
      for (let i = 0; i < 300; i++) {
        if (drawing) seen.push(bytes())
        yield card(`党员${i}`, 6)
      }
    }
    await writePdf({ title: '服务清单', tables }, out)
    expect(seen[seen.length - 1]! - seen[0]!).toBeGreaterThan(bytes() / 2)
  })
})

describe('forgetLayouts', () => {
  // It reaches into pdfkit's fonts: an upgrade that renames what it reaches fails here, not in memory at scale.
  it('empties the glyph layouts pdfkit keeps for every string drawn', async () => {
    const PDFDocument = (await import('pdfkit')).default
    const doc = new PDFDocument({ autoFirstPage: false })
    doc.pipe(new PassThrough().resume())
    doc.registerFont('regular', cjkFont('regular'))
    doc.addPage()
    doc.font('regular').fontSize(9).text('为独居老人代购药品', 10, 10, { lineBreak: false })
    const cache = () => (doc as unknown as { _fontFamilies: Record<string, { layoutCache: Record<string, unknown> }> })._fontFamilies.regular!.layoutCache
    expect(Object.keys(cache())).toContain('为独居老人代购药品')
    forgetLayouts(doc)
    expect(Object.keys(cache())).toEqual([])
    doc.end()
  })
})
