import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import type { ExportFile } from '../../src/domain/contracts/exports.contract'
import { sniffFormat } from '../../src/domain/upload-kinds'
import type { ServiceEntryDoc } from '../../server/db/docs'
import { scanAll } from '../../server/db/read'
import { openHarness, type Harness } from './support/bridge-client'
import { expectNothingWritten } from './support/db-state'
import { addMembers, COMMUNITIES, DISTRICT, seedCity, UNITS, USERS } from './support/fixture'

// The ledger's exports (issue 12 §2–3) through the bridge: a category as xlsx
// (opened again with exceljs) and as PDF (rendered with poppler), the whole
// 台账 as a zip of the category files, the unit's 附件3 and 附件4; storage
// paths, expiring links, the audit log; empty categories, other scopes.

let h: Harness
const a1 = COMMUNITIES.a1._id
const staff = () => h.asUser(USERS.staffA1)
const dir = mkdtempSync(join(tmpdir(), 'exports-test-'))

function entry(id: string, memberId: string, date: string, content: string): Omit<ServiceEntryDoc, '_id'> & { _id: string } {
  const day = new Date(`${date}T00:00:00+08:00`)
  return {
    _id: id, memberId, unitId: UNITS.u1._id, communityId: a1, districtId: DISTRICT, date: day, year: 2026, quarter: (Math.floor(day.getUTCMonth() / 3) + 1) as 1,
    place: '曙光社区', content, kind: 'volunteer' as ServiceEntryDoc['kind'], hours: 2, photoFileId: null, source: null, status: 'confirmed', returnReason: null, returnedBy: null,
  } as never
}

beforeAll(async () => {
  h = await openHarness({
    now: new Date('2026-12-04T02:00:00Z'),
    seed: async (db) => {
      await seedCity(db)
      await addMembers(db, [
        ['m-a', 'u1', 'a1', '张伟', '13700000001'],
        ['m-b', 'u1', 'a1', '李娜', '13700000002'],
      ])
      for (const id of ['m-a', 'm-b']) {
        const reportedAt = new Date('2026-02-10T02:00:00Z')
        await db.collection('members').doc(id).update({ data: { report: { reportId: `r-${id}`, communityId: a1, reportedAt } } })
        await db.collection('reports').doc(`r-${id}`).set({ data: { memberId: id, unitId: UNITS.u1._id, communityId: a1, streetId: COMMUNITIES.a1.streetId, districtId: DISTRICT, reportedAt, receivedBy: 'user-staff', cardNo: '', status: 'active' } })
      }
      for (const e of [entry('e1', 'm-a', '2026-03-05', '清理楼道杂物'), entry('e2', 'm-a', '2026-05-01', '为独居老人代购药品'), entry('e3', 'm-b', '2026-06-12', '垃圾分类宣传')]) {
        const { _id, ...data } = e
        await db.collection('serviceEntries').doc(_id).set({ data })
      }
    },
  })
  for (const id of [USERS.staffA1, USERS.staffB1, USERS.secretary1, USERS.secretary2, 'm-a']) await h.asUser(id).ok('bootstrap', { action: 'get' })
  await staff().ok('records', {
    action: 'meetingSave', communityId: a1, date: '2026-03-08', place: '曙光社区会议室', host: '李娜', recorder: '王强', memberIds: ['m-a'], unitIds: [UNITS.u1._id],
    otherAttendees: '居民代表2人', topic: '双报到工作推进会', content: '通报报到情况，征集服务项目', decisions: '3月下旬开展环境整治', photos: [],
  })
})
afterAll(async () => {
  await h.close()
  rmSync(dir, { recursive: true, force: true })
})

/** The stored bytes behind an export's fileID, and its link fetched through the local storage's HTTP face. */
async function download(file: ExportFile) {
  const response = await h.app.inject({ method: 'GET', url: file.url.replace(h.files.baseUrl, '') })
  return response
}

/** A worksheet's own XML (what exceljs does not read back, such as page breaks). */
function sheetXml(xlsx: Buffer, sheet: number): string {
  const path = join(dir, `sheet-${sheet}.xlsx`)
  writeFileSync(path, xlsx)
  return execFileSync('unzip', ['-p', path, `xl/worksheets/sheet${sheet}.xml`]).toString()
}

function pdfFacts(bytes: Buffer, name: string) {
  const path = join(dir, name)
  writeFileSync(path, bytes)
  const info = execFileSync('pdfinfo', [path]).toString()
  const text = execFileSync('pdftotext', ['-layout', path, '-']).toString()
  execFileSync('pdftoppm', ['-r', '30', '-png', '-f', '1', '-l', '3', path, join(dir, `${name}-page`)])
  const pngs = readdirSync(dir).filter((f) => f.startsWith(`${name}-page`) && f.endsWith('.png'))
  return { pages: Number(/Pages:\s+(\d+)/.exec(info)![1]), size: /Page size:\s+(.*)/.exec(info)![1]!, text, pngs, fonts: execFileSync('pdffonts', [path]).toString() }
}

