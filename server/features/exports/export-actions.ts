import type { Writable } from 'node:stream'
import { authorize } from '../../../src/domain/access'
import { inChina } from '../../../src/domain/china-time'
import type { ExportFile } from '../../../src/domain/contracts/exports.contract'
import { AppError } from '../../../src/domain/errors'
import { CATEGORY_LABELS, LEDGER_CATEGORIES, materialLabel, type LedgerCategory } from '../../../src/domain/export-tables'
import type { TableModel } from '../../../src/domain/table-model'
import type { CommunityDoc } from '../../db/docs'
import { communityScope, findById, loadCommunity, notFound } from '../../db/load'
import type { KnownContext } from '../../kernel/function-def'
import { writePdf } from '../../exports/pdf'
import { writeXlsx } from '../../exports/xlsx'
import { writeZip } from '../../exports/zip'
import { downloadStored, storeExport } from './export-store'
import { ledgerSource, type LedgerScope } from './table-source'
import { unitPairingForm, unitReportForm } from './unit-forms'

// The export actions. A category is one call (its tables read in pages,
// rendered to a file, stored): at 2,000 members the largest category takes a
// few seconds, well inside the 60 s a function may run. The whole 台账 is a
// second kind of call that only zips the category files already stored, so no
// call renders more than one category.

type Format = 'xlsx' | 'pdf'


interface ExportFileDoc {
  _id: string
  communityId: string
  year: number
  category: LedgerCategory
  format: Format
  fileID: string
  name: string
  at: Date
}

const exportFileId = (communityId: string, year: number, category: string, format: Format) => `${communityId}-${year}-${category}-${format}`

/** The community's 台账 for a year: its staff; a year not begun has no 台账. */
async function ledgerOf(ctx: KnownContext, communityId: string, year: number): Promise<CommunityDoc> {
  const community = await loadCommunity(ctx.db, communityId)
  authorize(ctx.principal, 'ledger.print', communityScope(community))
  if (year > inChina(ctx.now()).year()) throw notFound(`${year}年度的台账`)
  return community
}

function render(format: Format, tables: () => AsyncIterable<TableModel>, title: string, cover?: Parameters<typeof writePdf>[0]['cover']) {
  return async (out: Writable) =>
    format === 'pdf' ? { parts: (await writePdf({ title, cover, tables }, out)).pages } : { parts: await writeXlsx(tables(), out) }
}

export async function exportCategory(ctx: KnownContext, input: { communityId: string; year: number; category: LedgerCategory; format: Format }): Promise<ExportFile> {
  const community = await ledgerOf(ctx, input.communityId, input.year)
  const scope: LedgerScope = { communityId: community._id, communityName: community.name, year: input.year, category: input.category }
  const label = CATEGORY_LABELS[input.category]
  const name = `${community.name}${input.year}年台账之${label.order}-${label.name}.${input.format}`
  const file = await storeExport(
    ctx,
    {
      cloudPath: `exports/${community._id}/${input.year}/${input.category}.${input.format}`,
      name,
      audit: { action: 'exports.category', target: { communityId: community._id }, details: { year: input.year, category: input.category, format: input.format } },
    },
    render(input.format, () => ledgerSource(ctx.db, scope), `${community.name}${input.year}年${label.name}`, {
      material: materialLabel(input.category),
      category: `${label.order}、${label.name}`,
      communityName: community.name,
      year: input.year,
    }),
  )
  const doc: Omit<ExportFileDoc, '_id'> = { communityId: community._id, year: input.year, category: input.category, format: input.format, fileID: file.fileID, name, at: ctx.now() }
  await ctx.db.collection('exportFiles').doc(exportFileId(community._id, input.year, input.category, input.format)).set({ data: doc })
  return file
}

export async function exportLedger(ctx: KnownContext, input: { communityId: string; year: number; format: Format }): Promise<ExportFile> {
  const community = await ledgerOf(ctx, input.communityId, input.year)
  const stored = (
    await Promise.all(LEDGER_CATEGORIES.map((c) => findById<ExportFileDoc>(ctx.db, 'exportFiles', exportFileId(community._id, input.year, c, input.format))))
  ).filter((d): d is ExportFileDoc => d !== undefined)
  if (stored.length === 0) throw new AppError('EXPORT_NOT_READY')
  return storeExport(
    ctx,
    {
      cloudPath: `exports/${community._id}/${input.year}/ledger-${input.format}.zip`,
      name: `${community.name}${input.year}年双报到台账.zip`,
      audit: { action: 'exports.ledger', target: { communityId: community._id }, details: { year: input.year, format: input.format, categories: stored.map((d) => d.category) } },
    },
    async (out) => ({ parts: (await writeZip(stored.map((d) => ({ name: d.name, open: () => downloadStored(d.fileID) })), out)).files }),
  )
}

export async function exportUnitForm(ctx: KnownContext, input: { unitId: string; year: number; form: '附件3' | '附件4'; format: Format }): Promise<ExportFile> {
  const table = input.form === '附件3' ? await unitReportForm(ctx, input.unitId) : await unitPairingForm(ctx, input.unitId, input.year)
  if (!table) throw new AppError('EXPORT_EMPTY')
  return storeExport(
    ctx,
    {
      cloudPath: `exports/${input.unitId}/${input.year}/${input.form}.${input.format}`,
      name: `${table.title}（${input.year}年）.${input.format}`,
      audit: { action: 'exports.unitForm', target: { unitId: input.unitId }, details: { year: input.year, form: input.form, format: input.format } },
    },
    render(input.format, async function* () {
      yield table
    }, table.title),
  )
}
