import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View, Text, Button, Input } from '@tarojs/components'
import { grantsContract } from '../../../domain/contracts/grants.contract'
import type { ActionResult } from '../../../domain/contracts'
import { Notice } from '../../../components/notice'
import { FieldRow } from '../../../components/field'
import { callFunction } from '../../../services/call-function'
import { TAB_ROUTES } from '../../../services/routes'
import { useSubmit } from '../../../services/use-submit'
import { dateTimeText } from '../../../services/format'
import '../../../components/ui.css'

/** The token in an invitation link (`…?t=<token>`), or the text itself when it is a bare token. */
export function tokenFrom(text: string): string {
  const match = /[?&]t=([^&#\s]+)/.exec(text)
  return (match ? decodeURIComponent(match[1]!) : text).trim()
}

// 接受邀请: opened from a shared invitation (its path carries the token), a
// scanned invitation QR, or a pasted link. Shows what accepting grants, then
// accepts it for the signed-in WeChat user.
export default function AcceptPage() {
  const router = useRouter()
  const [text, setText] = useState(router.params.t ? decodeURIComponent(router.params.t) : '')
  const [preview, setPreview] = useState<ActionResult<'grants', 'preview'> | null>(null)
  const [done, setDone] = useState<string | null>(null)
  const { busy, error, submit } = useSubmit()
  const token = tokenFrom(text)

  const look = async (value: string) => {
    const call = { action: 'preview' as const, token: value }
    setPreview(await submit(grantsContract, call, () => callFunction('grants', call)))
  }
  useEffect(() => {
    if (token) void look(token)
    // Only the token the page was opened with is looked up by itself.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  const scan = async () => {
    try {
      const scanned = tokenFrom((await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })).result)
      setText(scanned)
      await look(scanned)
    } catch {
      // cancelled
    }
  }

  const accept = async () => {
    const call = { action: 'accept' as const, token }
    const data = await submit(grantsContract, call, () => callFunction('grants', call))
    if (data) setDone(`您已是${data.placeName}的${data.roleLabel}`)
  }

  return (
    <View className='page' id='page-accept'>
      <View className='page-head'>
        <Text className='page-head__title'>接受邀请</Text>
        <Text className='page-head__sub'>邀请只能接受一次，过期后请邀请人重新发送。</Text>
      </View>
      {done ? (
        <View className='card' id='accept-done'>
          <Text className='card__title'>{done}</Text>
          <Button className='btn btn--primary btn--block' id='accept-to-home' onClick={() => void Taro.reLaunch({ url: TAB_ROUTES.home })}>
            进入首页
          </Button>
        </View>
      ) : (
        <View className='card'>
          <FieldRow label='邀请链接或邀请码'>
            <Input className='field__input' id='accept-token' value={text} maxlength={300} placeholder='粘贴邀请链接' onInput={(e) => setText(e.detail.value)} />
          </FieldRow>
          <View className='btn-row'>
            <Button className='btn-mini' id='accept-look' disabled={busy || !token || undefined} onClick={() => void look(token)}>
              查看邀请
            </Button>
            {process.env.TARO_ENV === 'weapp' ? (
              <Button className='btn-mini' id='accept-scan' onClick={() => void scan()}>
                扫描邀请二维码
              </Button>
            ) : null}
          </View>
          {preview ? (
            <View id='accept-preview'>
              <Text className='card__text'>{`${preview.inviterName} 邀请 ${preview.inviteeName} 担任 ${preview.placeName} 的${preview.roleLabel}`}</Text>
              <Text className='muted'>{`有效期至 ${dateTimeText(preview.expiresAt)}`}</Text>
            </View>
          ) : null}
          <Notice id='accept-error' tone='error' text={error} />
          <Button className='btn btn--primary btn--block' id='accept-submit' disabled={busy || !preview || undefined} onClick={() => void accept()}>
            接受邀请
          </Button>
        </View>
      )}
    </View>
  )
}