describe('a category as xlsx', () => {
  it('writes the form: title row merged across, header, cells; stored under exports/<community>/<year>/', async () => {
    const file = await staff().ok('exports', { action: 'category', communityId: a1, year: 2026, category: 'services', format: 'xlsx' })
    expect(file.fileID).toContain(`exports/${a1}/2026/services.xlsx`)
    expect(file.name).toBe('曙光社区2026年台账之四-服务清单.xlsx')
    const response = await download(file)
    expect(response.statusCode).toBe(200)
    expect(sniffFormat(response.rawPayload)).toBe('xlsx')
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer)
    // One sheet per form: 结对帮扶登记表, 附件2, and every 服务清单 handed in (张伟 two quarters, 李娜 one) in one sheet.
    const titles = book.worksheets.map((w) => String(w.getCell('A1').value))
    expect(titles).toEqual(['曙光社区在职党员结对帮扶社区困难群众情况登记表', expect.stringContaining('在职党员参与社区服务活动情况登记表'), '在职党员进社区服务清单'])
    const sheet = book.worksheets[2]!
    expect(sheet.name).toBe('在职党员进社区服务清单')
    // Each member's quarter is a block: title, subtitle, header, its lines; the next block starts below it.
    const blocks: number[] = []
    sheet.eachRow((row, n) => {
      if (row.getCell(1).value === '在职党员进社区服务清单') blocks.push(n)
    })
    expect(blocks).toHaveLength(3)
    const li = blocks.find((n) => String(sheet.getCell(`A${n + 1}`).value).includes('姓名：李娜'))!
    expect(sheet.getCell(`A${li}`).font.size).toBe(18)
    expect(sheet.getCell(`A${li}`).font.name).toBe('宋体')
    expect(sheet.getRow(li + 2).values).toEqual([undefined, '序号', '日期', '地点', '服务内容', '类别', '时长（小时）', '备注/状态'])
    expect(sheet.getCell(`A${li + 2}`).font.bold).toBe(true)
    expect(sheet.getCell(`D${li + 3}`).value).toBe('垃圾分类宣传')
    expect(sheet.model.merges).toEqual(expect.arrayContaining(blocks.flatMap((n) => [`A${n}:G${n}`, `A${n + 1}:G${n + 1}`])))
    expect(sheet.pageSetup.paperSize).toBe(9)
    // Three blocks of four rows (title, subtitle, header, one line): all printed, one block a page.
    expect(sheet.pageSetup.printArea).toBe('A1:G12')
    const xml = sheetXml(response.rawPayload, 3)
    expect([...xml.matchAll(/<brk id="(\d+)"/g)].map((m) => Number(m[1]) + 1)).toEqual(blocks.slice(1))
    expect(blocks.some((n) => sheet.getCell(`D${n + 3}`).value === '为独居老人代购药品')).toBe(true)
  })

  it('records the export in the audit log: who, what, when', async () => {
    const audit = await scanAll<{ _id: string; action: string; actor: { openid: string }; target: Record<string, string>; details: Record<string, unknown>; at: Date }>(h.db, 'audit', { action: 'exports.category' })
    expect(audit.length).toBeGreaterThan(0)
    expect(audit[0]!.actor.openid).toBe(USERS.staffA1)
    expect(audit[0]!.target).toEqual({ communityId: a1 })
    expect(audit[0]!.details).toMatchObject({ year: 2026, category: 'services', format: 'xlsx' })
    expect(audit[0]!.at).toEqual(new Date('2026-12-04T02:00:00Z'))
  })

  it("lays each member's 附件1 out on its grid: the merged cells where the seed's form has them, the receipt below", async () => {
    const file = await staff().ok('exports', { action: 'category', communityId: a1, year: 2026, category: 'reports', format: 'xlsx' })
    const book = new ExcelJS.Workbook()
    await book.xlsx.load((await download(file)).rawPayload as unknown as ArrayBuffer)
    const sheet = book.getWorksheet('西湖区在职党员向社区报到登记表')!
    const starts: number[] = []
    sheet.eachRow((row, n) => {
      if (row.getCell(1).value === '西湖区在职党员向社区报到登记表') starts.push(n)
    })
    expect(starts).toHaveLength(2)
    for (const n of starts) {
      // Title, subtitle, then the grid from row n + 2.
      expect(sheet.getCell(`A${n + 2}`).value).toBe('姓名')
      expect(sheet.getCell(`A${n + 3}`).value).toBe('文化程度')
      expect(sheet.getCell(`D${n + 3}`).value).toBe('有何爱好特长')
      expect(sheet.getCell(`A${n + 7}`).value).toBe('领办项目')
      expect(sheet.getCell(`A${n + 8}`).value).toBe('回执')
      expect(sheet.model.merges).toEqual(expect.arrayContaining([`B${n + 3}:C${n + 3}`, `E${n + 3}:H${n + 3}`, `B${n + 4}:H${n + 4}`, `B${n + 7}:H${n + 7}`, `A${n + 8}:H${n + 8}`]))
    }
    expect(starts.map((n) => String(sheet.getCell(`B${n + 2}`).value)).sort()).toEqual(['张伟', '李娜'].sort())
  })
})

