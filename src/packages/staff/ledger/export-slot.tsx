import { View, Button } from '@tarojs/components'
import type { ExportFile } from '../../../domain/contracts/exports.contract'
import type { Result } from '../../../domain/result'
import { LEDGER_CATEGORIES as EXPORT_CATEGORIES } from '../../../domain/export-tables'
import { LEDGER_CATEGORY_NOS, type LedgerCategoryNo } from '../../../domain/ledger'
import { ExportStatus, FormExport, type ExportFormat } from '../../../components/form-export'
import { callFunction } from '../../../services/call-function'
import { useExport } from '../../../services/use-export'

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

const nameOf = (no: LedgerCategoryNo) => EXPORT_CATEGORIES[no - 1]!

export function LedgerExportSlot({ communityId, year, category }: ExportSlotProps) {
  const exportCategory = (no: LedgerCategoryNo, format: ExportFormat) => callFunction('exports', { action: 'category', communityId, year, category: nameOf(no), format })
  if (category) return <FormExport id={`ledger-export-${category}`} exportAs={(format) => exportCategory(category, format)} />
  return <WholeLedger communityId={communityId} year={year} exportCategory={exportCategory} />
}

function WholeLedger({ communityId, year, exportCategory }: { communityId: string; year: number; exportCategory: (no: LedgerCategoryNo, format: ExportFormat) => Promise<Result<ExportFile>> }) {
  const { busy, error, file, run } = useExport()
  const whole = async () => {
    // Every category with something to file, then the zip of them.
    for (const no of LEDGER_CATEGORY_NOS) {
      const done = await exportCategory(no, 'pdf')
      if (!done.ok && done.code !== 'EXPORT_EMPTY') return done
    }
    return callFunction('exports', { action: 'ledger', communityId, year, format: 'pdf' })
  }
  return (
    <View className='actions no-print' id='ledger-export'>
      <Button className='btn btn--primary' id='ledger-export-all' disabled={busy || undefined} onClick={() => void run(whole, 'zip')}>
        {busy ? '正在导出…' : '导出全部台账（PDF压缩包）'}
      </Button>
      <ExportStatus id='ledger-export' error={error} file={file} />
    </View>
  )
}
