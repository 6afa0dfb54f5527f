import { once } from 'node:events'
import type { Writable } from 'node:stream'
import { setImmediate as nextTurn } from 'node:timers/promises'
import type PDFKitDocument from 'pdfkit'
import { AppError } from '../../src/domain/errors'
import type { TableModel } from '../../src/domain/table-model'
import { cjkFont } from './cjk-font'
import { bodySpans, columnCount, columnWidths, formOf, headerMerges, orientationOf } from './table-geometry'

// TableModel(s) → an A4 PDF with the CJK font embedded as a subset (pdfkit
// keeps only the glyphs used). A table: its title and subtitle, the header
// rows with their merges drawn as merged boxes, rows as tall as their wrapped
// text, a page break that repeats the header, 第 n 页 共 N 页 on every page,
// landscape where the layout says (or the table is wide). A category: a cover
// ("双报到"活动材料之X, the community, the year) and a table of contents with
// page numbers before its tables, one entry per form (2,000 members' 附件1
// are one entry, with their count).
//
// Streamed: pages go to `out` as they are finished (pdfkit writes a page when
// the next one starts), and after each table the file is let catch up before
// the next is drawn. The contents need each table's first page before any
// table is drawn, so the tables are read twice: a first pass lays them out
// without drawing (text is wrapped by this file, not pdfkit, so both passes
// break lines and pages identically) and keeps only the page counts.

const A4 = { width: 595.28, height: 841.89 }
const MARGIN = 36
const PAGE_NUMBER_SPACE = 22
const PAD = 3
const LEADING = 1.3
const SIZE = { title: 16, subtitle: 9.5, header: 9, body: 8.5, tocTitle: 18, toc: 11 }
const TOC_LINE = SIZE.toc * 1.9
const FORGET_LAYOUTS_EVERY = 50

export interface Cover {
  /** "双报到"活动材料之一 … 之五. */
  material: string
  /** The category's name: 文件清单 … 评价清单. */
  category: string
  communityName: string
  year: number
}

export interface PdfBook {
  /** A category's PDF has a cover and a table of contents; a single table's has neither. */
  cover?: Cover
  /** The tables, read twice (see above): a function that starts a fresh read each time. */
  tables: () => AsyncIterable<TableModel> | Iterable<TableModel>
  title: string
}

type Doc = PDFKit.PDFDocument
type Weight = 'regular' | 'bold'

/**
 * Character widths at size 1, cached by code point: measuring a 2,000-member
 * table character by character stays cheap, and wrapping slices lines out of
 * the text rather than building them a character at a time.
 */
class Metrics {
  private widths = new Map<number, number>()
  constructor(private readonly doc: Doc) {}

  private charWidth(codePoint: number, weight: Weight): number {
    // Bold widths are kept above Unicode's last code point.
    const key = weight === 'bold' ? codePoint + 0x110000 : codePoint
    let width = this.widths.get(key)
    if (width === undefined) {
      this.doc.font(weight).fontSize(1000)
      width = this.doc.widthOfString(String.fromCodePoint(codePoint)) / 1000
      this.widths.set(key, width)
    }
    return width
  }

  width(text: string, size: number, weight: Weight): number {
    let w = 0
    for (let i = 0; i < text.length; i++) {
      const cp = text.codePointAt(i)!
      if (cp > 0xffff) i++
      w += this.charWidth(cp, weight)
    }
    return w * size
  }

  /** Lines of `text` within `max` points: breaks at any character (Chinese has no spaces) and at newlines. */
  wrap(text: string, max: number, size: number, weight: Weight): string[] {
    const lines: string[] = []
    for (const para of text.split('\n')) {
      let start = 0
      let w = 0
      for (let i = 0; i < para.length; i++) {
        const cp = para.codePointAt(i)!
        const cw = this.charWidth(cp, weight) * size
        if (w + cw > max && i > start) {
          lines.push(para.slice(start, i))
          start = i
          w = 0
        }
        w += cw
        if (cp > 0xffff) i++
      }
      lines.push(para.slice(start))
    }
    return lines
  }
}

interface Page {
  width: number
  height: number
}

const pageOf = (orientation: 'portrait' | 'landscape'): Page => (orientation === 'landscape' ? { width: A4.height, height: A4.width } : A4)

/** Draws, or (null) only lays out: the same code decides the page breaks in both passes. */
interface Painter {
  doc: Doc
  newPage(page: Page): void
}

interface Box {
  x: number
  y: number
  w: number
  h: number
  lines: string[]
  weight: Weight
  size: number
  align: 'left' | 'center'
}

