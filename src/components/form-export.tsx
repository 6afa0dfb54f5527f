import { View, Text, Button } from '@tarojs/components'
import type { ExportFile } from '../domain/contracts/exports.contract'
import type { Result } from '../domain/result'
import { useExport } from '../services/use-export'
import { Notice } from './notice'
import './ui.css'

export type ExportFormat = 'xlsx' | 'pdf'

/** What an export said: its error, or the file made and how long its link works. `id` is the test hook's stem. */
export function ExportStatus({ id, error, file }: { id: string; error: string; file: ExportFile | null }) {
  return (
    <>
      <Notice id={`${id}-error`} tone='error' text={error} />
      {file ? (
        <Text className='muted' id={`${id}-done`}>{`已生成 ${file.name}，下载链接1小时内有效`}</Text>
      ) : null}
    </>
  )
}

interface Props {
  /** The buttons are #<id>-xlsx and #<id>-pdf. */
  id: string
  exportAs: (format: ExportFormat) => Promise<Result<ExportFile>>
}

/** A form's 导出Excel and 导出PDF buttons (exports.*): the file opens when it is made. */
export function FormExport({ id, exportAs }: Props) {
  const { busy, error, file, run } = useExport()
  return (
    <View className='actions no-print' id={id}>
      <Button className='btn-mini btn-mini--grey' id={`${id}-xlsx`} disabled={busy || undefined} onClick={() => void run(() => exportAs('xlsx'), 'xlsx')}>
        导出Excel
      </Button>
      <Button className='btn-mini btn-mini--grey' id={`${id}-pdf`} disabled={busy || undefined} onClick={() => void run(() => exportAs('pdf'), 'pdf')}>
        导出PDF
      </Button>
      <ExportStatus id={id} error={error} file={file} />
    </View>
  )
}
