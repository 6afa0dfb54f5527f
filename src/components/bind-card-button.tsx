import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Button } from '@tarojs/components'
import { callFunction } from '../services/call-function'
import { Notice } from './notice'
import './buttons.css'

interface Props {
  onBound: () => Promise<void>
}

/**
 * A member new to the app scans the 联系证 their unit gave them; holding the
 * card proves who they are. WeChat only: on h5 people sign in as demo users.
 */
export function BindCardButton({ onBound }: Props) {
  const [message, setMessage] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  if (process.env.TARO_ENV !== 'weapp') return null

  const bind = async () => {
    setMessage(null)
    let token: string
    try {
      token = (await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })).result
    } catch {
      return // cancelled
    }
    setBusy(true)
    const result = await callFunction('account', { action: 'bindCard', token })
    setBusy(false)
    if (!result.ok) return setMessage(result.message)
    await Taro.showToast({ title: `欢迎您，${result.data.memberName}`, icon: 'success' })
    await onBound()
  }

  return (
    <>
      <Button className='btn btn--primary' id='bind-card' disabled={busy || undefined} onClick={() => void bind()}>
        我是在职党员：扫描我的联系证
      </Button>
      <Notice id='bind-card-message' tone='warn' text={message} />
    </>
  )
}
