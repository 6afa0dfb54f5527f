import { act, fireEvent, render, screen } from '@testing-library/react'
import type { CardView } from '../../src/domain/contracts/card.contract'
import type { RosterImportResult, RosterList, RosterRow } from '../../src/domain/contracts/roster.contract'
import type { UnitStats } from '../../src/domain/contracts/stats.contract'
import { reportRate } from '../../src/domain/report-rate'
import { callFunction } from '../../src/services/call-function'
import { resetSession } from '../../src/services/session'
import CardPage from '../../src/packages/member/card/index'
import RosterPage from '../../src/packages/unit/roster/index'
import UnitStatsPage from '../../src/packages/unit/stats/index'
import { bootstrapFor } from './support/session-fixtures'
import { callsTo, fail, ok, routeCalls } from './support/call-mock'
import { setRouterParams } from './support/taro'

jest.mock('../../src/services/call-function', () => ({ callFunction: jest.fn() }))
const mockedCall = callFunction as jest.MockedFunction<typeof callFunction>

beforeEach(() => {
  resetSession()
  mockedCall.mockReset()
  jest.clearAllMocks()
  setRouterParams({})
  process.env.TARO_ENV = 'weapp'
})

describe('我的联系证', () => {
  const card: CardView = {
    cardNo: '100000017',
    memberId: 'm1',
    name: '张三',
    unitName: '区卫生健康局',
    communityName: '西溪社区',
    status: 'active',
    token: 'SBD1.abc.def',
    qrDataUrl: 'data:image/png;base64,iVBORw0KGgo=',
    issuedAt: '2026-01-02T00:00:00.000Z',
  }

  it('shows the card with its QR image and the hint for the desk', async () => {
    routeCalls(mockedCall, bootstrapFor('张三', 'member'), { 'card.mine': () => ok(card) })
    render(<CardPage />)
    expect((await screen.findByText('No. 100000017')).id).toBe('card-no')
    expect(document.getElementById('card-qr')?.getAttribute('src')).toBe(card.qrDataUrl)
    expect(document.getElementById('card-community')!.textContent).toBe('西溪社区')
    expect(screen.getByText('请社区工作人员扫码报到')).toBeTruthy()
  })

  it('shows the token as text when there is no QR image', async () => {
    routeCalls(mockedCall, bootstrapFor('张三', 'member'), { 'card.mine': () => ok({ ...card, qrDataUrl: null }) })
    render(<CardPage />)
    expect((await screen.findByText('SBD1.abc.def')).className).toBe('member-card__token')
    expect(document.getElementById('card-qr')).toBeNull()
  })

  it('says so when no card was issued, or the card was revoked', async () => {
    routeCalls(mockedCall, bootstrapFor('张三', 'member'), { 'card.mine': () => ok(null) })
    const { unmount } = render(<CardPage />)
    expect(await screen.findByText('尚未发放联系证')).toBeTruthy()
    unmount()
    resetSession()
    routeCalls(mockedCall, bootstrapFor('张三', 'member'), { 'card.mine': () => ok({ ...card, status: 'revoked', token: null, qrDataUrl: null }) })
    render(<CardPage />)
    expect(await screen.findByText('联系证已作废')).toBeTruthy()
  })
})

describe('本单位报到率', () => {
  const stats: UnitStats = {
    unitId: 'u1',
    unitName: '区卫生健康局',
    declaredMemberTotal: 30,
    declaredResidentTotal: 28,
    memberTotal: 30,
    reported: 27,
    claimedProjects: 55,
    overdue: 2,
    rate: reportRate(27, 30),
    notices: [{ text: '张三的居住社区由古荡社区变更为西溪社区', at: '2026-01-08T02:00:00.000Z' }],
  }

  it('writes the 附件3 footer and the rate against the 95% line', async () => {
    routeCalls(mockedCall, bootstrapFor('王五', 'secretary'), { 'stats.unit': () => ok(stats) })
    render(<UnitStatsPage />)
    expect((await screen.findByText('90.0%')).id).toBe('unit-rate')
    expect(document.getElementById('unit-footer')!.textContent).toBe(
      '本单位共有在职党员 30 人（其中居住地在社区的党员 28 人），到社区报到 27 人，领办活动项目 55 个。',
    )
    expect(document.getElementById('unit-rate-warning')).not.toBeNull()
    expect(screen.getByText('张三的居住社区由古荡社区变更为西溪社区')).toBeTruthy()
    expect(callsTo(mockedCall, 'stats', 'unit')).toEqual([{ action: 'unit', unitId: 'u1' }])
  })
})

