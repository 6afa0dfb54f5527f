import Taro from '@tarojs/taro'
import { Button } from '@tarojs/components'
import type { PickedFile } from '../services/picked-file'
import type { PhotoPickerProps } from './photo-picker-props'
import './ui.css'

function readFile(path: string): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    Taro.getFileSystemManager().readFile({ filePath: path, success: (r) => resolve(new Uint8Array(r.data as ArrayBuffer)), fail: reject })
  })
}

// weapp: photos from the camera or the album.
export function PhotoPicker({ id, busy, room, onPicked, onError }: PhotoPickerProps) {
  const pick = async () => {
    let paths: string[]
    try {
      const res = await Taro.chooseMedia({ count: room, mediaType: ['image'], sizeType: ['compressed'] })
      paths = res.tempFiles.map((f) => f.tempFilePath)
    } catch (error) {
      if (!/cancel/i.test(String((error as { errMsg?: string })?.errMsg ?? error))) onError('无法选择照片，请重试')
      return
    }
    try {
      const picked: PickedFile[] = []
      for (const path of paths) picked.push({ name: path.split('/').pop() ?? 'photo.jpg', bytes: await readFile(path), source: path })
      onPicked(picked)
    } catch {
      onError('无法读取所选照片，请重试')
    }
  }
  return (
    <Button className='btn btn--block' id={id} disabled={busy || room <= 0 || undefined} onClick={() => void pick()}>
      添加照片
    </Button>
  )
}
