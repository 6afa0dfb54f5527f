import { z } from 'zod'
import { LEDGER_CATEGORY_NOS, LEDGER_ITEMS } from '../ledger'
import { plainText } from '../text'
import { action } from './action-contract'
import { count, dateInput, id, isoDate, paging, pageOf } from './common'

// `ledger` (issue 12 §1): the community's 台账 for a year — the five
// categories with each item's count and what is missing, the 文件清单's
// documents (upload, list, remove), and every table of the five categories
// as table models (src/domain/table-model.ts), a page at a time.

const year = { year: z.number({ error: '年份应为数字' }).int('年份应为整数').min(2000, '年份超出范围').max(2100, '年份超出范围') }
const communityId = { communityId: id('社区') }

const mergeSchema = z.strictObject({ row: count, col: count, rowSpan: count, colSpan: count })

/** src/domain/table-model.ts, with its optional paper layout. */
export const ledgerTableSchema = z.strictObject({
  title: z.string(),
  subtitle: z.string(),
  header: z.array(z.array(z.string())),
  rows: z.array(z.array(z.string())),
  layout: z
    .strictObject({
      merges: z.array(mergeSchema).optional(),
      widths: z.array(z.number()).optional(),
      orientation: z.enum(['portrait', 'landscape']).optional(),
      font: z.enum(['宋体', '仿宋']).optional(),
      footer: z.array(z.array(z.string())).optional(),
      bodyMerges: z.array(mergeSchema).optional(),
    })
    .optional(),
})

export const ledgerItemStateSchema = z.strictObject({
  item: z.enum(LEDGER_ITEMS),
  label: z.string(),
  count,
  unit: z.string(),
  /** What is missing, one line each (empty: nothing missing). */
  missing: z.array(z.string()),
})

export const ledgerOverviewSchema = z.strictObject({
  communityId: z.string(),
  communityName: z.string(),
  year: z.number().int(),
  categories: z.array(
    z.strictObject({
      no: z.union(LEDGER_CATEGORY_NOS.map((n) => z.literal(n))),
      title: z.string(),
      cover: z.string(),
      items: z.array(ledgerItemStateSchema),
    }),
  ),
})
export type LedgerOverview = z.output<typeof ledgerOverviewSchema>

export const ledgerDocumentSchema = z.strictObject({
  documentId: z.string(),
  communityId: z.string(),
  year: z.number().int(),
  title: z.string(),
  issuedBy: z.string(),
  issuedAt: isoDate,
  /** pdf, docx, jpeg, png, webp, gif; 'none' for an entry kept without a file. */
  format: z.string(),
  /** A temporary link to open the file; '' when there is none. */
  url: z.string(),
  note: z.string(),
  uploadedAt: isoDate,
})
export type LedgerDocumentView = z.output<typeof ledgerDocumentSchema>

export const ledgerContract = {
  /** Staff: the year's five categories, each item's count and what is missing. */
  overview: action(z.strictObject({ ...communityId, ...year }), ledgerOverviewSchema),
  /** Staff: the 文件清单's documents of the year, newest first. */
  documentList: action(z.strictObject({ ...communityId, ...year, ...paging }), pageOf(ledgerDocumentSchema)),
  /** Staff: file an uploaded PDF, image or Word document (uploaded as kind pdf, image or word). */
  documentAdd: action(
    z.strictObject({
      ...communityId,
      ...year,
      fileID: z.string().trim().min(1, '请先上传文件').max(1024, '文件标识不正确'),
      title: plainText('文件标题', { max: 80, required: true }),
      issuedBy: plainText('发文单位', { max: 60, required: true }),
      issuedAt: dateInput,
    }),
    ledgerDocumentSchema,
  ),
  /** Staff: take a document off the list (its file is deleted). */
  documentRemove: action(z.strictObject({ documentId: id('文件') }), z.strictObject({ documentId: z.string(), removed: z.boolean() })),
  /** Staff: one item's tables, a page at a time (one table per member for 附件1, 服务清单 and 反馈卡). */
  tables: action(
    z.strictObject({ ...communityId, ...year, item: z.enum(LEDGER_ITEMS, { error: '台账项目不正确' }), page: paging.page, pageSize: z.number().int().min(1).max(20).default(10) }),
    z.strictObject({ tables: z.array(ledgerTableSchema), total: count, page: count, pageSize: count }),
  ),
}