describe('党员名册', () => {
  const row: RosterRow = {
    memberId: 'm1',
    name: '张三',
    gender: '男',
    mobile: '138****5678',
    jobTitle: '科长',
    communityName: '西溪社区',
    reportedAt: null,
    reportedCommunityName: null,
    dueAt: '2026-02-01T15:59:59.999Z',
    overdue: true,
    cardNo: null,
    cardStatus: null,
  }
  const list: RosterList = { rows: [row], total: 1, page: 1, pageSize: 20 }

  it('lists by filter and issues a card', async () => {
    setRouterParams({ filter: 'overdue' })
    routeCalls(mockedCall, bootstrapFor('王五', 'secretary'), {
      'roster.list': () => ok(list),
      'card.issue': () => ok({}),
    })
    render(<RosterPage />)
    expect(await screen.findByText('逾期未报到 1 人')).toBeTruthy()
    expect(callsTo(mockedCall, 'roster', 'list')[0]).toEqual({ action: 'list', unitId: 'u1', filter: 'overdue', page: 1, pageSize: 20 })
    expect(document.querySelector('#roster-row-m1 .roster-row__overdue')).not.toBeNull()

    await act(async () => {
      fireEvent.click(document.querySelector('#roster-row-m1 .roster-issue')!)
    })
    expect(callsTo(mockedCall, 'card', 'issue')).toEqual([{ action: 'issue', memberId: 'm1' }])
    expect(await screen.findByText('已为张三发放联系证')).toBeTruthy()
  })

  it('checks an import first, lists the bad rows, then imports only the valid ones', async () => {
    const checked: RosterImportResult = {
      rows: 3,
      valid: 2,
      errors: [{ row: 3, messages: ['手机号码格式不正确，应为11位手机号'] }],
      created: 0,
      updated: 0,
      committed: false,
    }
    routeCalls(mockedCall, bootstrapFor('王五', 'secretary'), {
      'roster.list': () => ok(list),
      'roster.import': (data) => (data.mode === 'check' ? ok(checked) : ok({ ...checked, created: 2, committed: true })),
    })
    render(<RosterPage />)
    fireEvent.click(await screen.findByText('导入名册'))
    const file = new File(['姓名,性别\n张三,男\n'], '名册.csv', { type: 'text/csv' })
    await act(async () => {
      fireEvent.change(document.getElementById('roster-file-input')!, { target: { files: [file] } })
    })
    expect(await screen.findByText('共 3 行，有效 2 行，有问题 1 行')).toBeTruthy()
    expect(screen.getByText('第 3 行：手机号码格式不正确，应为11位手机号')).toBeTruthy()
    expect((document.getElementById('roster-import-all') as HTMLButtonElement).disabled).toBe(true)
    const [check] = callsTo(mockedCall, 'roster', 'import')
    expect(check).toMatchObject({ action: 'import', unitId: 'u1', fileName: '名册.csv', mode: 'check' })
    expect(Buffer.from(String(check!.fileBase64), 'base64').toString('utf8')).toBe('姓名,性别\n张三,男\n')

    await act(async () => {
      fireEvent.click(document.getElementById('roster-import-valid')!)
    })
    expect(callsTo(mockedCall, 'roster', 'import')[1]).toMatchObject({ mode: 'commit', onlyValid: true })
    expect(await screen.findByText('名册已导入：新增 2 人，更新 0 人')).toBeTruthy()
  })

  it('shows the server’s message when a card cannot be issued', async () => {
    routeCalls(mockedCall, bootstrapFor('王五', 'secretary'), {
      'roster.list': () => ok(list),
      'card.issue': () => fail('CONFIG_MISSING', '服务器未配置联系证密钥，请联系管理员'),
    })
    render(<RosterPage />)
    await screen.findByText('张三')
    await act(async () => {
      fireEvent.click(document.querySelector('#roster-row-m1 .roster-issue')!)
    })
    expect((await screen.findByText('服务器未配置联系证密钥，请联系管理员')).id).toBe('roster-error')
  })
})