describe('a category as PDF', () => {
  it('has a cover, contents and the tables, A4, in Chinese, with the CJK font embedded as a subset', async () => {
    const file = await staff().ok('exports', { action: 'category', communityId: a1, year: 2026, category: 'services', format: 'pdf' })
    const response = await download(file)
    expect(sniffFormat(response.rawPayload)).toBe('pdf')
    const pdf = pdfFacts(response.rawPayload, 'services.pdf')
    // Cover, contents, 结对帮扶登记表, 附件2, and a page per member's quarter handed in (张伟 two, 李娜 one).
    expect(pdf.pages).toBe(7)
    expect(file.parts).toBe(7)
    expect(pdf.size).toContain('(A4)')
    expect(pdf.pngs).toHaveLength(3)
    const text = pdf.text.replace(/\s+/g, '')
    for (const expected of ['“双报到”活动材料之四', '四、服务清单', '曙光社区', '2026年度', '目录', '在职党员进社区服务清单（3份）', '清理楼道杂物', '垃圾分类宣传', '第7页共7页']) expect(text).toContain(expected)
    expect(pdf.fonts).toMatch(/[A-Z]{6}\+NotoSerifSC-Regular\s+CID TrueType\s+Identity-H\s+yes yes/)
  })

  it('a single unit form (附件3) is landscape, with its merged header and the 说明 figures', async () => {
    const file = await h.asUser(USERS.secretary1).ok('exports', { action: 'unitForm', unitId: UNITS.u1._id, year: 2026, form: '附件3', format: 'pdf' })
    const pdf = pdfFacts((await download(file)).rawPayload, 'unit3.pdf')
    expect(pdf.pages).toBe(1)
    expect(pdf.size).toMatch(/841\.89 x 595\.28 pts \(A4\)/)
    const text = pdf.text.replace(/\s+/g, '')
    for (const expected of ['西湖区在职党员赴社区报到直接联系服务群众情况汇总表', '联系电话', '办电', '手机', '张伟', '李娜', '说明：本单位共有在职党员2人']) expect(text).toContain(expected)
  })
})

describe('the unit forms as xlsx', () => {
  it('附件3 keeps the seed\'s two header rows and merges, 仿宋, the footer', async () => {
    const file = await h.asUser(USERS.secretary1).ok('exports', { action: 'unitForm', unitId: UNITS.u1._id, year: 2026, form: '附件3', format: 'xlsx' })
    const book = new ExcelJS.Workbook()
    await book.xlsx.load((await download(file)).rawPayload as unknown as ArrayBuffer)
    const sheet = book.worksheets[0]!
    expect(sheet.getCell('J3').value).toBe('联系电话')
    expect(sheet.getCell('J4').value).toBe('办电')
    expect(sheet.getCell('K4').value).toBe('手机')
    expect(sheet.model.merges).toEqual(expect.arrayContaining(['A3:A4', 'J3:K3', 'L3:L4', 'A1:L1']))
    expect(sheet.getCell('A3').font.name).toBe('仿宋')
    expect(sheet.pageSetup.orientation).toBe('landscape')
    expect(sheet.pageSetup.printTitlesRow).toBe('3:4')
    expect(sheet.getCell('B5').value).toBe('李娜')
    expect(String(sheet.getCell('A7').value)).toMatch(/^说明：本单位共有在职党员 \d+ 人（其中居住地在社区的党员 \d+ 人），到社区报到 \d+ 人，领办活动项目 \d+ 个。$/)
    expect(sheet.getCell('A7').isMerged).toBe(true)
  })

  it('another unit\'s forms are FORBIDDEN, nothing written', async () => {
    const fail = await expectNothingWritten(h.db, () => h.asUser(USERS.secretary2).fail('exports', { action: 'unitForm', unitId: UNITS.u1._id, year: 2026, form: '附件3', format: 'xlsx' }))
    expect(fail.code).toBe('FORBIDDEN')
  })
})

