import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { PairingChoices, PairingSummary, PairingView } from '../../src/domain/contracts/pairing.contract'
import { callFunction } from '../../src/services/call-function'
import AdminPairingPage from '../../src/packages/admin/pairing/index'
import PairingPage from '../../src/packages/unit/pairing/index'
import PairingSummaryPage from '../../src/packages/unit/pairing-summary/index'
import { PairedCommunityPicker } from '../../src/components/paired-community-picker'
import { bootstrapFor } from './support/session-fixtures'
import { callsTo, fail, mockedGateway, ok, routeCalls, freshPage } from './support/call-mock'
import { navigateTo, setRouterParams } from './support/taro'

// The 结对共建 pages: the admin records and ends pairings, each side lists
// its own, and 附件4 shows the year's rows.

jest.mock('../../src/services/call-function', () => ({ callFunction: jest.fn() }))
const mockedCall = mockedGateway(callFunction)

beforeEach(() => {
  freshPage(mockedCall)
  process.env.TARO_ENV = 'weapp'
})

const pairing = (over: Partial<PairingView> = {}): PairingView => ({
  pairingId: 'p1',
  unitId: 'u1',
  unitName: '区卫健局',
  partyOrgName: '区卫健局机关党委',
  branchId: null,
  branchName: null,
  communityId: 'c1',
  communityName: '西溪社区',
  streetName: '北山街道',
  status: 'active',
  startedAt: '2026-01-10T02:00:00.000Z',
  endedAt: null,
  note: '共建文明社区',
  endReason: null,
  ...over,
})

const choices: PairingChoices = {
  units: [
    { unitId: 'u1', name: '区卫健局', branches: [{ branchId: 'b2', name: '第二党支部', members: 12 }] },
    { unitId: 'u2', name: '区教育局', branches: [] },
  ],
  communities: [{ communityId: 'c1', name: '西溪社区', streetName: '北山街道' }],
}

describe('单位与社区结对 (admin)', () => {
  const choose = (groupId: string, text: string) => {
    const label = Array.from(document.querySelectorAll(`#${groupId} .chip__label`)).find((el) => el.textContent === text)
    fireEvent.click(label!.closest('.chip')!)
  }
  const pick = (id: string, index: number) => fireEvent.change(document.querySelector(`#${id} select`)!, { target: { value: String(index) } })

  it('records a branch’s pairing with the chosen community, and shows the server’s refusal', async () => {
    let listed: PairingView[] = []
    routeCalls(mockedCall, bootstrapFor('街道', 'streetAdmin'), {
      'pairing.choices': () => ok(choices),
      'pairing.list': () => ok(listed),
      'pairing.create': (data) => (data.branchId === 'b2' ? ok((listed = [pairing({ branchId: 'b2', branchName: '第二党支部' })])[0]) : fail('PAIRING_EXISTS', '该单位（支部）已与这个社区结对')),
    })
    render(<AdminPairingPage />)
    expect(await screen.findByText('暂无结对')).toBeTruthy()
    pick('pairing-unit', 0)
    pick('pairing-community', 0)
    choose('pairing-branch', '第二党支部（12人）')
    fireEvent.click(document.getElementById('pairing-create')!)
    expect(await screen.findByText('区卫健局机关党委 · 第二党支部 ↔ 西溪社区')).toBeTruthy()
    expect(callsTo(mockedCall, 'pairing', 'create')).toEqual([{ action: 'create', unitId: 'u1', communityId: 'c1', branchId: 'b2', note: '' }])

    choose('pairing-branch', '全体党员')
    fireEvent.click(document.getElementById('pairing-create')!)
    expect((await screen.findByText('该单位（支部）已与这个社区结对')).id).toBe('pairing-error')
  })

  it('ends a pairing only with a reason', async () => {
    routeCalls(mockedCall, bootstrapFor('区', 'districtAdmin'), {
      'pairing.choices': () => ok(choices),
      'pairing.list': () => ok([pairing()]),
      'pairing.end': () => ok(pairing({ status: 'ended', endReason: '结对调整' })),
    })
    render(<AdminPairingPage />)
    fireEvent.click(await screen.findByText('结束结对'))
    fireEvent.click(document.getElementById('pairing-end-confirm')!)
    expect((await screen.findByText(/结束原因/, { selector: '#pairing-end-error' })).id).toBe('pairing-end-error')
    expect(callsTo(mockedCall, 'pairing', 'end')).toEqual([])
    fireEvent.change(document.getElementById('pairing-end-reason')!, { target: { value: '结对调整' } })
    fireEvent.click(document.getElementById('pairing-end-confirm')!)
    await screen.findByText('结束结对')
    expect(callsTo(mockedCall, 'pairing', 'end')).toEqual([{ action: 'end', pairingId: 'p1', reason: '结对调整' }])
  })
})

