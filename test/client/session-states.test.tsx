import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { callFunction } from '../../src/services/call-function'
import { mockedGateway } from './support/call-mock'
import { resetSession } from '../../src/services/session'
import HomePage from '../../src/pages/home/index'
import MinePage from '../../src/pages/mine/index'
import { bootstrapFor, UNKNOWN_USER } from './support/session-fixtures'
// The same module instance the app gets for '@tarojs/taro' (jest.config.js moduleNameMapper).
import { scanCode, stopPullDownRefresh, usePullDownRefresh } from './support/taro'

jest.mock('../../src/services/call-function', () => ({ callFunction: jest.fn() }))
const mockedCall = mockedGateway(callFunction)

beforeEach(() => {
  resetSession()
  mockedCall.mockReset()
  process.env.TARO_ENV = 'weapp'
})

describe('AUTH_REQUIRED (local h5 runtime)', () => {
  it('asks the visitor to pick a demo user and links to /dev/login', async () => {
    process.env.TARO_ENV = 'h5'
    mockedCall.mockResolvedValue({ ok: false, code: 'AUTH_REQUIRED', message: '请先登录' })
    render(<HomePage />)
    expect(await screen.findByText('请先选择演示用户登录')).toBeTruthy()
    const link = document.getElementById('dev-login-link')
    expect(link?.textContent).toBe('选择演示用户')
    expect(document.getElementById('tab-home-entries')).toBeNull()
  })
})

describe('a WeChat user not known yet', () => {
  it('says they are not registered and the ways in (register as a resident, accept an invitation, first setup), with no demo-user link on weapp', async () => {
    mockedCall.mockResolvedValue({ ok: true, data: UNKNOWN_USER })
    render(<HomePage />)
    expect(await screen.findByText('您还未登记')).toBeTruthy()
    expect(screen.getByText(/居民可自行登记到居住社区/)).toBeTruthy()
    for (const id of ['newcomer-register', 'newcomer-accept', 'newcomer-setup']) expect(document.getElementById(id)).not.toBeNull()
    expect(document.getElementById('dev-login-link')).toBeNull()
    expect(document.getElementById('tab-home-entries')).toBeNull()
  })

  it('lets a member bind by scanning their own 联系证 and proving it is theirs, then shows their page', async () => {
    mockedCall.mockResolvedValueOnce({ ok: true, data: UNKNOWN_USER })
    mockedCall.mockResolvedValueOnce({ ok: true, data: { memberName: '张三', bound: true } })
    mockedCall.mockResolvedValueOnce({ ok: true, data: bootstrapFor('张三', 'member') })
    scanCode.mockResolvedValueOnce({ result: 'SBD1.token.mac' } as never)
    render(<HomePage />)
    fireEvent.click(await screen.findByText('我是在职党员：扫描我的联系证'))
    // Scanning alone binds nothing: the page asks for the proof.
    expect(await screen.findByText('用微信手机号验证并绑定')).toBeTruthy()
    expect(mockedCall).toHaveBeenCalledTimes(1)
    fireEvent.change(document.getElementById('bind-code')!, { target: { value: 'k7qm-3xpa' } })
    fireEvent.click(screen.getByText('使用绑定码绑定'))
    expect(await screen.findByText('张三，您好')).toBeTruthy()
    expect(scanCode).toHaveBeenCalledWith({ onlyFromCamera: true, scanType: ['qrCode'] })
    expect(mockedCall).toHaveBeenNthCalledWith(2, 'account', { action: 'bindCard', token: 'SBD1.token.mac', proof: { bindingCode: 'k7qm-3xpa' } })
  })

  it('shows why a card cannot be bound', async () => {
    mockedCall.mockResolvedValueOnce({ ok: true, data: UNKNOWN_USER })
    mockedCall.mockResolvedValueOnce({ ok: false, code: 'BINDING_CODE_INVALID', message: '绑定码不正确、已使用或已过期，请向单位党组织重新索取' })
    scanCode.mockResolvedValueOnce({ result: 'SBD1.token.mac' } as never)
    render(<HomePage />)
    fireEvent.click(await screen.findByText('我是在职党员：扫描我的联系证'))
    fireEvent.change(await screen.findByPlaceholderText('8位绑定码，如 K7QM-3XPA'), { target: { value: 'AAAA2222' } })
    fireEvent.click(screen.getByText('使用绑定码绑定'))
    expect(await screen.findByText('绑定码不正确、已使用或已过期，请向单位党组织重新索取')).toBeTruthy()
  })

  it('offers no card binding on h5, where people sign in as demo users', async () => {
    process.env.TARO_ENV = 'h5'
    mockedCall.mockResolvedValue({ ok: true, data: UNKNOWN_USER })
    render(<HomePage />)
    expect(await screen.findByText('您还未登记')).toBeTruthy()
    expect(screen.queryByText('我是在职党员：扫描我的联系证')).toBeNull()
  })

  it('loads again on 重新加载 and then shows the page', async () => {
    mockedCall.mockResolvedValueOnce({ ok: true, data: UNKNOWN_USER })
    mockedCall.mockResolvedValueOnce({ ok: true, data: bootstrapFor('张三', 'member') })
    render(<HomePage />)
    fireEvent.click(await screen.findByText('重新加载'))
    expect(await screen.findByText('张三，您好')).toBeTruthy()
    expect(mockedCall).toHaveBeenCalledTimes(2)
  })
})

