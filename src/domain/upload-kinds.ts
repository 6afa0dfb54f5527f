// What an upload must be, decided by its bytes (magic numbers), never by its
// name: a photo renamed 名册.xlsx is still a photo. The client checks before
// uploading (a quick message) and the server checks again after downloading
// (the answer that counts: in the cloud a client uploads straight to storage).
//
// A hand-written table rather than `file-type`: that package is ESM-only
// (jest here runs CommonJS) and pulls four stream helpers in, for the eight
// formats this product takes.

export type FileFormat = 'jpeg' | 'png' | 'gif' | 'webp' | 'pdf' | 'xlsx' | 'docx' | 'csv'

/** What the bytes are; the last four are refused everywhere but say why. */
export type Sniffed = FileFormat | 'zip' | 'ole' | 'binary' | 'empty'

export type UploadKind = 'image' | 'spreadsheet' | 'pdf' | 'word'

export interface UploadKindRule {
  label: string
  formats: readonly FileFormat[]
  maxBytes: number
  /** The stable code when the content is another kind of file. */
  wrongKindCode: string
  wrongKindMessage: string
}

const MB = 1024 * 1024

export const UPLOAD_KINDS: Record<UploadKind, UploadKindRule> = {
  image: {
    label: '图片',
    formats: ['jpeg', 'png', 'webp', 'gif'],
    maxBytes: 10 * MB,
    wrongKindCode: 'NOT_IMAGE',
    wrongKindMessage: '上传的文件不是图片，请上传 JPG、PNG、WebP 或 GIF 格式的图片',
  },
  spreadsheet: {
    label: '电子表格',
    formats: ['xlsx', 'csv'],
    maxBytes: 10 * MB,
    wrongKindCode: 'NOT_SPREADSHEET',
    wrongKindMessage: '上传的文件不是电子表格，请上传 .xlsx 或 .csv 格式的名册',
  },
  pdf: {
    label: 'PDF 文件',
    formats: ['pdf'],
    maxBytes: 20 * MB,
    wrongKindCode: 'NOT_PDF',
    wrongKindMessage: '上传的文件不是 PDF 文件',
  },
  word: {
    label: 'Word 文档',
    formats: ['docx'],
    maxBytes: 20 * MB,
    wrongKindCode: 'NOT_WORD',
    wrongKindMessage: '上传的文件不是 Word 文档，请上传 .docx 格式的文件',
  },
}

const EXTENSION: Record<FileFormat, string> = { jpeg: 'jpg', png: 'png', gif: 'gif', webp: 'webp', pdf: 'pdf', xlsx: 'xlsx', docx: 'docx', csv: 'csv' }

const TEXT_PROBE_BYTES = 8192

function startsWith(bytes: Uint8Array, magic: readonly number[], at = 0): boolean {
  return bytes.length >= at + magic.length && magic.every((b, i) => bytes[at + i] === b)
}

const u16 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8)
const u32 = (b: Uint8Array, at: number) => (u16(b, at) + u16(b, at + 2) * 0x10000) >>> 0

/** The entry names of a zip, from its central directory; null when the end of the zip is not there. */
function zipEntryNames(bytes: Uint8Array): string[] | null {
  const minEnd = Math.max(0, bytes.length - 22 - 0xffff)
  for (let at = bytes.length - 22; at >= minEnd; at--) {
    if (!startsWith(bytes, [0x50, 0x4b, 0x05, 0x06], at)) continue
    const count = u16(bytes, at + 10)
    let p = u32(bytes, at + 16)
    const names: string[] = []
    for (let i = 0; i < count && startsWith(bytes, [0x50, 0x4b, 0x01, 0x02], p); i++) {
      const nameLength = u16(bytes, p + 28)
      // Read byte by byte (the parts looked for are ASCII): the mini-program runtime has no TextDecoder.
      names.push(String.fromCharCode(...bytes.subarray(p + 46, p + 46 + nameLength)))
      p += 46 + nameLength + u16(bytes, p + 30) + u16(bytes, p + 32)
    }
    return names
  }
  return null
}

// Text (CSV in UTF-8 or GBK) has no NUL and no control characters but tab, line breaks and form feed.
function looksLikeText(bytes: Uint8Array): boolean {
  const probe = bytes.subarray(0, TEXT_PROBE_BYTES)
  return !probe.some((b) => b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c)
}

