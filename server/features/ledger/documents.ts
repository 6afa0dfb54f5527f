import { createHash } from 'crypto'
import { can } from '../../../src/domain/access'
import type { LedgerDocumentView } from '../../../src/domain/contracts/ledger.contract'
import { AppError } from '../../../src/domain/errors'
import { cloudPathOf, type UploadKind } from '../../../src/domain/upload-kinds'
import { findById, notFound } from '../../db/load'
import { readPage } from '../../db/read'
import type { KnownContext } from '../../kernel/function-def'
import { discardUploads, readUpload } from '../../storage/uploads'
import { tempLinks } from '../../storage/temp-links'
import { ledgerCommunity, requireLedgerYear } from './ledger-access'
import type { LedgerDocumentDoc } from './ledger-docs'

// 文件清单 (category 一): the documents a community files for a year. An
// upload is taken only as a PDF, an image or a Word file, by its bytes.

const DOCUMENT_KINDS: readonly UploadKind[] = ['pdf', 'image', 'word']
const WRONG_KIND_CODES = new Set(['NOT_PDF', 'NOT_IMAGE', 'NOT_WORD'])

export function documentView(doc: LedgerDocumentDoc, url: string): LedgerDocumentView {
  return {
    documentId: doc._id,
    communityId: doc.communityId,
    year: doc.year,
    title: doc.title,
    issuedBy: doc.issuedBy,
    issuedAt: doc.issuedAt.toISOString(),
    format: doc.format,
    url,
    note: doc.note,
    uploadedAt: doc.uploadedAt.toISOString(),
  }
}

export async function listDocuments(ctx: KnownContext, input: { communityId: string; year: number; page: number; pageSize: number }) {
  await ledgerCommunity(ctx, input.communityId)
  requireLedgerYear(ctx, input.year)
  const { docs, total } = await readPage<LedgerDocumentDoc>(ctx.db, 'ledgerDocuments', { communityId: input.communityId, year: input.year }, ['issuedAt', 'desc'], input)
  const links = await tempLinks(docs.flatMap((d) => (d.fileId ? [d.fileId] : [])))
  return { rows: docs.map((d) => documentView(d, d.fileId ? (links.get(d.fileId) ?? '') : '')), total, page: input.page, pageSize: input.pageSize }
}

/** The upload kind a fileID was stored under (uploads/<kind>/…), when it is one the 文件清单 takes. */
function documentKind(fileID: string): UploadKind | null {
  const kind = /^uploads\/([a-z]+)\//.exec(cloudPathOf(fileID) ?? '')?.[1]
  return DOCUMENT_KINDS.find((k) => k === kind) ?? null
}

export async function addDocument(ctx: KnownContext, input: { communityId: string; year: number; fileID: string; title: string; issuedBy: string; issuedAt: Date }): Promise<LedgerDocumentView> {
  const community = await ledgerCommunity(ctx, input.communityId)
  requireLedgerYear(ctx, input.year)
  if (Number.isNaN(input.issuedAt.getTime()) || input.issuedAt.getTime() > ctx.now().getTime()) throw new AppError('LEDGER_DATE_FUTURE')
  const kind = documentKind(input.fileID)
  // A spreadsheet or anything else uploaded under another kind is refused by the same code as bytes that are not a document.
  if (!kind && cloudPathOf(input.fileID)?.startsWith('uploads/')) throw new AppError('NOT_LEDGER_DOCUMENT')
  let format: string
  try {
    format = (await readUpload(ctx, input.fileID, kind ?? 'pdf')).format
  } catch (error) {
    if (error instanceof AppError && WRONG_KIND_CODES.has(error.code)) throw new AppError('NOT_LEDGER_DOCUMENT')
    throw error
  }
  // One entry per upload: pressing 保存 twice files it once.
  const _id = `ledgerdoc-${createHash('sha1').update(input.fileID).digest('hex').slice(0, 24)}`
  const now = ctx.now()
  const doc: LedgerDocumentDoc = {
    _id,
    communityId: community._id,
    streetId: community.streetId,
    districtId: community.districtId,
    year: input.year,
    title: input.title,
    issuedBy: input.issuedBy,
    issuedAt: input.issuedAt,
    fileId: input.fileID,
    format,
    note: '',
    uploadedBy: ctx.principal.userId,
    uploadedAt: now,
  }
  const { _id: id, ...data } = doc
  await ctx.db.collection('ledgerDocuments').doc(id).set({ data })
  const links = await tempLinks([input.fileID])
  return documentView(doc, links.get(input.fileID) ?? '')
}

export async function removeDocument(ctx: KnownContext, documentId: string) {
  const doc = await findById<LedgerDocumentDoc>(ctx.db, 'ledgerDocuments', documentId)
  if (!doc || !can(ctx.principal, 'ledger.print', { communityId: doc.communityId, streetId: doc.streetId, districtId: doc.districtId })) throw notFound('文件')
  await ctx.db.collection('ledgerDocuments').doc(doc._id).remove()
  if (doc.fileId) await discardUploads([doc.fileId])
  return { documentId: doc._id, removed: true }
}
