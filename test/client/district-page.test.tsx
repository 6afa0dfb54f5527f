import { fireEvent, render, screen } from '@testing-library/react'
import type { DistrictStats } from '../../src/domain/contracts/stats.contract'
import { callFunction } from '../../src/services/call-function'
import { resetSession } from '../../src/services/session'
import DistrictPage from '../../src/packages/admin/district/index'
import { bootstrapFor } from './support/session-fixtures'
import { callsTo, ok, routeCalls, mockedGateway } from './support/call-mock'

jest.mock('../../src/services/call-function', () => ({ callFunction: jest.fn() }))
const mockedCall = mockedGateway(callFunction)

const STATS: DistrictStats = {
  scopeName: '西湖区',
  rows: [
    { unitId: 'u1', unitName: '区教育局', memberTotal: 40, reported: 39, rate: 39 / 40, belowThreshold: false },
    { unitId: 'u2', unitName: '区财政局', memberTotal: 30, reported: 24, rate: 0.8, belowThreshold: true },
    { unitId: 'u3', unitName: '区档案馆', memberTotal: 10, reported: 10, rate: 1, belowThreshold: false },
    { unitId: 'u4', unitName: '区司法局', memberTotal: 20, reported: 18, rate: 0.9, belowThreshold: true },
  ],
  totals: { memberTotal: 100, reported: 91, rate: 0.91 },
}

function units(): string[] {
  return Array.from(document.querySelectorAll('#district-table .district-row .district-row__unit')).map((el) => el.textContent ?? '')
}

function redUnits(): string[] {
  return Array.from(document.querySelectorAll('#district-table .district-row--below .district-row__unit')).map((el) => el.textContent ?? '')
}

beforeEach(() => {
  resetSession()
  mockedCall.mockReset()
  jest.clearAllMocks()
  process.env.TARO_ENV = 'weapp'
})

describe('各单位报到率', () => {
  it('lists units lowest rate first, marks those under 95% red and totals the district', async () => {
    routeCalls(mockedCall, bootstrapFor('周九', 'districtAdmin'), { 'stats.district': () => ok(STATS) })
    render(<DistrictPage />)
    await screen.findByText('西湖区各单位在职党员报到率')

    expect(callsTo(mockedCall, 'stats', 'district')).toEqual([{ action: 'district' }])
    expect(units()).toEqual(['区财政局', '区司法局', '区教育局', '区档案馆'])
    expect(redUnits().sort()).toEqual(['区司法局', '区财政局'].sort())
    expect(document.getElementById('district-summary')!.textContent).toBe('共 4 个单位，其中 2 个低于95%（标红）')
    const totals = Array.from(document.getElementById('district-totals')!.children).map((el) => el.textContent)
    expect(totals).toEqual(['合计', '100', '91', '91.0%'])
    // One bar per unit, red under the line.
    expect(document.querySelectorAll('#district-chart .district-bar')).toHaveLength(4)
    expect(document.querySelectorAll('#district-chart .district-bar__fill--below')).toHaveLength(2)
  })

  it('sorts by the tapped header, and the other way round on a second tap', async () => {
    routeCalls(mockedCall, bootstrapFor('周九', 'districtAdmin'), { 'stats.district': () => ok(STATS) })
    render(<DistrictPage />)
    await screen.findByText('西湖区各单位在职党员报到率')

    fireEvent.click(document.getElementById('district-sort-memberTotal')!)
    expect(units()).toEqual(['区教育局', '区财政局', '区司法局', '区档案馆'])
    expect(document.getElementById('district-sort-memberTotal')!.textContent).toBe('党员数 ↓')

    fireEvent.click(document.getElementById('district-sort-memberTotal')!)
    expect(units()).toEqual(['区档案馆', '区司法局', '区财政局', '区教育局'])
    expect(document.getElementById('district-sort-memberTotal')!.textContent).toBe('党员数 ↑')

    fireEvent.click(document.getElementById('district-sort-reported')!)
    expect(units()).toEqual(['区教育局', '区财政局', '区司法局', '区档案馆'])

    fireEvent.click(document.getElementById('district-sort-rate')!)
    expect(units()).toEqual(['区档案馆', '区教育局', '区司法局', '区财政局'])

    fireEvent.click(document.getElementById('district-sort-unitName')!)
    expect(units()).toEqual([...units()].sort((a, b) => a.localeCompare(b, 'zh')))
    // Sorting never changes which units are red.
    expect(redUnits().sort()).toEqual(['区司法局', '区财政局'].sort())
  })

  it('asks for the street of a street admin only', async () => {
    routeCalls(mockedCall, bootstrapFor('吴十', 'streetAdmin'), { 'stats.district': () => ok({ ...STATS, scopeName: '北山街道' }) })
    render(<DistrictPage />)
    await screen.findByText('北山街道各单位在职党员报到率')
    expect(callsTo(mockedCall, 'stats', 'district')).toEqual([{ action: 'district', streetId: 's1' }])
  })
})
