import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Input, Text, View } from '@tarojs/components'
import type { BindingProof } from '../domain/contracts/account.contract'
import { callFunction } from '../services/call-function'
import { Notice } from './notice'
import './ui.css'

interface Props {
  onBound: () => Promise<void>
}

/**
 * A member new to the app scans the 联系证 their unit gave them, then proves
 * it is theirs: anyone who has seen the QR could scan it. WeChat's verified
 * phone number must be the roster's mobile; a member whose number differs
 * uses the 绑定码 their unit's secretary hands over. On h5 (no camera scan,
 * no WeChat phone number) the member types the text of their card's QR code
 * and proves it with the 绑定码.
 */
export function BindCardButton({ onBound }: Props) {
  const [message, setMessage] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [token, setToken] = useState<string | null>(null)
  const [bindingCode, setBindingCode] = useState('')
  const [typed, setTyped] = useState('')
  const weapp = process.env.TARO_ENV === 'weapp'

  const scan = async () => {
    setMessage(null)
    try {
      setToken((await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })).result)
    } catch {
      // cancelled
    }
  }

  const bind = async (proof: BindingProof) => {
    setMessage(null)
    setBusy(true)
    if (!token) return
    const result = await callFunction('account', { action: 'bindCard', token, proof })
    setBusy(false)
    if (!result.ok) return setMessage(result.message)
    await Taro.showToast({ title: `欢迎您，${result.data.memberName}`, icon: 'success' })
    await onBound()
  }

  // getPhoneNumber's event: a code for the server on consent, none when the user declines.
  const onPhoneNumber = (event: { detail: { code?: string } }) => {
    if (event.detail.code) void bind({ phoneCode: event.detail.code })
    else setMessage('未获得手机号授权。也可以使用单位党组织发放的绑定码完成绑定。')
  }

  if (!token && !weapp) {
    return (
      <View id='bind-typed'>
        <Input className='field__input' id='bind-token' maxlength={200} value={typed} placeholder='联系证二维码内容' onInput={(e) => setTyped(e.detail.value)} />
        <Button className='btn btn--primary' id='bind-token-use' disabled={!typed.trim() || undefined} onClick={() => setToken(typed.trim())}>
          我是在职党员：填写联系证二维码内容
        </Button>
      </View>
    )
  }

  if (!token) {
    return (
      <>
        <Button className='btn btn--primary' id='bind-card' onClick={() => void scan()}>
          我是在职党员：扫描我的联系证
        </Button>
        <Notice id='bind-card-message' tone='warn' text={message} />
      </>
    )
  }

  return (
    <View id='bind-proof'>
      {weapp ? (
        <>
          <Text className='card__text'>请验证是本人：微信绑定的手机号须与单位名册登记的手机号一致。</Text>
          <Button className='btn btn--primary' id='bind-phone' openType='getPhoneNumber' disabled={busy || undefined} onGetPhoneNumber={onPhoneNumber}>
            用微信手机号验证并绑定
          </Button>
        </>
      ) : null}
      <Text className='muted'>手机号已更换？请向单位党组织索取绑定码：</Text>
      <Input className='field__input' id='bind-code' maxlength={9} value={bindingCode} placeholder='8位绑定码，如 K7QM-3XPA' onInput={(e) => setBindingCode(e.detail.value)} />
      <Button className='btn btn--plain' id='bind-with-code' disabled={busy || undefined} onClick={() => void bind({ bindingCode: bindingCode.trim() })}>
        使用绑定码绑定
      </Button>
      <Notice id='bind-card-message' tone='warn' text={message} />
    </View>
  )
}
