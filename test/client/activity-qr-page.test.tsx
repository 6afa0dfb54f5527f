import { act, fireEvent, render, screen } from '@testing-library/react'
import { setRouterParams } from './support/taro'
import { callFunction } from '../../src/services/call-function'
import { resetSession } from '../../src/services/session'
import ActivityQrPage from '../../src/packages/staff/activity-qr/index'
import { activityView } from './support/activity-fixtures'
import { bootstrapFor } from './support/session-fixtures'
import { callsTo, fail, ok, routeCalls, mockedGateway } from './support/call-mock'

jest.mock('../../src/services/call-function', () => ({ callFunction: jest.fn() }))
const mockedCall = mockedGateway(callFunction)

const STAFF = bootstrapFor('李四', 'staff')
const ACTIVITY = activityView()

// The server's clock is 2026; the phone's (jest's fake clock) is 2020: the
// display must follow the server's refreshAt − serverNow, never its own date.
const SERVER_START = Date.parse('2026-05-10T01:00:07.000Z')
const PHONE_START = Date.parse('2020-01-01T00:00:00.000Z')

/** The n-th code the server hands out, by the server's clock (six years ahead of the phone's); windows of 15 s. */
function codeAnswer(n: number, direction: string) {
  const serverNow = new Date(SERVER_START + (Date.now() - PHONE_START))
  const refreshAt = new Date(Math.floor(serverNow.getTime() / 15_000) * 15_000 + 15_000)
  return ok({
    token: `token-${direction}-${n}`,
    qr: `data:image/png;base64,QR-${direction}-${n}`,
    direction,
    serverNow: serverNow.toISOString(),
    refreshAt: refreshAt.toISOString(),
    expiresAt: new Date(refreshAt.getTime() + 15_000).toISOString(),
  })
}

/** Routes the page's calls; `codes` answers each signinCode call in turn. */
function serve(codes: (n: number, direction: string) => ReturnType<typeof codeAnswer> | ReturnType<typeof fail>) {
  let n = 0
  routeCalls(mockedCall, STAFF, {
    'activity.get': () => ok(ACTIVITY),
    'activity.signinCode': (data) => codes(++n, String(data.direction)),
  })
}

const image = () => document.getElementById('activity-qr-image') as HTMLImageElement | null
const countdown = () => document.getElementById('activity-qr-countdown')?.textContent
const codeCalls = () => callsTo(mockedCall, 'activity', 'signinCode')

/** Moves the phone's clock and lets the fetches it triggers answer. */
async function advance(ms: number) {
  await act(async () => {
    await jest.advanceTimersByTimeAsync(ms)
  })
}

beforeEach(() => {
  jest.useFakeTimers({ now: PHONE_START })
  resetSession()
  mockedCall.mockReset()
  setRouterParams({ activityId: 'act-1' })
})
afterEach(() => jest.useRealTimers())

describe('活动签到码', () => {
  it('shows the sign-in QR and fetches the next one when the server says, counting down by the server’s time', async () => {
    serve(codeAnswer)
    render(<ActivityQrPage />)
    await advance(0)
    expect(await screen.findByText('义务巡逻')).toBeTruthy()
    expect(image()?.src).toBe('data:image/png;base64,QR-in-1')
    expect(document.getElementById('activity-qr-token')?.textContent).toBe('token-in-1')
    // Server time 01:00:07, the window ends at 01:00:15: 8 s left.
    expect(countdown()).toBe('8 秒后更新')
    await advance(1_000)
    expect(countdown()).toBe('7 秒后更新')
    await advance(6_900)
    expect(codeCalls()).toHaveLength(1)
    await advance(100)
    expect(codeCalls()).toHaveLength(2)
    expect(image()?.src).toBe('data:image/png;base64,QR-in-2')
    expect(countdown()).toBe('15 秒后更新')
    await advance(15_000)
    expect(codeCalls()).toHaveLength(3)
    expect(codeCalls().every((c) => c.activityId === 'act-1' && c.direction === 'in')).toBe(true)
  })

  it('switches to the sign-out code', async () => {
    serve(codeAnswer)
    render(<ActivityQrPage />)
    await advance(0)
    expect(image()?.src).toBe('data:image/png;base64,QR-in-1')
    fireEvent.click(screen.getByText('签退码'))
    await advance(0)
    expect(codeCalls().at(-1)).toEqual({ action: 'signinCode', activityId: 'act-1', direction: 'out' })
    expect(image()?.src).toBe('data:image/png;base64,QR-out-2')
    expect(document.getElementById('activity-qr-label')?.textContent).toBe('请扫码签退')
  })

  it('retries after a network failure, and hides a code the server no longer accepts', async () => {
    serve((n, direction) => (n === 1 ? codeAnswer(1, direction) : fail('NETWORK', '网络异常，请稍后重试')))
    render(<ActivityQrPage />)
    await advance(0)
    expect(image()).not.toBeNull()
    await advance(8_000)
    expect(document.getElementById('activity-qr-error')?.textContent).toBe('网络异常，请稍后重试，正在重试')
    // Still good until the end of the next window (23 s after it was fetched).
    expect(image()).not.toBeNull()
    const calls = codeCalls().length
    await advance(3_000)
    expect(codeCalls().length).toBe(calls + 1)
    await advance(12_000)
    expect(image()).toBeNull()
  })

  it('stops asking once the activity is cancelled, and says why', async () => {
    serve(() => fail('ACTIVITY_CANCELLED', '活动已取消'))
    render(<ActivityQrPage />)
    await advance(0)
    expect(document.getElementById('activity-qr-closed')?.textContent).toContain('活动已取消')
    await advance(60_000)
    expect(codeCalls()).toHaveLength(1)
  })
})
