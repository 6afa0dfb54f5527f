import { AppError } from '../../../src/domain/errors'

// What was uploaded: decided by the bytes first (a renamed file does not fool
// it), by the name only where bytes cannot tell (CSV is plain text).

export type RosterFileKind = 'xlsx' | 'csv'

const NOT_SPREADSHEET = () => new AppError('NOT_SPREADSHEET')

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b)
}

/** Decodes the base64 upload; anything that is not base64 cannot be a spreadsheet either. */
export function decodeUpload(fileBase64: string): Buffer {
  const clean = fileBase64.replace(/^data:[^,]*,/, '').replace(/\s+/g, '')
  if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(clean)) throw NOT_SPREADSHEET()
  const bytes = Buffer.from(clean, 'base64')
  if (bytes.length === 0) throw NOT_SPREADSHEET()
  return bytes
}

export function rosterFileKind(fileName: string, bytes: Uint8Array): RosterFileKind {
  const name = fileName.toLowerCase()
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'xlsx' // a zip: .xlsx (exceljs tells a .docx apart)
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    throw new AppError('NOT_SPREADSHEET', '这是旧版 Excel（.xls）或其他 Office 文件，请在 Excel 中“另存为” .xlsx 格式后再导入')
  }
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) throw NOT_SPREADSHEET() // %PDF
  if (name.endsWith('.xlsx')) throw NOT_SPREADSHEET() // named .xlsx but not a zip
  if (!name.endsWith('.csv') && !name.endsWith('.txt')) throw NOT_SPREADSHEET()
  // Text has no NUL bytes; images, archives and other binaries almost always do.
  if (bytes.subarray(0, 8192).includes(0)) throw NOT_SPREADSHEET()
  return 'csv'
}