describe('bad input and other scopes', () => {
  it('an empty category says so and leaves no file', async () => {
    const before = h.files.exists(`exports/${a1}/2026/evaluations.pdf`)
    const fail = await expectNothingWritten(h.db, () => staff().fail('exports', { action: 'category', communityId: a1, year: 2026, category: 'evaluations', format: 'pdf' }))
    expect(fail.code).toBe('EXPORT_EMPTY')
    expect(fail.message).toBe('这一类材料还没有内容，没有生成文件')
    expect(before).toBe(false)
    expect(h.files.exists(`exports/${a1}/2026/evaluations.pdf`)).toBe(false)
    // 附件4 of a unit with no pairing in the year, likewise.
    expect((await h.asUser(USERS.secretary1).fail('exports', { action: 'unitForm', unitId: UNITS.u1._id, year: 2026, form: '附件4', format: 'pdf' })).code).toBe('EXPORT_EMPTY')
  })

  it('another community\'s ledger is FORBIDDEN, an unknown one NOT_FOUND, a year not begun NOT_FOUND; nothing written', async () => {
    const other = await expectNothingWritten(h.db, () => h.asUser(USERS.staffB1).fail('exports', { action: 'category', communityId: a1, year: 2026, category: 'files', format: 'pdf' }))
    expect(other.code).toBe('FORBIDDEN')
    expect((await expectNothingWritten(h.db, () => staff().fail('exports', { action: 'category', communityId: 'community-zz', year: 2026, category: 'files', format: 'pdf' }))).code).toBe('NOT_FOUND')
    expect((await expectNothingWritten(h.db, () => staff().fail('exports', { action: 'category', communityId: a1, year: 2027, category: 'files', format: 'pdf' }))).code).toBe('NOT_FOUND')
    expect(h.files.exists(`exports/${a1}/2027/files.pdf`)).toBe(false)
    // A member may not export at all; bad input is refused by the contract.
    expect((await h.asUser('m-a').fail('exports', { action: 'category', communityId: a1, year: 2026, category: 'files', format: 'pdf' })).code).toBe('FORBIDDEN')
    expect((await expectNothingWritten(h.db, () => staff().rawFail('exports', { action: 'category', communityId: a1, year: 2026, category: 'all', format: 'doc' }))).code).toBe('VALIDATION_FAILED')
  })
})

describe('the whole 台账 as a zip', () => {
  it('is refused before any category is exported in that format', async () => {
    const fail = await expectNothingWritten(h.db, () => staff().fail('exports', { action: 'ledger', communityId: a1, year: 2025, format: 'pdf' }))
    expect(fail.code).toBe('EXPORT_NOT_READY')
  })

  it('holds one file per category exported, each as stored', async () => {
    await staff().ok('exports', { action: 'category', communityId: a1, year: 2026, category: 'files', format: 'pdf' })
    await staff().ok('exports', { action: 'category', communityId: a1, year: 2026, category: 'reports', format: 'pdf' })
    const zip = await staff().ok('exports', { action: 'ledger', communityId: a1, year: 2026, format: 'pdf' })
    expect(zip.parts).toBe(3)
    const response = await download(zip)
    expect(sniffFormat(response.rawPayload)).toBe('zip')
    const path = join(dir, 'ledger.zip')
    writeFileSync(path, response.rawPayload)
    const listing = execFileSync('unzip', ['-Z1', path]).toString().trim().split('\n').sort()
    expect(listing).toEqual(['曙光社区2026年台账之一-文件清单.pdf', '曙光社区2026年台账之二-报到清单.pdf', '曙光社区2026年台账之四-服务清单.pdf'].sort())
    execFileSync('unzip', ['-o', '-q', path, '-d', join(dir, 'unzipped')])
    const files = pdfFacts(require('node:fs').readFileSync(join(dir, 'unzipped', '曙光社区2026年台账之一-文件清单.pdf')), 'files.pdf')
    expect(files.text.replace(/\s+/g, '')).toContain('曙光社区会议记录本')
  })

  it('a download link stops working when it expires: FILE_LINK_EXPIRED', async () => {
    const file = await staff().ok('exports', { action: 'category', communityId: a1, year: 2026, category: 'reports', format: 'xlsx' })
    expect(new Date(file.expiresAt).getTime() - h.clock.now.getTime()).toBe(3600 * 1000)
    expect((await download(file)).statusCode).toBe(200)
    h.clock.now = new Date(h.clock.now.getTime() + 3601 * 1000)
    const refused = await download(file)
    expect(refused.statusCode).toBe(403)
    expect(refused.json()).toMatchObject({ ok: false, code: 'FILE_LINK_EXPIRED' })
  })
})
