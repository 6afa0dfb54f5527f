import { fireEvent, render, screen } from '@testing-library/react'
import type { EntryView, HandInView, MyServices } from '../../src/domain/contracts/services.contract'
import { callFunction } from '../../src/services/call-function'
import MyServicesPage from '../../src/packages/member/services/index'
import UnitServicesPage from '../../src/packages/unit/services/index'
import StaffServicesPage from '../../src/packages/staff/services/index'
import ServiceSheetPage from '../../src/packages/member/service-sheet/index'
import Taro from '@tarojs/taro'
import { setRouterParams } from './support/taro'
import { bootstrapFor } from './support/session-fixtures'
import { callsTo, ok, routeCalls, mockedGateway, freshPage } from './support/call-mock'
import { type, tap } from './support/dom'

// The 服务清单 pages: the member writes and sees prefilled and returned lines;
// the liaison hands in (the secretary sees no hand-in button); staff confirm.

jest.mock('../../src/services/call-function', () => ({ callFunction: jest.fn() }))
const mockedCall = mockedGateway(callFunction)

beforeEach(() => {
  freshPage(mockedCall)
})

const entry = (over: Partial<EntryView> = {}): EntryView => ({
  entryId: 'e-1',
  memberId: 'm-1',
  date: '2026-02-09T16:00:00.000Z',
  year: 2026,
  quarter: 1,
  place: '社区活动室',
  content: '为老人义务理发',
  kind: 'own',
  hours: 2,
  photo: null,
  source: null,
  status: 'draft',
  returnReason: null,
  returnedBy: null,
  editable: true,
  originalHours: null,
  ...over,
})
const states = { 1: null, 2: null, 3: null, 4: null }
const through = { 1: null, 2: null, 3: null, 4: null }

describe('我的服务清单', () => {
  it('shows totals, the filled-in and returned lines, and saves a new one', async () => {
    const rows = [entry({ entryId: 'attendance:a1', source: 'attendance', kind: 'community', content: '社区义诊' }), entry({ entryId: 'e-2', status: 'returned', returnReason: '请写明地点', returnedBy: 'unit' })]
    // The fourth quarter handed in early, up to 12月5日: later days are still written.
    const mine: MyServices = { year: 2026, quarter: 4, communityName: '曙光社区', quarterStates: { ...states, 1: 'confirmed', 4: 'handedIn' }, lockedThrough: { ...through, 4: '2026-12-04T16:00:00.000Z' }, rows, entries: 2, hours: 4 }
    routeCalls(mockedCall, bootstrapFor('张伟', 'member'), { 'services.mine': () => ok(mine), 'services.save': () => ok(entry({ entryId: 'e-3' })) })
    render(<MyServicesPage />)
    expect(await screen.findByText('系统自动带入', { exact: false })).toBeTruthy()
    expect(screen.getByText('单位退回：请写明地点')).toBeTruthy()
    expect(document.getElementById('services-totals')!.textContent).toContain('共 2 次，4 小时')
    // A filled-in line cannot be removed; a written one can.
    expect(document.querySelectorAll('.service-remove')).toHaveLength(1)
    expect(document.getElementById('services-q4')!.textContent).toBe('第4季度（已上交至12月5日）')
    expect(document.getElementById('services-q1')!.textContent).toBe('第1季度（已上交）')
    type('service-date', '2026-11-20')
    type('service-place', '小区广场')
    type('service-content', '垃圾分类宣传')
    fireEvent.click(screen.getByText('社区组织的活动'))
    type('service-hours', '1.5')
    await tap('service-save')
    type('service-place', '小区广场')
    type('service-content', '垃圾分类宣传')
    await tap('service-save')
    // Each form carries its own request id: a save of a new form sends a new one.
    const saves = callsTo(mockedCall, 'services', 'save') as Array<{ requestId: string }>
    expect(saves[0]).toEqual({ action: 'save', requestId: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/), date: '2026-11-20', place: '小区广场', content: '垃圾分类宣传', kind: 'community', hours: 1.5, photoFileId: null })
    expect(saves[1]!.requestId).not.toBe(saves[0]!.requestId)
  })

  it('tells a member who has not reported that nothing can be handed in', async () => {
    routeCalls(mockedCall, bootstrapFor('张伟', 'member'), { 'services.mine': () => ok({ year: 2026, quarter: 4, communityName: null, quarterStates: states, lockedThrough: through, rows: [], entries: 0, hours: 0 }) })
    render(<MyServicesPage />)
    expect(await screen.findByText('您还没有到居住地社区报到，报到后才能填写和上交服务清单。')).toBeTruthy()
    expect(document.getElementById('service-form')).toBeNull()
  })
})

