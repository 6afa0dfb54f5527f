import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { once } from 'node:events'
import type { Writable } from 'node:stream'
import * as cloud from 'wx-server-sdk'
import type { ExportFile } from '../../../src/domain/contracts/exports.contract'
import { writeAudit } from '../../audit/audit-log'
import type { KnownContext } from '../../kernel/function-def'

// An export's file: written to the function's /tmp as it is rendered (never
// whole in memory), uploaded to cloud storage at a fixed path (exporting again
// replaces it), offered as a download link that expires, and recorded in the
// audit log (who, what, when). Nothing is uploaded or recorded when rendering
// fails — an empty category (EXPORT_EMPTY) leaves no file.

/** How long a download link works: long enough to save the file, short enough not to travel. */
export const LINK_SECONDS = 3600

export interface Rendered {
  /** Pages, sheets or files. */
  parts: number
}

export interface ExportTarget {
  cloudPath: string
  name: string
  /** The audit entry's action and target. */
  audit: { action: string; target: Record<string, string>; details: Record<string, unknown> }
}

async function link(fileID: string): Promise<string> {
  const result = (await cloud.getTempFileURL({ fileList: [{ fileID, maxAge: LINK_SECONDS }] })) as { fileList: Array<{ tempFileURL?: string; status?: number }> }
  const file = result.fileList[0]
  if (!file || file.status !== 0 || !file.tempFileURL) throw new Error(`getTempFileURL failed for ${fileID}`)
  return file.tempFileURL
}

export async function storeExport(ctx: KnownContext, target: ExportTarget, render: (out: Writable) => Promise<Rendered>): Promise<ExportFile> {
  const dir = mkdtempSync(join(tmpdir(), 'export-'))
  const path = join(dir, 'file')
  try {
    const out = createWriteStream(path)
    await once(out, 'open')
    let rendered: Rendered
    try {
      rendered = await render(out)
    } catch (error) {
      out.destroy()
      throw error
    }
    const bytes = statSync(path).size
    const { fileID } = (await cloud.uploadFile({ cloudPath: target.cloudPath, fileContent: createReadStream(path) })) as { fileID: string }
    const url = await link(fileID)
    const now = ctx.now()
    await writeAudit(ctx, target.audit.action, target.audit.target, { ...target.audit.details, fileID, bytes, parts: rendered.parts })
    return { fileID, name: target.name, url, expiresAt: new Date(now.getTime() + LINK_SECONDS * 1000).toISOString(), bytes, parts: rendered.parts }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

export async function downloadStored(fileID: string): Promise<Buffer> {
  return (await cloud.downloadFile({ fileID })).fileContent as Buffer
}
