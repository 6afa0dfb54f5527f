import type { ChangeEvent } from 'react'
import type { PickedFile } from '../services/picked-file'
import { readBlob } from '../services/read-blob'
import type { PhotoPickerProps } from './photo-picker-props'
import './ui.css'

// h5: an image file input; `#<id>-input` is the <input> (browser tests set files on it).
export function PhotoPicker({ id, busy, room, onPicked, onError }: PhotoPickerProps) {
  const onChange = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget
    const files = [...(input.files ?? [])].slice(0, room)
    try {
      const picked: PickedFile[] = []
      for (const file of files) picked.push({ name: file.name, bytes: await readBlob(file), source: file })
      if (picked.length > 0) onPicked(picked)
    } catch {
      onError('无法读取所选照片，请重试')
    } finally {
      input.value = ''
    }
  }
  return (
    <label className='btn btn--block' id={id}>
      添加照片
      <input className='visually-hidden' id={`${id}-input`} type='file' accept='image/*' multiple disabled={busy || room <= 0} onChange={(e) => void onChange(e)} />
    </label>
  )
}
