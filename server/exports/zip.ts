import type { Readable, Writable } from 'node:stream'
import archiver from 'archiver'

// The whole 台账 as one zip: one file per category, each streamed in from
// storage (or wherever `open` reads it) and out to `out` without holding the
// archive in memory. The files are already compressed (.xlsx, .pdf), so they
// are stored, not deflated again.

export interface ZipEntry {
  name: string
  open: () => Promise<Readable | Buffer>
}

export async function writeZip(entries: readonly ZipEntry[], out: Writable): Promise<{ files: number; bytes: number }> {
  const zip = archiver('zip', { store: true })
  const finished = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve)
    out.on('error', reject)
    zip.on('error', reject)
    zip.on('warning', reject)
  })
  zip.pipe(out)
  // One file read at a time: the next is opened once the archive has taken the last.
  for (const entry of entries) {
    const added = new Promise((resolve) => zip.once('entry', resolve))
    zip.append(await entry.open(), { name: entry.name })
    await added
  }
  await zip.finalize()
  await finished
  return { files: entries.length, bytes: zip.pointer() }
}
