import Taro from '@tarojs/taro'
import { Button, View } from '@tarojs/components'
import { NOT_DOCUMENT_MESSAGE } from '../../../domain/ledger'
import { acceptsDocumentName, type DocumentFilePickerProps } from './document-file-props'

// weapp: a mini-program reads files a user received in a WeChat chat.
export function DocumentFilePicker({ busy, onPicked, onError }: DocumentFilePickerProps) {
  const pick = async () => {
    let chosen: Taro.chooseMessageFile.ChooseFile | undefined
    try {
      const res = await Taro.chooseMessageFile({ count: 1, type: 'all', extension: ['pdf', 'docx', 'jpg', 'jpeg', 'png', 'webp', 'gif'] })
      chosen = res.tempFiles[0]
    } catch (error) {
      const text = String((error as { errMsg?: string })?.errMsg ?? error)
      if (!/cancel/i.test(text)) onError('无法选择文件，请重试')
      return
    }
    if (!chosen) return
    if (!acceptsDocumentName(chosen.name)) {
      onError(NOT_DOCUMENT_MESSAGE)
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
      <Button className='btn btn--block' id='ledger-doc-file-pick' disabled={busy || undefined} onClick={() => void pick()}>
        从微信聊天中选择文件（PDF / 图片 / Word）
      </Button>
    </View>
  )
}
