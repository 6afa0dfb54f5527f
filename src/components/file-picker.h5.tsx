import type { ChangeEvent } from 'react'
import { View } from '@tarojs/components'
import { readBlob } from '../services/read-blob'
import { hasExtension, type FilePickerProps } from './file-picker-props'

// h5: a file input behind a button-styled label.
export function FilePicker({ id, label, extensions, refusal, accept, className = 'btn btn--block', busy, onPicked, onError }: FilePickerProps) {
  const onChange = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget
    const file = input.files?.[0]
    if (!file) return
    try {
      if (!hasExtension(file.name, extensions)) {
        onError(refusal)
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
      <label className={className} id={`${id}-label`}>
        {label}
        <input className='visually-hidden' id={`${id}-input`} type='file' accept={accept ?? extensions.map((e) => `.${e}`).join(',')} disabled={busy} onChange={(e) => void onChange(e)} />
      </label>
    </View>
  )
}
