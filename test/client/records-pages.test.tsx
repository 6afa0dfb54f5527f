import { fireEvent, render, screen } from '@testing-library/react'
import type { CollectionRecordView, PairingView } from '../../src/domain/contracts/records.contract'
import { targetSurveyTable } from '../../src/domain/record-tables'
import { callFunction } from '../../src/services/call-function'
import CollectionsPage from '../../src/packages/staff/collections/index'
import SheetPage from '../../src/packages/staff/sheet/index'
import PairingsPage from '../../src/packages/member/pairings/index'
import { bootstrapFor } from './support/session-fixtures'
import { callsTo, ok, routeCalls, mockedGateway, freshPage } from './support/call-mock'
import { setRouterParams } from './support/taro'
import { type, tap } from './support/dom'

// The community's records pages: the printable table renders the model the
// server sends; forms send what was typed, and refuse an ID-card number
// before any call; a member records a visit on their pairing.

jest.mock('../../src/services/call-function', () => ({ callFunction: jest.fn() }))
const mockedCall = mockedGateway(callFunction)

beforeEach(() => {
  freshPage(mockedCall)
})

it('prints the 摸底表 from the table model, every row', async () => {
  const target = { targetId: 't-1', communityId: 'c1', name: '王秀英', gender: '女', birthMonth: '1941-03', address: '东湖路12号', mobile: '13812345678', categories: ['孤寡老人'], family: '独居', needs: '代购药品', surveyor: '李娜', surveyedAt: '2026-03-02T00:00:00.000Z', paired: [], masked: false }
  const table = targetSurveyTable('西溪社区', [target, { ...target, targetId: 't-2', name: '陈刚' }])
  setRouterParams({ kind: 'targets' })
  routeCalls(mockedCall, bootstrapFor('李娜', 'staff'), { 'records.sheet': (data) => ok(data.kind === 'targets' ? table : null) })
  render(<SheetPage />)
  expect(await screen.findByText('共 2 人，其中已结对 0 人')).toBeTruthy()
  expect(document.querySelectorAll('#sheet-table .sheet-row')).toHaveLength(2)
  expect(screen.getAllByText('孤寡老人')).toHaveLength(2)
  expect(callsTo(mockedCall, 'records', 'sheet')).toEqual([{ action: 'sheet', communityId: 'c1', kind: 'targets' }])
})

describe('服务需求征集记录', () => {
  const saved: CollectionRecordView = { recordId: 'r-1', communityId: 'c1', date: '2026-03-10T00:00:00.000Z', way: '电话', collector: '李娜', source: '王大爷', content: '楼道灯坏了', handling: '', needId: null }

  it('saves what was typed and lists it', async () => {
    const rows: CollectionRecordView[] = []
    routeCalls(mockedCall, bootstrapFor('李娜', 'staff'), {
      'records.collectionList': () => ok({ rows, total: rows.length, page: 1, pageSize: 20 }),
      'records.collectionSave': () => {
        rows.push(saved)
        return ok(saved)
      },
    })
    render(<CollectionsPage />)
    await screen.findByText('还没有征集记录')
    type('collection-date', '2026-03-10')
    fireEvent.click(screen.getByText('电话'))
    type('collection-collector', '李娜')
    type('collection-source', '王大爷')
    type('collection-content', '楼道灯坏了')
    await tap('collection-save')
    expect(callsTo(mockedCall, 'records', 'collectionSave')).toEqual([
      { action: 'collectionSave', communityId: 'c1', date: '2026-03-10', way: '电话', collector: '李娜', source: '王大爷', content: '楼道灯坏了', handling: '' },
    ])
    expect(await screen.findByText('2026年3月10日 · 电话 · 王大爷')).toBeTruthy()
  })

  it('refuses an ID-card number before calling the server', async () => {
    routeCalls(mockedCall, bootstrapFor('李娜', 'staff'), { 'records.collectionList': () => ok({ rows: [], total: 0, page: 1, pageSize: 20 }) })
    render(<CollectionsPage />)
    await screen.findByText('还没有征集记录')
    type('collection-collector', '李娜')
    type('collection-source', '王大爷')
    type('collection-content', '王大爷身份证330106194101011234，想申请低保')
    await tap('collection-save')
    expect(document.getElementById('collections-error')!.textContent).toContain('请勿填写身份证号码')
    expect(callsTo(mockedCall, 'records', 'collectionSave')).toEqual([])
  })
})

it('lets a member record a visit on their pairing', async () => {
  const pairing: PairingView = {
    pairingId: 'p-1',
    communityId: 'c1',
    status: 'active',
    target: { targetId: 't-1', name: '王秀英', address: '东湖路12号', mobile: '13812345678', categories: ['孤寡老人'] },
    memberId: 'm1',
    memberName: '张伟',
    unitName: '区教育局',
    content: '每月走访',
    startedAt: '2026-03-05T00:00:00.000Z',
    endedAt: null,
    endReason: null,
    visits: [],
  }
  routeCalls(mockedCall, bootstrapFor('张伟', 'member'), {
    'records.myPairings': () => ok([pairing]),
    'records.visitAdd': (data) => ok({ ...pairing, visits: [{ visitId: 'v-1', date: `${String(data.date)}T00:00:00.000Z`, content: String(data.content), recordedAt: '' }] }),
  })
  render(<PairingsPage />)
  expect(await screen.findByText('王秀英 · 孤寡老人')).toBeTruthy()
  expect(screen.getByText('13812345678')).toBeTruthy()
  fireEvent.click(screen.getByText('记录走访'))
  type('visit-date', '2026-03-12')
  type('visit-content', '送药，打扫卫生')
  await tap('visit-save')
  expect(callsTo(mockedCall, 'records', 'visitAdd')).toEqual([{ action: 'visitAdd', pairingId: 'p-1', date: '2026-03-12', content: '送药，打扫卫生' }])
})