describe('结对共建 (unit and community)', () => {
  it('the unit sees its paired communities, ended ones as history, and opens 附件4', async () => {
    routeCalls(mockedCall, bootstrapFor('书记', 'secretary'), {
      'pairing.list': () => ok([pairing(), pairing({ pairingId: 'p0', status: 'ended', endedAt: '2026-06-30T02:00:00.000Z', endReason: '结对调整' })]),
    })
    render(<PairingPage />)
    expect(await screen.findAllByText('北山街道 · 西溪社区')).toHaveLength(2)
    expect(screen.getByText('结对调整')).toBeTruthy()
    expect(callsTo(mockedCall, 'pairing', 'list')).toEqual([{ action: 'list', unitId: 'u1' }])
    fireEvent.click(document.getElementById('pairing-summary-open')!)
    expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/unit/pairing-summary/index?unitId=u1' })
  })

  it('community staff see the units paired with them, with the branch', async () => {
    routeCalls(mockedCall, bootstrapFor('社工', 'staff'), { 'pairing.list': () => ok([pairing({ branchName: '第二党支部' })]) })
    render(<PairingPage />)
    expect(await screen.findByText('区卫健局机关党委 · 第二党支部')).toBeTruthy()
    expect(callsTo(mockedCall, 'pairing', 'list')).toEqual([{ action: 'list', communityId: 'c1' }])
    expect(document.getElementById('pairing-summary-open')).toBeNull()
  })
})

describe('附件4', () => {
  const summary: PairingSummary = {
    year: new Date().getFullYear(),
    filedBy: '区卫健局机关党委',
    rows: [{ unitId: 'u1', partyOrgName: '区卫健局机关党委', communityId: 'c1', communityName: '西溪社区', streetName: '北山街道', activities: '3月10日 政策宣讲', activityCount: 1, remark: '共建文明社区' }],
  }

  it('shows the year’s rows for the unit named in the link, and asks again for another year', async () => {
    setRouterParams({ unitId: 'u1' })
    routeCalls(mockedCall, bootstrapFor('街道', 'streetAdmin'), { 'pairing.summary': (data) => ok({ ...summary, year: data.year as number }) })
    render(<PairingSummaryPage />)
    expect(await screen.findByText('3月10日 政策宣讲')).toBeTruthy()
    expect(document.getElementById('pairing-summary-filed-by')!.textContent).toBe('填报单位：区卫健局机关党委')
    expect(document.querySelectorAll('.pairing-summary-row')).toHaveLength(1)
    const lastYear = String(summary.year - 1)
    fireEvent.click(Array.from(document.querySelectorAll('#pairing-summary-year .chip__label')).find((el) => el.textContent === `${lastYear}年`)!.closest('.chip')!)
    await waitFor(() => expect(callsTo(mockedCall, 'pairing', 'summary')).toHaveLength(2))
    expect(callsTo(mockedCall, 'pairing', 'summary')).toEqual([
      { action: 'summary', year: summary.year, unitId: 'u1' },
      { action: 'summary', year: summary.year - 1, unitId: 'u1' },
    ])
  })

  it('says so when the year has no pairing', async () => {
    routeCalls(mockedCall, bootstrapFor('书记', 'liaison'), { 'pairing.summary': () => ok({ ...summary, rows: [] }) })
    render(<PairingSummaryPage />)
    expect(await screen.findByText('该年度没有结对')).toBeTruthy()
    expect(callsTo(mockedCall, 'pairing', 'summary')).toEqual([{ action: 'summary', year: summary.year, unitId: 'u1' }])
  })
})

describe('the unit organiser’s community picker', () => {
  it('offers each community the unit or a branch is paired with now, once', async () => {
    const onChange = jest.fn()
    routeCalls(mockedCall, bootstrapFor('书记', 'secretary'), {
      'pairing.list': () => ok([pairing(), pairing({ pairingId: 'p2', branchName: '第二党支部' }), pairing({ pairingId: 'p3', communityId: 'c2', communityName: '古荡社区', streetName: '西溪街道' })]),
    })
    render(<PairedCommunityPicker unitId='u1' value='' onChange={onChange} />)
    expect(await screen.findByText('请选择结对社区')).toBeTruthy()
    expect(Array.from(document.querySelectorAll('#paired-community option')).map((o) => o.textContent)).toEqual(['北山街道 · 西溪社区', '西溪街道 · 古荡社区'])
    fireEvent.change(document.querySelector('#paired-community select')!, { target: { value: '1' } })
    expect(onChange).toHaveBeenCalledWith('c2')
    expect(callsTo(mockedCall, 'pairing', 'list')).toEqual([{ action: 'list', unitId: 'u1', status: 'active' }])
  })
})
