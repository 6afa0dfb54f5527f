import { useState } from 'react'
import type { ExportFile } from '../domain/contracts/exports.contract'
import type { Result } from '../domain/result'
import { openDocument } from './open-document'

/**
 * An export from a page: `run` makes the calls that end in a file (one, or a
 * category at a time and then the zip), then opens the file as the platform
 * can (h5 a new tab; WeChat its document viewer, or a zip's link copied).
 */
export function useExport() {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  const [file, setFile] = useState<ExportFile | null>(null)
  const run = async (work: () => Promise<Result<ExportFile>>, format: string) => {
    setBusy(true)
    setError('')
    const result = await work()
    setBusy(false)
    if (!result.ok) return setError(result.message)
    setFile(result.data)
    openDocument(result.data.url, format)
  }
  return { busy, error, file, run }
}