function drawBox(doc: Doc, metrics: Metrics, box: Box, border: boolean): void {
  if (border) doc.lineWidth(0.5).rect(box.x, box.y, box.w, box.h).stroke()
  doc.font(box.weight).fontSize(box.size)
  const lh = box.size * LEADING
  const top = box.align === 'center' ? box.y + (box.h - box.lines.length * lh) / 2 : box.y + PAD
  box.lines.forEach((line, i) => {
    if (!line) return
    const x = box.align === 'center' ? box.x + (box.w - metrics.width(line, box.size, box.weight)) / 2 : box.x + PAD
    doc.text(line, x, top + i * lh + (lh - box.size) / 2, { lineBreak: false })
  })
}

/** Lays out (and with a painter, draws) one table from a fresh page; returns the pages it took. */
function layTable(table: TableModel, metrics: Metrics, painter: Painter | null): number {
  const page = pageOf(orientationOf(table))
  const cols = columnCount(table)
  const inner = page.width - 2 * MARGIN
  const chars = columnWidths(table)
  const total = chars.reduce((a, b) => a + b, 0)
  const widths = chars.map((c) => (c / total) * inner)
  const xs = widths.map((_, i) => MARGIN + widths.slice(0, i).reduce((a, b) => a + b, 0))
  const bottom = page.height - MARGIN - PAGE_NUMBER_SPACE
  const spanWidth = (col: number, span: number) => widths.slice(col, col + span).reduce((a, b) => a + b, 0)
  const lineHeight = (size: number) => size * LEADING

  // Header geometry: each cell's box; covered cells have none.
  const merges = headerMerges(table)
  const covered = new Set<string>()
  for (const m of merges) for (let r = m.row; r < m.row + m.rowSpan; r++) for (let c = m.col; c < m.col + m.colSpan; c++) if (r !== m.row || c !== m.col) covered.add(`${r}:${c}`)
  const spanOf = (r: number, c: number) => merges.find((m) => m.row === r && m.col === c) ?? { row: r, col: c, rowSpan: 1, colSpan: 1 }
  const headLines = table.header.map((row, r) =>
    Array.from({ length: cols }, (_, c) => (covered.has(`${r}:${c}`) ? [] : metrics.wrap(row[c] ?? '', spanWidth(c, spanOf(r, c).colSpan) - 2 * PAD, SIZE.header, 'bold'))),
  )
  const rowHeights = table.header.map((_, r) => Math.max(lineHeight(SIZE.header) + 2 * PAD, ...headLines[r]!.map((lines, c) => (spanOf(r, c).rowSpan === 1 ? lines.length * lineHeight(SIZE.header) + 2 * PAD : 0))))
  for (const m of merges) {
    const need = headLines[m.row]![m.col]!.length * lineHeight(SIZE.header) + 2 * PAD
    const have = rowHeights.slice(m.row, m.row + m.rowSpan).reduce((a, b) => a + b, 0)
    if (need > have) rowHeights[m.row + m.rowSpan - 1]! += need - have
  }
  const headerHeight = rowHeights.reduce((a, b) => a + b, 0)

  let pages = 0
  let y = 0
  const startPage = (first: boolean) => {
    pages++
    painter?.newPage(page)
    y = MARGIN
    if (first) {
      const titleLines = metrics.wrap(table.title, inner, SIZE.title, 'bold')
      const subLines = table.subtitle ? metrics.wrap(table.subtitle, inner, SIZE.subtitle, 'regular') : []
      const titleH = titleLines.length * lineHeight(SIZE.title)
      const subH = subLines.length * lineHeight(SIZE.subtitle)
      if (painter) {
        drawBox(painter.doc, metrics, { x: MARGIN, y, w: inner, h: titleH, lines: titleLines, weight: 'bold', size: SIZE.title, align: 'center' }, false)
        if (subLines.length) drawBox(painter.doc, metrics, { x: MARGIN, y: y + titleH + 4, w: inner, h: subH, lines: subLines, weight: 'regular', size: SIZE.subtitle, align: 'center' }, false)
      }
      y += titleH + subH + 12
    }
    // The header, on every page of the table.
    let top = y
    table.header.forEach((_row, r) => {
      for (let c = 0; c < cols; c++) {
        if (covered.has(`${r}:${c}`) || !painter) continue
        const span = spanOf(r, c)
        const h = rowHeights.slice(r, r + span.rowSpan).reduce((a, b) => a + b, 0)
        drawBox(painter.doc, metrics, { x: xs[c]!, y: top, w: spanWidth(c, span.colSpan), h, lines: headLines[r]![c]!, weight: 'bold', size: SIZE.header, align: 'center' }, true)
      }
      top += rowHeights[r]!
    })
    y += headerHeight
  }
  startPage(true)

  const room = bottom - (MARGIN + headerHeight)
  const merged = bodySpans(table)
  const putRow = (cells: readonly string[], border: boolean, bodyRow?: number) => {
    // A footer line shorter than the table runs across the rest of the row; a grid form's body merges span their columns.
    const rowSpans = bodyRow === undefined ? undefined : merged.get(bodyRow)
    const spans = Array.from({ length: cols }, (_, c) => rowSpans?.get(c) ?? (!border && c === cells.length - 1 ? cols - c : 1))
    const hidden = new Set<number>()
    spans.forEach((span, c) => {
      for (let k = 1; k < span; k++) hidden.add(c + k)
    })
    let lines = Array.from({ length: cols }, (_, c) => (c < cells.length ? metrics.wrap(cells[c] ?? '', spanWidth(c, spans[c]!) - 2 * PAD, SIZE.body, 'regular') : []))
    const lh = lineHeight(SIZE.body)
    let h = Math.max(1, ...lines.map((l) => l.length)) * lh + 2 * PAD
    if (h > room) {
      // Taller than a page: cut at a page's worth, marked, rather than overrun the paper.
      const keep = Math.max(1, Math.floor((room - 2 * PAD) / lh))
      lines = lines.map((l) => (l.length > keep ? [...l.slice(0, keep - 1), '……（见原件）'] : l))
      h = keep * lh + 2 * PAD
    }
    if (y + h > bottom) startPage(false)
    if (painter) {
      for (let c = 0; c < Math.min(cols, Math.max(cells.length, border ? cols : 0)); c++) {
        if (hidden.has(c)) continue
        drawBox(painter.doc, metrics, { x: xs[c]!, y, w: spanWidth(c, spans[c]!), h, lines: lines[c]!, weight: 'regular', size: SIZE.body, align: 'left' }, border)
      }
    }
    y += h
  }
  table.rows.forEach((row, r) => putRow(row, true, r))
  for (const row of table.layout?.footer ?? []) putRow(row, row.length >= cols)
  return pages
}

