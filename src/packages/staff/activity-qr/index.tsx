import { useEffect, useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { View, Text, Image } from '@tarojs/components'
import type { z } from 'zod'
import type { signinCodeSchema } from '../../../domain/contracts/activity.contract'
import { rolesFor } from '../../../domain/permissions'
import type { Fail } from '../../../domain/result'
import type { Direction } from '../../../domain/signin-window'
import { ChoiceChips } from '../../../components/chips'
import { EmptyState } from '../../../components/empty-state'
import { Notice } from '../../../components/notice'
import { RolePage } from '../../../components/role-page'
import { callFunction } from '../../../services/call-function'
import { dateTimeText } from '../../../services/format'
import { useRemote } from '../../../services/use-remote'
import { useKeepScreenOn } from './keep-screen-on'
import { isExpired, msUntilRefresh, secondsLeft } from './refresh'
import './index.css'

type SigninCode = z.output<typeof signinCodeSchema>

const DIRECTIONS = ['in', 'out'] as const
const DIRECTION_LABELS: Record<Direction, string> = { in: '签到码', out: '签退码' }
/** After a failed fetch (no network), try again this soon; the shown code stays good for up to 30 s. */
const RETRY_MS = 3_000
/** Refusals that no retry will change: the page says so and stops asking. */
const FINAL_CODES = new Set(['ACTIVITY_CANCELLED', 'ACTIVITY_ENDED', 'ACTIVITY_NOT_OPEN', 'NOT_FOUND', 'FORBIDDEN'])

// 活动签到码: the organiser's phone shows the rotating sign-in (or sign-out)
// QR for members to scan. The function draws the QR (`qr`, a PNG data URL)
// so this page ships no encoder; it fetches the next code when the server
// says (refreshAt, by the server's clock) and keeps the screen on.
export default function ActivityQrPage() {
  const { params } = useRouter()
  const activityId = typeof params.activityId === 'string' ? params.activityId : ''
  const direction: Direction = params.direction === 'out' ? 'out' : 'in'
  return (
    <RolePage id='page-activity-qr' roles={rolesFor('activity.manage')}>
      {() =>
        activityId ? (
          <QrDisplay activityId={activityId} initialDirection={direction} />
        ) : (
          <EmptyState title='未指定活动' text='请从“组织活动”中选择一项活动，再打开签到码。' />
        )
      }
    </RolePage>
  )
}

interface Shown {
  code: SigninCode
  /** The phone's stopwatch when the answer came (only differences are used). */
  receivedAt: number
}

/** The current code of one activity and direction, fetched again when the server says. */
function useSigninCode(activityId: string, direction: Direction): { shown: Shown | null; failure: Fail | null } {
  const [shown, setShown] = useState<Shown | null>(null)
  const [failure, setFailure] = useState<Fail | null>(null)
  useEffect(() => {
    let stopped = false
    let timer: ReturnType<typeof setTimeout> | undefined
    setShown(null)
    setFailure(null)
    const load = async () => {
      const result = await callFunction('activity', { action: 'signinCode', activityId, direction })
      if (stopped) return
      if (result.ok) {
        const receivedAt = Date.now()
        setShown({ code: result.data, receivedAt })
        setFailure(null)
        timer = setTimeout(() => void load(), msUntilRefresh(result.data, receivedAt, receivedAt))
        return
      }
      setFailure(result)
      if (FINAL_CODES.has(result.code)) setShown(null)
      else timer = setTimeout(() => void load(), RETRY_MS)
    }
    void load()
    return () => {
      stopped = true
      clearTimeout(timer)
    }
  }, [activityId, direction])
  return { shown, failure }
}

/** The phone's stopwatch, ticking once a second for the countdown. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1_000)
    return () => clearInterval(timer)
  }, [])
  return now
}

function QrDisplay({ activityId, initialDirection }: { activityId: string; initialDirection: Direction }) {
  const [direction, setDirection] = useState<Direction>(initialDirection)
  const activity = useRemote(() => callFunction('activity', { action: 'get', activityId }), activityId)
  const { shown, failure } = useSigninCode(activityId, direction)
  const now = useNow()
  useKeepScreenOn()

  const final = failure && FINAL_CODES.has(failure.code)
  const live = shown && !isExpired(shown.code, shown.receivedAt, now) ? shown : null
  const info = activity.data
  return (
    <View className='activity-qr'>
      <View className='activity-qr__head'>
        <Text className='activity-qr__title' id='activity-qr-title'>
          {info?.title ?? '活动签到'}
        </Text>
        {info ? <Text className='muted'>{`${dateTimeText(info.startAt)} · ${info.place}`}</Text> : null}
      </View>
      <ChoiceChips id='activity-qr-direction' options={DIRECTIONS} value={direction} labels={DIRECTION_LABELS} onChange={setDirection} />
      {final ? (
        <EmptyState id='activity-qr-closed' title='无法显示签到码' text={failure.message} />
      ) : (
        <View className='activity-qr__box'>
          {live ? (
            <>
              <Image className='activity-qr__image' id='activity-qr-image' src={live.code.qr} mode='aspectFit' />
              {/* What the QR holds, for tests and screen readers. */}
              <Text className='visually-hidden' id='activity-qr-token'>
                {live.code.token}
              </Text>
              <Text className='activity-qr__direction' id='activity-qr-label'>
                {direction === 'in' ? '请扫码签到' : '请扫码签退'}
              </Text>
              <Text className='activity-qr__countdown' id='activity-qr-countdown'>
                {`${secondsLeft(live.code, live.receivedAt, now)} 秒后更新`}
              </Text>
            </>
          ) : (
            <Text className='loading-line' id='activity-qr-loading'>
              正在获取签到码…
            </Text>
          )}
        </View>
      )}
      <Notice id='activity-qr-error' tone='warn' text={!final && failure ? `${failure.message}，正在重试` : null} />
      <Text className='activity-qr__hint'>二维码每15秒更换一次，截图或转发的二维码很快失效。请党员用“扫码签到”扫描此屏幕。</Text>
    </View>
  )
}
