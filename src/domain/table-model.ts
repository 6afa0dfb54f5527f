// A printed form as data: what the printable page renders and what the
// ledger (issue 12) exports as .xlsx and PDF. Pure: no I/O, no library.

/** A merged block of the header, in header coordinates (row 0 is the first header row). */
export interface HeaderMerge {
  row: number
  col: number
  rowSpan: number
  colSpan: number
}

/**
 * How the form is laid out on paper, where the seed's form says so. A merged
 * header cell's text stands in its top-left cell; the cells it covers are ''.
 */
export interface TableLayout {
  merges?: HeaderMerge[]
  /** Column widths in characters (exceljs' unit), one per column. */
  widths?: number[]
  orientation?: 'portrait' | 'landscape'
  /** The font the form is printed in; 宋体 when absent. */
  font?: '宋体' | '仿宋'
  /** Rows after the body: totals and the form's footer lines (附件3's 合计, 填表人, 填表日期). */
  footer?: string[][]
  /**
   * Merged blocks of the body, in body coordinates (row 0 is the first body
   * row): a form laid out as a grid rather than a list (附件1, the 反馈卡).
   * Added for the ledger (issue 12); the text stands in the top-left cell.
   */
  bodyMerges?: HeaderMerge[]
}

export interface TableModel {
  title: string
  subtitle: string
  header: string[][]
  rows: string[][]
  layout?: TableLayout
}
