import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { Result } from '../../src/domain/result'
import type { BootstrapData } from '../../src/domain/contracts/bootstrap.contract'
import { callFunction } from '../../src/services/call-function'
import { mockedGateway } from './support/call-mock'
import { resetSession } from '../../src/services/session'
import { MENU_ROUTES } from '../../src/services/routes'
import HomePage from '../../src/pages/home/index'
import ReportPage from '../../src/pages/report/index'
import { bootstrapFor } from './support/session-fixtures'

jest.mock('../../src/services/call-function', () => ({ callFunction: jest.fn() }))
const mockedCall = mockedGateway(callFunction)

function answer(data: BootstrapData): void {
  mockedCall.mockResolvedValue({ ok: true, data } satisfies Result<BootstrapData>)
}

/** Labels of the entry cards inside a tab's entry list, in order. */
function entryLabels(tab: string): string[] {
  const list = document.getElementById(`tab-${tab}-entries`)
  if (!list) return []
  return Array.from(list.querySelectorAll('.entry .entry__label')).map((el) => el.textContent ?? '')
}

async function renderPage(page: JSX.Element): Promise<void> {
  render(page)
  // Let the bootstrap promise settle.
  await waitFor(() => expect(document.getElementById('session-loading')).toBeNull())
}

beforeEach(() => {
  resetSession()
  mockedCall.mockReset()
  jest.clearAllMocks()
  process.env.TARO_ENV = 'weapp'
})

describe('首页 entries by role', () => {
  it('greets a member by name with their grants and has no home entries', async () => {
    answer(bootstrapFor('张三', 'member'))
    await renderPage(<HomePage />)
    expect(screen.getByText('张三，您好')).toBeTruthy()
    expect(within(document.getElementById('home-grants')!).getByText('在职党员 · 西溪社区')).toBeTruthy()
    expect(entryLabels('home')).toEqual([])
    expect(document.getElementById('tab-home-empty')).not.toBeNull()
    expect(mockedCall).toHaveBeenCalledWith('bootstrap', { action: 'get' })
  })

  it('shows a community staff user the evaluation, ledger and resident entries', async () => {
    answer(bootstrapFor('李四', 'staff'))
    await renderPage(<HomePage />)
    expect(entryLabels('home')).toEqual(['党员评价', '台账', '居民登记', '结对共建', '会议记录本', '社区基本情况', '服务清单确认', '核对请求'])
  })

  it('shows a unit secretary the roster and report-rate entries', async () => {
    answer(bootstrapFor('王五', 'secretary'))
    await renderPage(<HomePage />)
    expect(entryLabels('home')).toEqual(['党员名册', '本单位报到率', '结对共建', '党员参与活动情况', '服务清单上交', '数据核对', '本单位年度评价', '半年通报'])
    expect(screen.getByText('单位书记 · 区卫健局机关党委')).toBeTruthy()
  })

  it('shows a resident an explained empty home tab', async () => {
    answer(bootstrapFor('赵六', 'resident'))
    await renderPage(<HomePage />)
    expect(entryLabels('home')).toEqual([])
    expect(screen.getByText('首页暂无您的工作入口')).toBeTruthy()
  })

  it('lists the entries of every grant a user holds', async () => {
    answer(bootstrapFor('钱七', 'member', 'secretary'))
    await renderPage(<HomePage />)
    expect(entryLabels('home')).toEqual(['党员名册', '本单位报到率', '结对共建', '党员参与活动情况', '服务清单上交', '数据核对', '本单位年度评价', '半年通报'])
    expect(screen.getByText('在职党员 · 西溪社区')).toBeTruthy()
    expect(screen.getByText('单位书记 · 区卫健局机关党委')).toBeTruthy()
  })

  it('opens the entry page on tap', async () => {
    answer(bootstrapFor('王五', 'secretary'))
    await renderPage(<HomePage />)
    fireEvent.click(document.getElementById('entry-unit-stats')!)
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: MENU_ROUTES['unit.stats'] })
  })
})

describe('报到 entries by role', () => {
  it('shows a member their card and the registration form', async () => {
    answer(bootstrapFor('张三', 'member'))
    await renderPage(<ReportPage />)
    expect(entryLabels('report')).toEqual(['我的联系证', '报到登记'])
  })

  it('shows community staff the check-in, posts and summary entries', async () => {
    answer(bootstrapFor('李四', 'staff'))
    await renderPage(<ReportPage />)
    expect(entryLabels('report')).toEqual(['报到登记', '扫码报到', '服务岗位', '在职党员信息汇总表'])
  })

  it('explains the tab to a secretary, who reports nothing here', async () => {
    answer(bootstrapFor('王五', 'secretary'))
    await renderPage(<ReportPage />)
    expect(entryLabels('report')).toEqual([])
    expect(screen.getByText('报到栏目暂无可办理事项')).toBeTruthy()
  })

  it('explains the tab to a resident', async () => {
    answer(bootstrapFor('赵六', 'resident'))
    await renderPage(<ReportPage />)
    expect(entryLabels('report')).toEqual([])
    expect(document.getElementById('tab-report-empty')).not.toBeNull()
  })
})

describe('session', () => {
  it('asks bootstrap once for all tab pages', async () => {
    answer(bootstrapFor('张三', 'member'))
    render(
      <>
        <HomePage />
        <ReportPage />
      </>,
    )
    await screen.findByText('张三，您好')
    expect(mockedCall).toHaveBeenCalledTimes(1)
  })

  it('shows loading until bootstrap answers', async () => {
    let settle: (r: Result<BootstrapData>) => void = () => {}
    mockedCall.mockReturnValue(new Promise((resolve) => (settle = resolve)))
    render(<HomePage />)
    expect(document.getElementById('session-loading')).not.toBeNull()
    await act(async () => settle({ ok: true, data: bootstrapFor('张三', 'member') }))
    expect(screen.getByText('张三，您好')).toBeTruthy()
  })
})
