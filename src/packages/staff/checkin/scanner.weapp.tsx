import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, View } from '@tarojs/components'
import { Notice } from '../../../components/notice'
import type { ScannerProps } from './scanner-props'

// weapp: WeChat's own scanner, camera only (a photo of a card sent by chat
// is not a card in hand).
export function Scanner({ onScanned, busy }: ScannerProps) {
  const [message, setMessage] = useState<string | null>(null)
  const scan = async () => {
    setMessage(null)
    try {
      const res = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })
      if (res.result) onScanned(res.result)
      else setMessage('未识别到二维码内容，请重新扫描')
    } catch (error) {
      const text = String((error as { errMsg?: string })?.errMsg ?? error)
      if (!/cancel/i.test(text)) setMessage('无法打开扫码，请检查相机权限，或输入联系证号')
    }
  }
  return (
    <View className='scanner'>
      <Button className='btn btn--primary btn--block' id='checkin-scan' disabled={busy || undefined} onClick={() => void scan()}>
        扫描联系证二维码
      </Button>
      <Notice id='checkin-camera-message' tone='warn' text={message} />
    </View>
  )
}
