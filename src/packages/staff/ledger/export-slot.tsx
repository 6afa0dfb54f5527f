import { useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import type { ExportFile } from '../../../domain/contracts/exports.contract'
import { LEDGER_CATEGORIES as EXPORT_CATEGORIES } from '../../../domain/export-tables'
import { LEDGER_CATEGORY_NOS, type LedgerCategoryNo } from '../../../domain/ledger'
import { Notice } from '../../../components/notice'
import { callFunction } from '../../../services/call-function'
import { openDocument } from './open-document'

// The ledger's export buttons (issue 12 §2): a category as .xlsx or as a PDF
// with its cover and contents; the whole 台账 as a zip of every category's
// PDF. Each category is its own call (each well inside a function's 60 s),
// so the whole 台账 is exported category by category, then zipped.

export interface ExportSlotProps {
  communityId: string
  year: number
  /** Omitted: the whole 台账 as a zip. */
  category?: LedgerCategoryNo
}

type Format = 'xlsx' | 'pdf'
const nameOf = (no: LedgerCategoryNo) => EXPORT_CATEGORIES[no - 1]!

export function LedgerExportSlot({ communityId, year, category }: ExportSlotProps) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  const [file, setFile] = useState<ExportFile | null>(null)
  const exportCategory = (no: LedgerCategoryNo, format: Format) => callFunction('exports', { action: 'category', communityId, year, category: nameOf(no), format })

  const run = async (work: () => Promise<{ ok: true; data: ExportFile } | { ok: false; message: string }>, format: string) => {
    setBusy(true)
    setError('')
    const result = await work()
    setBusy(false)
    if (!result.ok) return setError(result.message)
    setFile(result.data)
    openDocument(result.data.url, format)
  }

  const whole = async () => {
    // Every category with something to file, then the zip of them.
    for (const no of LEDGER_CATEGORY_NOS) {
      const done = await exportCategory(no, 'pdf')
      if (!done.ok && done.code !== 'EXPORT_EMPTY') return done
    }
    return callFunction('exports', { action: 'ledger', communityId, year, format: 'pdf' })
  }

  const id = category ? `ledger-export-${category}` : 'ledger-export'
  return (
    <View className='actions no-print' id={id}>
      {category ? (
        <>
          <Button className='btn-mini btn-mini--grey' id={`${id}-xlsx`} disabled={busy || undefined} onClick={() => void run(() => exportCategory(category, 'xlsx'), 'xlsx')}>
            导出Excel
          </Button>
          <Button className='btn-mini btn-mini--grey' id={`${id}-pdf`} disabled={busy || undefined} onClick={() => void run(() => exportCategory(category, 'pdf'), 'pdf')}>
            导出PDF
          </Button>
        </>
      ) : (
        <Button className='btn btn--primary' id='ledger-export-all' disabled={busy || undefined} onClick={() => void run(whole, 'zip')}>
          {busy ? '正在导出…' : '导出全部台账（PDF压缩包）'}
        </Button>
      )}
      <Notice id={`${id}-error`} tone='error' text={error} />
      {file ? (
        <Text className='muted' id={`${id}-done`}>{`已生成 ${file.name}，下载链接1小时内有效`}</Text>
      ) : null}
    </View>
  )
}
