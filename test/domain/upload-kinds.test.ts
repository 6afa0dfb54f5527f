import ExcelJS from 'exceljs'
import { checkUpload, cloudPathOf, isOwnUpload, sniffFormat, uploadPath, UPLOAD_KINDS } from '../../src/domain/upload-kinds'
import { SAMPLES } from './support/sample-files'

// An upload's kind is read from its bytes, never from its name.

describe('sniffFormat', () => {
  it('tells each format by its magic bytes', () => {
    expect(sniffFormat(SAMPLES.jpeg)).toBe('jpeg')
    expect(sniffFormat(SAMPLES.png)).toBe('png')
    expect(sniffFormat(SAMPLES.gif)).toBe('gif')
    expect(sniffFormat(SAMPLES.webp)).toBe('webp')
    expect(sniffFormat(SAMPLES.pdf)).toBe('pdf')
    expect(sniffFormat(SAMPLES.xls)).toBe('ole')
    expect(sniffFormat(SAMPLES.csv)).toBe('csv')
    expect(sniffFormat(SAMPLES.binary)).toBe('binary')
    expect(sniffFormat(Buffer.alloc(0))).toBe('empty')
  })

  it('tells an .xlsx from a .docx and from any other zip by the parts inside', async () => {
    expect(sniffFormat(SAMPLES.xlsxShell)).toBe('xlsx')
    expect(sniffFormat(SAMPLES.docx)).toBe('docx')
    expect(sniffFormat(SAMPLES.otherZip)).toBe('zip')
    expect(sniffFormat(SAMPLES.brokenZip)).toBe('zip')
    const workbook = new ExcelJS.Workbook()
    workbook.addWorksheet('名册').addRow(['姓名'])
    expect(sniffFormat(Buffer.from(await workbook.xlsx.writeBuffer()))).toBe('xlsx')
  })

  it('GBK text is text', () => {
    expect(sniffFormat(Buffer.from([0xd0, 0xd5, 0xc3, 0xfb, 0x2c, 0xd0, 0xd4, 0xb1, 0xf0, 0x0d, 0x0a]))).toBe('csv') // 姓名,性别 in GBK
  })
})

describe('checkUpload', () => {
  it('accepts each kind only in its own formats', () => {
    const table: Array<[keyof typeof UPLOAD_KINDS, Buffer, string | true]> = [
      ['image', SAMPLES.png, true],
      ['image', SAMPLES.webp, true],
      ['image', SAMPLES.pdf, 'NOT_IMAGE'],
      ['image', SAMPLES.csv, 'NOT_IMAGE'],
      ['spreadsheet', SAMPLES.xlsxShell, true],
      ['spreadsheet', SAMPLES.csv, true],
      ['spreadsheet', SAMPLES.docx, 'NOT_SPREADSHEET'],
      ['spreadsheet', SAMPLES.jpeg, 'NOT_SPREADSHEET'],
      ['spreadsheet', SAMPLES.binary, 'NOT_SPREADSHEET'],
      ['spreadsheet', SAMPLES.xls, 'NOT_SPREADSHEET'],
      ['pdf', SAMPLES.pdf, true],
      ['pdf', SAMPLES.docx, 'NOT_PDF'],
      ['word', SAMPLES.docx, true],
      ['word', SAMPLES.xlsxShell, 'NOT_WORD'],
      ['word', SAMPLES.otherZip, 'NOT_WORD'],
    ]
    for (const [kind, bytes, expected] of table) {
      const checked = checkUpload(kind, bytes)
      expect([kind, checked.ok ? true : checked.code]).toEqual([kind, expected])
    }
  })

  it('an old .xls says how to fix it; an empty file and a file over the limit say so', () => {
    const xls = checkUpload('spreadsheet', SAMPLES.xls)
    expect(xls).toMatchObject({ ok: false, code: 'NOT_SPREADSHEET' })
    expect(!xls.ok && xls.message).toContain('另存为” .xlsx')
    expect(checkUpload('image', Buffer.alloc(0))).toMatchObject({ ok: false, code: 'FILE_EMPTY' })
    const big = Buffer.concat([SAMPLES.png, Buffer.alloc(UPLOAD_KINDS.image.maxBytes)])
    expect(checkUpload('image', big)).toEqual({ ok: false, code: 'FILE_TOO_LARGE', message: '文件过大：图片不能超过 10MB' })
  })
})

describe('upload paths', () => {
  const now = new Date('2026-03-16T02:03:04Z')

  it('puts an upload in its kind and owner folder, with the typed extension only', () => {
    expect(uploadPath('spreadsheet', 'user-secretary-2', '区财政局 名册.XLSX', now, 'abc')).toBe('uploads/spreadsheet/user-secretary-2/20260316020304-abc.xlsx')
    expect(uploadPath('image', 'u/../../x', '照片', now, 'r-1')).toBe('uploads/image/u_______x/20260316020304-r1.jpg')
  })

  it('a fileID is the caller’s upload of that kind only', () => {
    const fileID = `cloud://local.6c6f-local-1300000000/${uploadPath('spreadsheet', 'user-a', 'x.csv', now, 'z')}`
    expect(cloudPathOf(fileID)).toBe('uploads/spreadsheet/user-a/20260316020304-z.csv')
    expect(isOwnUpload(fileID, 'spreadsheet', 'user-a')).toBe(true)
    expect(isOwnUpload(fileID, 'spreadsheet', 'user-b')).toBe(false)
    expect(isOwnUpload(fileID, 'image', 'user-a')).toBe(false)
    expect(isOwnUpload('cloud://local.b/uploads/spreadsheet/user-a/../user-b/x.csv', 'spreadsheet', 'user-a')).toBe(false)
    expect(isOwnUpload('uploads/spreadsheet/user-a/x.csv', 'spreadsheet', 'user-a')).toBe(false)
  })
})