/** What a file's bytes are. */
export function sniffFormat(bytes: Uint8Array): Sniffed {
  if (bytes.length === 0) return 'empty'
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg'
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png'
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38]) && (bytes[4] === 0x37 || bytes[4] === 0x39) && bytes[5] === 0x61) return 'gif'
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return 'webp'
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf'
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole'
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    // .xlsx and .docx are both zips (Office Open XML); the part names tell them apart.
    const names = zipEntryNames(bytes) ?? []
    if (names.includes('xl/workbook.xml')) return 'xlsx'
    if (names.includes('word/document.xml')) return 'docx'
    return 'zip'
  }
  return looksLikeText(bytes) ? 'csv' : 'binary'
}

export type UploadCheck = { ok: true; format: FileFormat } | { ok: false; code: string; message: string }

/** A size as a user reads it: 10MB, 64KB. */
export function sizeText(bytes: number): string {
  return bytes >= MB ? `${Math.round(bytes / MB)}MB` : `${Math.round(bytes / 1024)}KB`
}

/** Whether `bytes` may be used as an upload of `kind`: its size, then its content. */
export function checkUpload(kind: UploadKind, bytes: Uint8Array): UploadCheck {
  const rule = UPLOAD_KINDS[kind]
  if (bytes.length > rule.maxBytes) {
    return { ok: false, code: 'FILE_TOO_LARGE', message: `文件过大：${rule.label}不能超过 ${sizeText(rule.maxBytes)}` }
  }
  const sniffed = sniffFormat(bytes)
  if (sniffed === 'empty') return { ok: false, code: 'FILE_EMPTY', message: '上传的文件是空的，请重新选择' }
  if ((rule.formats as readonly string[]).includes(sniffed)) return { ok: true, format: sniffed as FileFormat }
  const why =
    sniffed === 'ole'
      ? kind === 'spreadsheet'
        ? '这是旧版 Excel（.xls）或其他 Office 文件，请在 Excel 中“另存为” .xlsx 格式后再导入'
        : '这是旧版 Office 文件（.doc/.xls），请另存为新格式后再上传'
      : rule.wrongKindMessage
  return { ok: false, code: rule.wrongKindCode, message: why }
}

// ---- where uploads live in storage ----------------------------------------
//
// uploads/<kind>/<owner>/<time>-<random>.<ext>: the owner is the uploader's
// user id, so a function takes only the caller's own uploads (a fileID is not
// a secret: it shows in logs and may be passed around). The name the user
// chose is not part of the path: it is any text, and a path has rules.

const OWNER_SEGMENT = /^[A-Za-z0-9_-]{1,64}$/
const UPLOAD_PATH = /^uploads\/(image|spreadsheet|pdf|word)\/([A-Za-z0-9_-]{1,64})\/[A-Za-z0-9_.-]{1,80}$/

/** The path segment for a user id (ids are letters, digits, `-` and `_`; anything else becomes `_`). */
export function ownerSegment(userId: string): string {
  const clean = userId.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 64)
  return OWNER_SEGMENT.test(clean) ? clean : '_'
}

/** A fresh cloudPath for the caller's upload of `kind`. */
export function uploadPath(kind: UploadKind, userId: string, fileName: string, now: Date, random: string): string {
  const typed = /\.([A-Za-z0-9]{1,8})$/.exec(fileName)?.[1]?.toLowerCase()
  const ext = typed ?? EXTENSION[UPLOAD_KINDS[kind].formats[0]!]
  const stamp = now.toISOString().replace(/\D/g, '').slice(0, 14)
  return `uploads/${kind}/${ownerSegment(userId)}/${stamp}-${random.replace(/[^A-Za-z0-9]/g, '').slice(0, 16)}.${ext}`
}

/** The cloudPath inside a fileID (`cloud://<env>.<bucket>/<path>`), or null when it is not one. */
export function cloudPathOf(fileID: string): string | null {
  const match = /^cloud:\/\/[^/]+\/(.+)$/.exec(fileID)
  return match ? match[1]! : null
}

/** Whether a fileID names an upload of `kind` by `userId`. */
export function isOwnUpload(fileID: string, kind: UploadKind, userId: string): boolean {
  const match = UPLOAD_PATH.exec(cloudPathOf(fileID) ?? '')
  return match !== null && match[1] === kind && match[2] === ownerSegment(userId)
}
