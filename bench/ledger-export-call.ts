import { createReadStream, createWriteStream, statSync } from 'node:fs'
import { once } from 'node:events'
import { openLocalDatabase } from '../local/runtime/open-database'
import type { Database } from '../server/kernel/database'
import { CATEGORY_LABELS, materialLabel, type LedgerCategory } from '../src/domain/export-tables'
import { writePdf } from '../server/exports/pdf'
import { writeXlsx } from '../server/exports/xlsx'
import { writeZip } from '../server/exports/zip'
import { ledgerSource } from '../server/features/exports/table-source'

// One export call of bench/ledger-export.ts, in a process of its own as a
// cloud function call has: renders one category of the bench's community
// from the database file (or zips the category files given), and prints one
// JSON line — the time, the file's size, the process's RSS at rest before the
// call and its peak RSS. Bundled by the bench with esbuild (its packages left
// in node_modules, where the deployed bundle takes all but wx-server-sdk and
// pdfkit in), so its RSS is not the TypeScript loader's.

export interface CallRequest {
  database: string
  community: { _id: string; name: string }
  year: number
  out: string
  job: { kind: 'category'; category: LedgerCategory; format: 'xlsx' | 'pdf' } | { kind: 'zip'; files: Array<{ name: string; path: string }> }
}

export interface CallResult {
  ms: number
  bytes: number
  /** Rendered: false when the category had nothing to export (EXPORT_EMPTY). */
  rendered: boolean
  restMb: number
  peakMb: number
}

const MB = 1024 * 1024

async function render(request: CallRequest, db: Database | null, out: ReturnType<typeof createWriteStream>): Promise<void> {
  const { job } = request
  if (job.kind === 'zip') {
    await writeZip(job.files.map((f) => ({ name: f.name, open: async () => createReadStream(f.path) })), out)
    return
  }
  if (!db) throw new Error('a category is rendered from the database')
  const scope = { communityId: request.community._id, communityName: request.community.name, year: request.year, category: job.category }
  if (job.format === 'xlsx') {
    await writeXlsx(ledgerSource(db, scope), out)
    return
  }
  const cover = { material: materialLabel(job.category), category: CATEGORY_LABELS[job.category].name, communityName: request.community.name, year: request.year }
  await writePdf({ title: job.category, tables: () => ledgerSource(db, scope), cover }, out)
}

async function main(): Promise<void> {
  const request = JSON.parse(process.argv[2]!) as CallRequest
  // At rest: the runtime loaded and the database open, as a warm function instance is.
  const db = request.job.kind === 'category' ? openLocalDatabase(request.database).db : null
  const restMb = process.memoryUsage().rss / MB
  const start = performance.now()
  const out = createWriteStream(request.out)
  await once(out, 'open')
  let rendered = true
  try {
    await render(request, db, out)
  } catch (error) {
    if ((error as { code?: string }).code !== 'EXPORT_EMPTY') throw error
    rendered = false
    out.destroy()
  }
  const result: CallResult = { ms: performance.now() - start, bytes: rendered ? statSync(request.out).size : 0, rendered, restMb, peakMb: (process.resourceUsage().maxRSS * 1024) / MB }
  process.stdout.write(JSON.stringify(result) + '\n')
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
