import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { ROSTER_COLUMNS } from '../../../domain/contracts/roster.contract'
import { acceptsName, type RosterFilePickerProps } from './import-file-props'

// weapp: a mini-program reads files a user received in a WeChat chat.
export function RosterFilePicker({ busy, onPicked, onError }: RosterFilePickerProps) {
  const pick = async () => {
    let chosen: Taro.chooseMessageFile.ChooseFile | undefined
    try {
      const res = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['xlsx', 'csv'] })
      chosen = res.tempFiles[0]
    } catch (error) {
      const text = String((error as { errMsg?: string })?.errMsg ?? error)
      if (!/cancel/i.test(text)) onError('无法选择文件，请重试')
      return
    }
    if (!chosen) return
    if (!acceptsName(chosen.name)) {
      onError('请选择 .xlsx 或 .csv 格式的名册文件')
      return
    }
    try {
      // Read once here so the kind is checked before uploading; the upload itself goes from the temp path.
      const data = await new Promise<ArrayBuffer>((resolve, reject) => {
        Taro.getFileSystemManager().readFile({
          filePath: chosen!.path,
          success: (r) => resolve(r.data as ArrayBuffer),
          fail: reject,
        })
      })
      onPicked({ name: chosen.name, bytes: new Uint8Array(data), source: chosen.path })
    } catch {
      onError('无法读取所选文件，请重试')
    }
  }
  return (
    <View>
      <Button className='btn btn--primary btn--block' id='roster-file-pick' disabled={busy || undefined} onClick={() => void pick()}>
        从微信聊天中选择名册文件
      </Button>
      <Text className='field__hint'>{`支持 .xlsx、.csv；表头依次为：${ROSTER_COLUMNS.join('、')}；可另加“所在支部”列`}</Text>
    </View>
  )
}
