import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { ScannerProps } from '../../src/components/qr-scanner/scanner-props'
import { signSigninCode } from '../../server/features/activity/signin-token'
import { callFunction } from '../../src/services/call-function'
import { currentPosition } from '../../src/services/location'
import SigninPage from '../../src/packages/member/signin/index'
import { activityView } from './support/activity-fixtures'
import { bootstrapFor } from './support/session-fixtures'
import { callsTo, fail, ok, routeCalls, mockedGateway, freshPage } from './support/call-mock'
import { setRouterParams } from './support/taro'

jest.mock('../../src/services/call-function', () => ({ callFunction: jest.fn() }))
jest.mock('../../src/services/location', () => ({ currentPosition: jest.fn() }))
// The camera is the platform's (the browser test reads a real QR image; the
// weapp test drives wx.scanCode): here the scanner hands the page a text.
let scanned = ''
jest.mock('../../src/components/qr-scanner/scanner', () => ({
  Scanner: (props: ScannerProps) => (
    <button id={`${props.idPrefix}-scan`} disabled={props.busy} onClick={() => props.onScanned(scanned)}>
      {props.subject}
    </button>
  ),
}))
const mockedCall = mockedGateway(callFunction)
const mockedPosition = currentPosition as jest.MockedFunction<typeof currentPosition>

const MEMBER = bootstrapFor('张三', 'member')
const AT = '2026-05-10T01:02:00.000Z' // 2026年5月10日 09:02 in China
const code = (direction: 'in' | 'out' = 'in') => signSigninCode('test-secret', { activityId: 'a1', window: 1, direction })
const signedIn = (overrides = {}) => ok({ activityId: 'a1', title: '义务巡逻', memberName: null, direction: 'in', already: false, at: AT, flagged: false, ...overrides })

async function scan(text: string) {
  scanned = text
  await screen.findByText('扫描活动签到码')
  await act(async () => {
    fireEvent.click(document.getElementById('signin-scan')!)
  })
}

beforeEach(() => {
  freshPage(mockedCall)
  mockedPosition.mockReset()
})

describe('扫码签到', () => {
  it('asks for the position when the activity has a place, and sends it with the code', async () => {
    routeCalls(mockedCall, MEMBER, {
      'activity.get': () => ok(activityView({ location: { lat: 30.27, lng: 120.15, radius: 200 } })),
      'activity.signIn': () => signedIn(),
    })
    mockedPosition.mockResolvedValue({ lat: 30.2701, lng: 120.1502, accuracy: 35 })
    render(<SigninPage />)
    await scan(code())
    expect((await screen.findByText('签到成功')).id).toBe('signin-result-title')
    expect(document.getElementById('signin-result-activity')?.textContent).toBe('“义务巡逻”')
    expect(document.getElementById('signin-result-text')?.textContent).toBe('签到时间：2026年5月10日 09:02')
    expect(callsTo(mockedCall, 'activity', 'get')).toEqual([{ action: 'get', activityId: 'a1' }])
    expect(callsTo(mockedCall, 'activity', 'signIn')).toEqual([{ action: 'signIn', token: code(), location: { lat: 30.2701, lng: 120.1502, accuracy: 35 } }])
  })

  it('a refused position still signs in, without one', async () => {
    routeCalls(mockedCall, MEMBER, {
      'activity.get': () => ok(activityView({ location: { lat: 30.27, lng: 120.15, radius: 200 } })),
      'activity.signIn': () => signedIn(),
    })
    mockedPosition.mockResolvedValue(null)
    render(<SigninPage />)
    await scan(code())
    expect(await screen.findByText('签到成功')).toBeTruthy()
    expect(callsTo(mockedCall, 'activity', 'signIn')).toEqual([{ action: 'signIn', token: code() }])
  })

  it('does not ask for the position when the activity has no place, or for a sign-out', async () => {
    routeCalls(mockedCall, MEMBER, { 'activity.get': () => ok(activityView()), 'activity.signIn': (data) => signedIn({ direction: String(data.token).includes('.1o.') ? 'out' : 'in' }) })
    setRouterParams({ activityId: 'a1' })
    render(<SigninPage />)
    await scan(code())
    expect(await screen.findByText('签到成功')).toBeTruthy()
    fireEvent.click(document.getElementById('signin-again')!)
    await scan(code('out'))
    expect(await screen.findByText('签退成功')).toBeTruthy()
    expect(mockedPosition).not.toHaveBeenCalled()
    // Opened from the activity's page: the code must be that activity's.
    expect(callsTo(mockedCall, 'activity', 'signIn')).toEqual([
      { action: 'signIn', token: code(), activityId: 'a1' },
      { action: 'signIn', token: code('out'), activityId: 'a1' },
    ])
    expect(callsTo(mockedCall, 'activity', 'get')).toHaveLength(1)
    fireEvent.click(document.getElementById('signin-back')!)
    expect(Taro.navigateBack).toHaveBeenCalled()
  })

  it('a second scan says 已签到 with the first time', async () => {
    routeCalls(mockedCall, MEMBER, { 'activity.get': () => ok(activityView()), 'activity.signIn': () => signedIn({ already: true }) })
    render(<SigninPage />)
    await scan(code())
    expect((await screen.findByText('已签到')).id).toBe('signin-result-title')
    expect(document.getElementById('signin-result-text')?.textContent).toBe('您已于2026年5月10日 09:02签到，本次未重复记录。')
    fireEvent.click(document.getElementById('signin-activity')!)
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/member/activity/index?activityId=a1' })
  })

  it('shows the server’s message for an expired code or a text that is not a sign-in code, and scans again', async () => {
    routeCalls(mockedCall, MEMBER, { 'activity.get': () => ok(activityView()), 'activity.signIn': () => fail('SIGNIN_CODE_EXPIRED', '签到码已过期，请扫描现场最新的二维码') })
    render(<SigninPage />)
    await scan(code())
    expect((await screen.findByText('签到码已过期，请扫描现场最新的二维码')).id).toBe('signin-error')
    await scan('SBD1.not-a-signin-code')
    expect(callsTo(mockedCall, 'activity', 'get')).toHaveLength(1)
    expect(callsTo(mockedCall, 'activity', 'signIn').map((c) => c.token)).toEqual([code(), 'SBD1.not-a-signin-code'])
    expect(document.getElementById('signin-result')).toBeNull()
  })
})
