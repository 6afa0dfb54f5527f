import type { ChangeEvent } from 'react'
import { View } from '@tarojs/components'
import { NOT_DOCUMENT_MESSAGE } from '../../../domain/ledger'
import { readBlob } from '../../../services/read-blob'
import { acceptsDocumentName, type DocumentFilePickerProps } from './document-file-props'

// h5: a file input for a PDF, an image or a Word file.
export function DocumentFilePicker({ busy, onPicked, onError }: DocumentFilePickerProps) {
  const onChange = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget
    const file = input.files?.[0]
    if (!file) return
    try {
      if (!acceptsDocumentName(file.name)) {
        onError(NOT_DOCUMENT_MESSAGE)
        return
      }
      onPicked({ name: file.name, bytes: await readBlob(file), source: file })
    } catch {
      onError('无法读取所选文件，请重试')
    } finally {
      input.value = ''
    }
  }
  return (
    <View>
      <label className='btn btn--block' id='ledger-doc-file-label'>
        选择文件（PDF / 图片 / Word）
        <input className='visually-hidden' id='ledger-doc-file' type='file' accept='.pdf,.docx,image/*' disabled={busy} onChange={(e) => void onChange(e)} />
      </label>
    </View>
  )
}