describe('服务清单上交', () => {
  const overview = { unitName: '区教育局', year: 2026, quarter: 3 as const, quarterEnded: true, rows: [{ communityId: 'c1', communityName: '曙光社区', members: 2, nothing: 1, entries: 1, hours: 2, state: null, coveredThrough: null, handInId: 'u1:c1:2026' }] }
  const members = { rows: [{ memberId: 'm-1', name: '张伟', rows: [entry({ entryId: 'visit:v1', source: 'visit', kind: 'pairing', hours: 2, originalHours: 1 })], entries: 1, hours: 2 }, { memberId: 'm-2', name: '李娜', rows: [], entries: 0, hours: 0 }], total: 2, page: 1, pageSize: 20, memberTotal: 2, nothingTotal: 1, entries: 1, hours: 2, quarterStates: states, lockedThrough: through, communityName: '曙光社区' }
  const handIn: HandInView = { handInId: 'u1:c1:2026', unitId: 'u1', unitName: '区教育局', communityId: 'c1', communityName: '曙光社区', year: 2026, status: 'waiting', waitingSince: '2026-10-12T02:00:00.000Z', quarters: [{ quarter: 3, status: 'handedIn', handedInAt: '2026-10-12T02:00:00.000Z', entries: 1, hours: 2, returnReason: null, confirmedAt: null, coveredThrough: null }] }

  it('the liaison sees who wrote nothing and hands the quarter in', async () => {
    routeCalls(mockedCall, bootstrapFor('王联络', 'liaison'), { 'services.unitOverview': () => ok(overview), 'services.unitCommunity': () => ok(members), 'services.handIn': () => ok(handIn) })
    render(<UnitServicesPage />)
    await screen.findByText('曙光社区')
    await tap('unit-services-q3')
    await screen.findByText('报到党员 2 人，未填写 1 人；共 1 条，2 小时')
    await tap('service-community-c1')
    expect(await screen.findByText('本季度未填写')).toBeTruthy()
    // A visit's hours changed by the member: the liaison sees what the system filled in.
    expect(screen.getByText('已修改（原1小时）', { exact: false })).toBeTruthy()
    await tap('unit-services-handin-submit')
    expect(callsTo(mockedCall, 'services', 'handIn')).toEqual([{ action: 'handIn', unitId: expect.any(String), communityId: 'c1', year: 2026, quarters: [3] }])
    // The hand-in relies on the daily fill-in, and says so.
    expect(document.getElementById('unit-services-prefilled')!.textContent).toContain('已自动填入截至昨日的活动和服务')
    await tap('service-print-q-m-2')
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/member/service-sheet/index?year=2026&quarter=3&memberId=m-2&as=unit' })
  })

  it('the secretary reads, without the hand-in', async () => {
    routeCalls(mockedCall, bootstrapFor('赵书记', 'secretary'), { 'services.unitOverview': () => ok(overview), 'services.unitCommunity': () => ok(members) })
    render(<UnitServicesPage />)
    await screen.findByText('曙光社区')
    await tap('unit-services-q3')
    await screen.findByText('报到党员 2 人，未填写 1 人；共 1 条，2 小时')
    await tap('service-community-c1')
    await screen.findByText('本季度未填写')
    expect(document.getElementById('unit-services-handin')).toBeNull()
    expect(document.querySelectorAll('.service-return')).toHaveLength(0)
  })
})

it('服务清单确认: staff open a hand-in and confirm it', async () => {
  const handIn: HandInView = { handInId: 'u1:c1:2026', unitId: 'u1', unitName: '区教育局', communityId: 'c1', communityName: '曙光社区', year: 2026, status: 'waiting', waitingSince: '2026-10-12T02:00:00.000Z', quarters: [{ quarter: 3, status: 'handedIn', handedInAt: '2026-10-12T02:00:00.000Z', entries: 1, hours: 2, returnReason: null, confirmedAt: null, coveredThrough: null }] }
  const opened = { rows: [{ memberId: 'm-1', name: '张伟', rows: [entry({ status: 'handedIn', editable: false })], entries: 1, hours: 2 }], total: 1, page: 1, pageSize: 20, memberTotal: 1, nothingTotal: 0, entries: 1, hours: 2, handIn }
  routeCalls(mockedCall, bootstrapFor('李娜', 'staff'), { 'services.handIns': () => ok({ rows: [handIn], total: 1, page: 1, pageSize: 20 }), 'services.handInOpen': () => ok(opened), 'services.confirm': () => ok({ ...handIn, status: 'confirmed' }) })
  render(<StaffServicesPage />)
  await screen.findByText('区教育局 · 2026年')
  await tap('handin-u1')
  expect(await screen.findByText('张伟：1 条，2 小时')).toBeTruthy()
  await tap('handin-confirm')
  expect(callsTo(mockedCall, 'services', 'confirm')).toEqual([{ action: 'confirm', handInId: 'u1:c1:2026', quarters: [3], handedInAt: '2026-10-12T02:00:00.000Z' }])
  await tap('service-print-y-m-1')
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/member/service-sheet/index?year=2026&memberId=m-1&as=staff' })
})

describe('the printable 服务清单 of one member', () => {
  const table = { title: '在职党员进社区服务清单', subtitle: '张伟', header: [['序号', '日期']], rows: [['1', '2026-09-20']] }

  it('the unit prints a member’s quarter; the staff a member’s year', async () => {
    setRouterParams({ year: '2026', quarter: '3', memberId: 'm-1', as: 'unit' })
    routeCalls(mockedCall, bootstrapFor('赵书记', 'secretary'), { 'services.unitSheet': () => ok(table) })
    const { unmount } = render(<ServiceSheetPage />)
    await screen.findByText('2026-09-20')
    expect(callsTo(mockedCall, 'services', 'unitSheet')).toEqual([{ action: 'unitSheet', memberId: 'm-1', year: 2026, quarter: 3 }])
    unmount()

    freshPage(mockedCall)
    setRouterParams({ year: '2026', memberId: 'm-1', as: 'staff' })
    routeCalls(mockedCall, bootstrapFor('李娜', 'staff'), { 'services.staffSheet': () => ok(table) })
    render(<ServiceSheetPage />)
    await screen.findByText('2026-09-20')
    expect(callsTo(mockedCall, 'services', 'staffSheet')).toEqual([{ action: 'staffSheet', memberId: 'm-1', year: 2026, quarter: null }])
  })

  it('a member cannot open another member’s sheet as the unit', async () => {
    setRouterParams({ year: '2026', memberId: 'm-2', as: 'unit' })
    routeCalls(mockedCall, bootstrapFor('张伟', 'member'), {})
    render(<ServiceSheetPage />)
    expect(await screen.findByText('暂无办理权限')).toBeTruthy()
    expect(callsTo(mockedCall, 'services', 'unitSheet')).toEqual([])
  })
})
