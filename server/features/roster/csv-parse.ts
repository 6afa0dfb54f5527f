// A small RFC 4180 reader. exceljs reads CSV only from a stream and converts
// cells as it goes: "057187654321" becomes a number without its leading 0 and
// "1985-07" may become a date. A roster needs the text exactly as typed, so
// CSV is split here and every cell stays a string.

/** Rows of cells; quoted cells may hold commas, quotes ("") and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"'
        i++
      } else if (c === '"') quoted = false
      else cell += c
    } else if (c === '"' && cell === '') quoted = true
    else if (c === ',') {
      row.push(cell)
      cell = ''
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
    } else cell += c
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell)
    rows.push(row)
  }
  return rows
}

/**
 * CSV bytes as text. Excel on a Chinese Windows saves "CSV" in GBK, newer
 * versions offer "CSV UTF-8" (with a BOM): UTF-8 is tried strictly first, then GB18030.
 */
export function decodeCsvBytes(bytes: Uint8Array): string {
  const text = (() => {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    } catch {
      return new TextDecoder('gb18030').decode(bytes)
    }
  })()
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}