describe('network failure', () => {
  it('shows the gateway message and retries', async () => {
    mockedCall.mockResolvedValueOnce({ ok: false, code: 'NETWORK', message: '网络异常，请稍后重试' })
    mockedCall.mockResolvedValueOnce({ ok: true, data: bootstrapFor('李四', 'staff') })
    render(<HomePage />)
    expect(await screen.findByText('网络异常，请稍后重试')).toBeTruthy()
    fireEvent.click(screen.getByText('重试'))
    expect(await screen.findByText('李四，您好')).toBeTruthy()
  })
})

describe('我的', () => {
  it('shows name and roles, and the demo-user switch only on h5', async () => {
    process.env.TARO_ENV = 'h5'
    mockedCall.mockResolvedValue({ ok: true, data: bootstrapFor('张三', 'member', 'staff') })
    render(<MinePage />)
    expect((await screen.findByText('张三')).id).toBe('mine-name')
    expect(screen.getByText('在职党员 · 西溪社区')).toBeTruthy()
    expect(screen.getByText('社区工作人员 · 西溪社区')).toBeTruthy()
    expect(screen.getByText('我的年度记录')).toBeTruthy()
    expect(screen.getByText('切换演示用户')).toBeTruthy()
  })

  it('has no demo-user switch on weapp', async () => {
    mockedCall.mockResolvedValue({ ok: true, data: bootstrapFor('张三', 'member') })
    render(<MinePage />)
    await screen.findByText('张三')
    expect(screen.queryByText('切换演示用户')).toBeNull()
  })
})

describe('pull-down refresh', () => {
  it('asks bootstrap again and stops the refresh indicator', async () => {
    mockedCall.mockResolvedValueOnce({ ok: true, data: bootstrapFor('张三', 'member') })
    mockedCall.mockResolvedValueOnce({ ok: true, data: bootstrapFor('张三', 'member', 'staff') })
    render(<MinePage />)
    await screen.findByText('在职党员 · 西溪社区')
    const onPullDown = usePullDownRefresh.mock.calls[usePullDownRefresh.mock.calls.length - 1][0] as () => void
    await act(async () => onPullDown())
    expect(await screen.findByText('社区工作人员 · 西溪社区')).toBeTruthy()
    expect(mockedCall).toHaveBeenCalledTimes(2)
    await waitFor(() => expect(stopPullDownRefresh).toHaveBeenCalled())
  })
})