const TOC_PER_PAGE = Math.floor((A4.height - 2 * MARGIN - PAGE_NUMBER_SPACE - 60) / TOC_LINE)

function drawCover(doc: Doc, cover: Cover): void {
  const center = (text: string, y: number, size: number, weight: Weight) => {
    doc.font(weight).fontSize(size)
    doc.text(text, (A4.width - doc.widthOfString(text)) / 2, y, { lineBreak: false })
  }
  doc.lineWidth(1.5).rect(MARGIN + 20, MARGIN + 20, A4.width - 2 * MARGIN - 40, A4.height - 2 * MARGIN - 40).stroke()
  center(cover.material, 230, 30, 'bold')
  center(cover.category, 300, 26, 'bold')
  center(cover.communityName, 470, 20, 'regular')
  center(`${cover.year}年度`, 510, 20, 'regular')
}

interface ContentsEntry {
  title: string
  /** formOf() of the entry's tables. */
  form: string
  count: number
  pages: number
  /** Where the entry starts, once the pages before it are counted. */
  page: number
}

const entryTitle = (e: ContentsEntry) => (e.count > 1 ? `${e.title}（${e.count.toLocaleString('en-US')} 份）` : e.title)

function drawContents(doc: Doc, metrics: Metrics, entries: ContentsEntry[], first: number, pageCount: number, newPage: (p: Page) => void): void {
  for (let p = 0; p < pageCount; p++) {
    newPage(A4)
    let y = MARGIN + 10
    if (p === 0) {
      doc.font('bold').fontSize(SIZE.tocTitle)
      doc.text('目　　录', (A4.width - doc.widthOfString('目　　录')) / 2, y, { lineBreak: false })
    }
    y += 50
    for (const [i, entry] of entries.slice(p * TOC_PER_PAGE, (p + 1) * TOC_PER_PAGE).entries()) {
      const number = String(entry.page)
      const room = A4.width - 2 * MARGIN - 40
      let title = `${first + p * TOC_PER_PAGE + i}. ${entryTitle(entry)}`
      while (metrics.width(title, SIZE.toc, 'regular') > room - 30 && title.length > 4) title = `${title.slice(0, -2)}…`
      doc.font('regular').fontSize(SIZE.toc)
      doc.text(title, MARGIN, y, { lineBreak: false })
      const titleEnd = MARGIN + metrics.width(title, SIZE.toc, 'regular') + 4
      const numberX = A4.width - MARGIN - doc.widthOfString(number)
      // The dotted leader from the title to its page number.
      doc.lineWidth(0.6).dash(1, { space: 2.5 }).moveTo(titleEnd, y + SIZE.toc * 0.8).lineTo(numberX - 4, y + SIZE.toc * 0.8).stroke().undash()
      doc.text(number, numberX, y, { lineBreak: false })
      y += TOC_LINE
    }
  }
}

