import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, View } from '@tarojs/components'
import { Notice } from '../notice'
import type { ScannerProps } from './scanner-props'
import './scanner.css'

// weapp: WeChat's own scanner, camera only (a photo of a card or of a
// sign-in code sent by chat is not being there).
export function Scanner({ onScanned, busy, idPrefix, subject, otherWay }: ScannerProps) {
  const [message, setMessage] = useState<string | null>(null)
  const scan = async () => {
    setMessage(null)
    try {
      const res = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })
      if (res.result) onScanned(res.result)
      else setMessage('未识别到二维码内容，请重新扫描')
    } catch (error) {
      const text = String((error as { errMsg?: string })?.errMsg ?? error)
      if (!/cancel/i.test(text)) setMessage(otherWay ? `无法打开扫码，请检查相机权限，或${otherWay}` : '无法打开扫码，请检查相机权限')
    }
  }
  return (
    <View className='scanner'>
      <Button className='btn btn--primary btn--block' id={`${idPrefix}-scan`} disabled={busy || undefined} onClick={() => void scan()}>
        {`扫描${subject}`}
      </Button>
      <Notice id={`${idPrefix}-camera-message`} tone='warn' text={message} />
    </View>
  )
}
