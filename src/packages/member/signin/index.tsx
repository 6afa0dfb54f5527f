import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View, Text, Button } from '@tarojs/components'
import type { SigninResult } from '../../../domain/contracts/activity.contract'
import type { ReportedPosition } from '../../../domain/location-flag'
import { readSigninCode } from '../../../domain/signin-code-text'
import { Notice } from '../../../components/notice'
import { Scanner } from '../../../components/qr-scanner/scanner'
import { RolePage } from '../../../components/role-page'
import { activityPageOf } from '../../../services/activity-pages'
import { callFunction } from '../../../services/call-function'
import { dateTimeText } from '../../../services/format'
import { currentPosition } from '../../../services/location'
import '../../../components/ui.css'
import './index.css'

type Step = 'scan' | 'checking' | 'locating' | 'signing'

// 扫码签到 (activity.signin; ?activityId= when opened from an activity's
// page): the member scans the organiser's rotating code, in or out. When the
// activity has a place with a radius the phone's position is asked for and
// sent with its accuracy; a refusal still signs in (the organiser sees a
// far-away sign-in flagged). A second scan says 已签到 with the first time.
export default function SigninPage() {
  const { params } = useRouter()
  const activityId = typeof params.activityId === 'string' && params.activityId ? params.activityId : undefined
  return <RolePage id='page-signin' roles={['member']}>{() => <Signin activityId={activityId} />}</RolePage>
}

/** Whether the code's activity wants a position: asked of the server, which knows its place. */
async function wantsPosition(token: string): Promise<boolean> {
  const claim = readSigninCode(token)
  if (!claim || claim.direction !== 'in') return false
  const activity = await callFunction('activity', { action: 'get', activityId: claim.activityId })
  return activity.ok && activity.data.location !== null
}

function Signin({ activityId }: { activityId?: string }) {
  const [step, setStep] = useState<Step>('scan')
  const [error, setError] = useState<string | null>(null)
  const [result, setResult] = useState<SigninResult | null>(null)

  const signIn = async (text: string) => {
    const token = text.trim()
    setError(null)
    setStep('checking')
    let location: ReportedPosition | null = null
    if (await wantsPosition(token)) {
      setStep('locating')
      location = await currentPosition()
    }
    setStep('signing')
    const answer = await callFunction('activity', { action: 'signIn', token, ...(activityId ? { activityId } : {}), ...(location ? { location } : {}) })
    setStep('scan')
    if (answer.ok) setResult(answer.data)
    else setError(answer.message)
  }

  if (result) return <SigninDone result={result} fromActivity={Boolean(activityId)} onAgain={() => setResult(null)} />

  return (
    <View>
      <View className='card'>
        <Text className='card__title'>扫描活动签到码</Text>
        <Text className='card__text'>请扫描活动组织者手机上显示的签到码或签退码。签到码每15秒更新，请在现场扫码。</Text>
        <Scanner idPrefix='signin' subject='签到二维码' busy={step !== 'scan'} onScanned={(text) => void signIn(text)} />
        <Text className='muted' id='signin-location-note'>
          活动设置了地点时，签到会请求获取您的位置，仅用于核对是否在活动现场；不授权也可以签到。
        </Text>
      </View>
      {step !== 'scan' ? (
        <Text className='loading-line' id='signin-busy'>
          {step === 'locating' ? '正在获取位置…' : step === 'checking' ? '正在识别签到码…' : '正在签到…'}
        </Text>
      ) : null}
      <Notice id='signin-error' tone='error' text={error} />
    </View>
  )
}

function SigninDone({ result, fromActivity, onAgain }: { result: SigninResult; fromActivity: boolean; onAgain: () => void }) {
  const verb = result.direction === 'in' ? '签到' : '签退'
  return (
    <View>
      <View className={result.already ? 'card signin-result signin-result--again' : 'card signin-result'} id='signin-result'>
        <Text className='signin-result__title' id='signin-result-title'>
          {result.already ? `已${verb}` : `${verb}成功`}
        </Text>
        <Text className='signin-result__text' id='signin-result-activity'>{`“${result.title}”`}</Text>
        <Text className='signin-result__text' id='signin-result-text'>
          {result.already ? `您已于${dateTimeText(result.at)}${verb}，本次未重复记录。` : `${verb}时间：${dateTimeText(result.at)}`}
        </Text>
      </View>
      <View className='actions'>
        {fromActivity ? (
          <Button className='btn btn--primary' id='signin-back' onClick={() => void Taro.navigateBack()}>
            返回活动
          </Button>
        ) : (
          <Button className='btn btn--primary' id='signin-activity' onClick={() => void Taro.redirectTo({ url: activityPageOf(result.activityId) })}>
            查看活动
          </Button>
        )}
        <Button className='btn btn--plain' id='signin-again' onClick={onAgain}>
          继续扫码
        </Button>
      </View>
    </View>
  )
}
