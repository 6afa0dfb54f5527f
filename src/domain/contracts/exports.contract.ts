import { z } from 'zod'
import { LEDGER_CATEGORIES } from '../export-tables'
import { action } from './action-contract'
import { id } from './common'

// `exports` (issue 12 §2–3): the 台账 written as files in the forms' own
// layout — one table, one category (a PDF with a cover and contents, or an
// .xlsx of its tables), the whole ledger as a zip of the category files — and
// the unit's 附件3 and 附件4. Each is stored under exports/<scope>/<year>/ and
// answered with a download link that expires.

const year = z.number({ error: '年份应为数字' }).int('年份应为整数').min(2000, '年份超出范围').max(2100, '年份超出范围')
const format = z.enum(['xlsx', 'pdf'], { error: '导出格式应为 xlsx 或 pdf' })

export const exportFileSchema = z.strictObject({
  fileID: z.string(),
  /** The file name to save it as. */
  name: z.string(),
  /** A temporary download link; it stops working at `expiresAt`. */
  url: z.string(),
  expiresAt: z.string(),
  bytes: z.number().int(),
  /** PDFs: pages; xlsx: sheets; zip: files. */
  parts: z.number().int(),
})
export type ExportFile = z.output<typeof exportFileSchema>

export const exportsContract = {
  /** One category of the community's 台账 for a year (staff of the community). */
  category: action(z.strictObject({ communityId: id('社区'), year, category: z.enum(LEDGER_CATEGORIES, { error: '请选择台账类别' }), format }), exportFileSchema),
  /**
   * The whole 台账 as a zip of the category files already exported with
   * `category` in `format` (each category one call, so each stays well inside
   * 60 s); the empty categories are left out.
   */
  ledger: action(z.strictObject({ communityId: id('社区'), year, format }), exportFileSchema),
  /** The unit's 附件3 汇总表 (with the 说明 figures) or its 附件4 for a year (its secretary or liaison). */
  unitForm: action(z.strictObject({ unitId: id('单位'), year, form: z.enum(['附件3', '附件4'], { error: '请选择附件3或附件4' }), format }), exportFileSchema),
}
