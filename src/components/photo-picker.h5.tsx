import type { ChangeEvent } from 'react'
import { View } from '@tarojs/components'
import type { PhotoPickerProps } from './photo-picker-props'
import { readBytes } from '../services/read-blob'

// h5: an image file input (the kind is checked by its bytes before upload, upload-plan.ts).
export function PhotoPicker({ id, busy, room, onPicked, onError }: PhotoPickerProps) {
  const onChange = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget
    const files = Array.from(input.files ?? []).slice(0, room)
    try {
      onPicked(await Promise.all(files.map(async (file) => ({ name: file.name, bytes: await readBytes(file), source: file }))))
    } catch {
      onError('无法读取所选照片，请重试')
    } finally {
      input.value = ''
    }
  }
  return (
    <View>
      <label className='btn btn--plain btn--block' id={`${id}-label`}>
        {`添加照片（还可添加${room}张）`}
        <input className='visually-hidden' id={`${id}-input`} type='file' accept='image/*' multiple disabled={busy || room <= 0} onChange={(e) => void onChange(e)} />
      </label>
    </View>
  )
}