/**
 * pdfkit keeps the glyph layout of every string it draws for the life of the
 * document, and a Chinese line has no space to split it at, so every distinct
 * line is kept: 8,000 quarterly 服务清单 hold about 60 MB of them. Forgotten
 * every FORGET_LAYOUTS_EVERY tables, so strings repeated from table to table
 * (headers, places) are still laid out once in a while, not once a table.
 * This reaches into pdfkit's fonts; test/server/exporters.test.ts fails if
 * an upgrade renames what it reaches.
 */
export function forgetLayouts(doc: Doc): void {
  const fonts = (doc as unknown as { _fontFamilies?: Record<string, { layoutCache?: object }> })._fontFamilies
  for (const font of Object.values(fonts ?? {})) if (font.layoutCache) font.layoutCache = Object.create(null)
}

/**
 * Waits until what pdfkit has pushed is written to `out`. pdfkit pushes pages
 * without waiting, and the pipe moves them only on a turn of the event loop,
 * which a database answering at once never gives: without this the whole
 * file would wait in memory, chunk by chunk.
 */
async function caughtUp(doc: Doc, out: Writable): Promise<void> {
  await nextTurn()
  while (!out.destroyed && (out.writableNeedDrain || doc.readableLength > 0)) {
    if (out.writableNeedDrain) await once(out, 'drain')
    else await nextTurn()
  }
}

/** Writes the book to `out`; resolves with its page count once `out` has it all. */
export async function writePdf(book: PdfBook, out: Writable): Promise<{ pages: number; tables: number }> {
  // Loaded on first use: pdfkit reads its own data files as it loads, which only a PDF export needs
  // (the function registry, imported everywhere, must not pay for it).
  const PDFDocument = (await import('pdfkit')).default as typeof PDFKitDocument
  const doc = new PDFDocument({ autoFirstPage: false, size: 'A4', margin: 0, compress: true, info: { Title: book.title, Creator: '双报到', Producer: '双报到' } })
  const finished = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve)
    out.on('error', reject)
    doc.on('error', reject)
  })
  // Awaited at the end, where a failure is thrown; until then it must not count as an unhandled rejection.
  finished.catch(() => undefined)
  doc.pipe(out)
  doc.registerFont('regular', cjkFont('regular'))
  doc.registerFont('bold', cjkFont('bold'))
  const metrics = new Metrics(doc)

  // Pass 1: each table's pages, nothing drawn. A run of tables of one form (every member's 附件1)
  // is one entry of the contents, with its count, where its first table starts.
  const entries: ContentsEntry[] = []
  let tables = 0
  let rows = 0
  for await (const table of book.tables()) {
    const pages = layTable(table, metrics, null)
    const last = entries[entries.length - 1]
    if (last && last.form === formOf(table)) {
      last.pages += pages
      last.count++
    } else {
      entries.push({ title: table.title, form: formOf(table), count: 1, pages, page: 0 })
    }
    tables++
    rows += table.rows.length
  }
  // Forms with no row at all: the category has nothing to file yet.
  if (rows === 0) throw new AppError('EXPORT_EMPTY')
  const coverPages = book.cover ? 1 : 0
  const contentsPages = book.cover ? Math.ceil(entries.length / TOC_PER_PAGE) : 0
  let next = coverPages + contentsPages + 1
  for (const entry of entries) {
    entry.page = next
    next += entry.pages
  }
  const total = next - 1

  // Pass 2: draw, numbering each page as it starts.
  let pageNumber = 0
  const newPage = (page: Page) => {
    doc.addPage({ size: [page.width, page.height], margin: 0 })
    pageNumber++
    const label = `第 ${pageNumber} 页　共 ${total} 页`
    doc.font('regular').fontSize(8.5)
    doc.text(label, (page.width - metrics.width(label, 8.5, 'regular')) / 2, page.height - MARGIN - 10, { lineBreak: false })
  }
  if (book.cover) {
    newPage(A4)
    drawCover(doc, book.cover)
    drawContents(doc, metrics, entries, 1, contentsPages, newPage)
  }
  let drawn = 0
  for await (const table of book.tables()) {
    drawn++
    layTable(table, metrics, { doc, newPage })
    if (drawn % FORGET_LAYOUTS_EVERY === 0) forgetLayouts(doc)
    await caughtUp(doc, out)
  }
  if (drawn !== tables) throw new Error(`writePdf: the tables changed between passes (${tables} then ${drawn})`)
  doc.end()
  await finished
  return { pages: total, tables }
}
