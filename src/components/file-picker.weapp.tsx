import Taro from '@tarojs/taro'
import { Button, View } from '@tarojs/components'
import { hasExtension, type FilePickerProps } from './file-picker-props'

// weapp: a mini-program reads files a user received in a WeChat chat. Read
// once here so the kind is checked before uploading; the upload goes from the temp path.
export function FilePicker({ id, label, extensions, refusal, className = 'btn btn--block', busy, onPicked, onError }: FilePickerProps) {
  const pick = async () => {
    let chosen: Taro.chooseMessageFile.ChooseFile | undefined
    try {
      const res = await Taro.chooseMessageFile({ count: 1, type: 'all', extension: [...extensions] })
      chosen = res.tempFiles[0]
    } catch (error) {
      const text = String((error as { errMsg?: string })?.errMsg ?? error)
      if (!/cancel/i.test(text)) onError('无法选择文件，请重试')
      return
    }
    if (!chosen) return
    if (!hasExtension(chosen.name, extensions)) {
      onError(refusal)
      return
    }
    try {
      const data = await new Promise<ArrayBuffer>((resolve, reject) => {
        Taro.getFileSystemManager().readFile({ filePath: chosen!.path, success: (r) => resolve(r.data as ArrayBuffer), fail: reject })
      })
      onPicked({ name: chosen.name, bytes: new Uint8Array(data), source: chosen.path })
    } catch {
      onError('无法读取所选文件，请重试')
    }
  }
  return (
    <View>
      <Button className={className} id={`${id}-pick`} disabled={busy || undefined} onClick={() => void pick()}>
        {`从微信聊天中${label}`}
      </Button>
    </View>
  )
}
