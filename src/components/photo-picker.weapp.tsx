import Taro from '@tarojs/taro'
import { Button } from '@tarojs/components'
import type { PickedFile } from '../services/picked-file'
import type { PhotoPickerProps } from './photo-picker-props'

function readBytes(filePath: string): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    Taro.getFileSystemManager().readFile({ filePath, success: (r) => resolve(new Uint8Array(r.data as ArrayBuffer)), fail: reject })
  })
}

// weapp: the album or the camera (wx.chooseMedia), read once so the kind is checked before upload.
export function PhotoPicker({ id, busy, room, onPicked, onError }: PhotoPickerProps) {
  const pick = async () => {
    let paths: string[]
    try {
      const res = await Taro.chooseMedia({ count: room, mediaType: ['image'], sourceType: ['album', 'camera'], sizeType: ['compressed'] })
      paths = res.tempFiles.map((f) => f.tempFilePath)
    } catch (error) {
      if (!/cancel/i.test(String((error as { errMsg?: string })?.errMsg ?? error))) onError('无法选择照片，请重试')
      return
    }
    try {
      const files: PickedFile[] = await Promise.all(paths.map(async (path) => ({ name: path.split('/').pop() ?? 'photo.jpg', bytes: await readBytes(path), source: path })))
      onPicked(files)
    } catch {
      onError('无法读取所选照片，请重试')
    }
  }
  return (
    <Button className='btn btn--plain btn--block' id={id} disabled={busy || room <= 0 || undefined} onClick={() => void pick()}>
      {`添加照片（还可添加${room}张）`}
    </Button>
  )
}
