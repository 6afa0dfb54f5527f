import { act, fireEvent, render, screen } from '@testing-library/react'
import type { LedgerOverview } from '../../src/domain/contracts/ledger.contract'
import { ledgerOverview, LEDGER_ITEMS, type LedgerItem } from '../../src/domain/ledger'
import { registrationTable, reportSummaryTable } from '../../src/domain/ledger-tables'
import LedgerPage from '../../src/packages/staff/ledger/index'
import { callFunction } from '../../src/services/call-function'
import { uploadFile } from '../../src/services/upload-file'
import { bootstrapFor } from './support/session-fixtures'
import { callsTo, freshPage, mockedGateway, ok, routeCalls } from './support/call-mock'
import { type, tap } from './support/dom'

// The staff's 台账 page: the five categories with counts and what is missing,
// an item's tables viewed (a page at a time for per-member forms) with the
// form's footer, and the 文件清单's documents uploaded and removed.

jest.mock('../../src/services/call-function', () => ({ callFunction: jest.fn() }))
jest.mock('../../src/services/upload-file', () => ({ uploadFile: jest.fn() }))
const mockedCall = mockedGateway(callFunction)
const mockedUpload = uploadFile as jest.MockedFunction<typeof uploadFile>

beforeEach(() => {
  freshPage(mockedCall)
  mockedUpload.mockReset()
})

const zero = Object.fromEntries(LEDGER_ITEMS.map((i) => [i, 0])) as Record<LedgerItem, number>
const overview: LedgerOverview = {
  communityId: 'c1',
  communityName: '曙光社区',
  year: 2026,
  categories: ledgerOverview({
    year: 2026,
    now: new Date('2026-12-04T02:00:00Z'),
    counts: { ...zero, summary: 3, registration: 2, meetings: 1 },
    profileFilled: false,
    withoutRegistration: { count: 1, names: ['王强'] },
    withoutRating: { count: 0, names: [] },
    withoutCard: { count: 0, names: [] },
    units: [],
  }),
}

const doc = { documentId: 'd1', communityId: 'c1', year: 2026, title: '补充通知', issuedBy: '中共梧州市委组织部', issuedAt: '2026-03-01T00:00:00.000Z', format: 'pdf', url: 'http://files/d1.pdf', note: '', uploadedAt: '2026-03-02T00:00:00.000Z' }

it('shows the five categories with counts and what is missing', async () => {
  routeCalls(mockedCall, bootstrapFor('李娜', 'staff'), {
    'ledger.overview': () => ok(overview),
    'ledger.documentList': () => ok({ rows: [], total: 0, page: 1, pageSize: 20 }),
  })
  render(<LedgerPage />)
  expect(await screen.findByText('曙光社区“双报到”活动台账')).toBeTruthy()
  expect(screen.getByText('二、报到清单')).toBeTruthy()
  expect(document.querySelectorAll('.ledger-category')).toHaveLength(5)
  expect(document.querySelector('#ledger-item-summary .ledger-count')!.textContent).toBe('3 人')
  expect(document.querySelector('#ledger-item-registration .ledger-missing')!.textContent).toBe('缺：1 人已报到但未填写附件1报到登记表：王强')
  expect(document.querySelector('#ledger-item-profile .ledger-missing')!.textContent).toBe('缺：社区基本情况未填写')
  expect(callsTo(mockedCall, 'ledger', 'overview')).toEqual([{ action: 'overview', communityId: 'c1', year: 2026 }])
  // No year after this one.
  expect(document.getElementById('ledger-next-year')!.hasAttribute('disabled')).toBe(true)
  await tap('ledger-prev-year')
  expect(callsTo(mockedCall, 'ledger', 'overview').at(-1)).toEqual({ action: 'overview', communityId: 'c1', year: 2025 })
})

it('views an item’s tables: the summary whole, 附件1 a page of members at a time with the receipt', async () => {
  const row = { postName: '政策宣讲员', categoryName: '社区管理协助项目', memberName: '张伟', gender: '男', unitName: '区教育局', jobTitle: '科长', mobile: '13700000001', reportedAt: '2026-02-01T02:00:00.000Z' }
  const form = registrationTable({
    memberName: '张伟', gender: '男', birthMonth: '1985-07', joinPartyMonth: '2008-06', education: '大学本科', hobbies: '', officePhone: '', mobile: '13700000001', qq: '',
    communityName: '曙光社区', address: '', unitName: '区教育局', jobTitle: '科长', willingLiaison: true, claims: [], partyOrgName: null, reportedAt: '2026-02-01T02:00:00.000Z',
  })
  routeCalls(mockedCall, bootstrapFor('李娜', 'staff'), {
    'ledger.overview': () => ok(overview),
    'ledger.documentList': () => ok({ rows: [], total: 0, page: 1, pageSize: 20 }),
    'ledger.tables': (data) =>
      ok(data.item === 'summary' ? { tables: [reportSummaryTable('曙光社区', [row])], total: 1, page: 1, pageSize: 10 } : { tables: [form], total: 12, page: data.page, pageSize: 10 }),
  })
  render(<LedgerPage />)
  await screen.findByText('曙光社区“双报到”活动台账')
  await tap('ledger-view-summary')
  expect(await screen.findByText('按认领服务岗位排序，共 1 条')).toBeTruthy()
  expect(document.querySelectorAll('#ledger-table-0 .sheet-row')).toHaveLength(1)
  await tap('ledger-back')
  await screen.findByText('二、报到清单')
  await tap('ledger-view-registration')
  expect(await screen.findByText('共 12 名党员，本页 1 张表')).toBeTruthy()
  expect(document.getElementById('ledger-table-0-footer')!.textContent).toBe('回执')
  expect(screen.getByText('张伟同志，系中共党员，于2026年2月1日已向我党组织报到。感谢贵单位党组织对社区党建工作的关心和支持。')).toBeTruthy()
  await tap('ledger-tables-next')
  expect(callsTo(mockedCall, 'ledger', 'tables').at(-1)).toEqual({ action: 'tables', communityId: 'c1', year: 2026, item: 'registration', page: 2, pageSize: 10 })
})

describe('文件清单 documents', () => {
  it('uploads a PDF as kind pdf with its title, issuer and date, then lists it; removes one', async () => {
    const rows = [doc]
    routeCalls(mockedCall, bootstrapFor('李娜', 'staff'), {
      'ledger.overview': () => ok(overview),
      'ledger.documentList': () => ok({ rows, total: rows.length, page: 1, pageSize: 20 }),
      'ledger.documentAdd': (data) => {
        const added = { ...doc, documentId: 'd2', title: String(data.title) }
        rows.unshift(added)
        return ok(added)
      },
      'ledger.documentRemove': (data) => {
        rows.splice(rows.findIndex((r) => r.documentId === data.documentId), 1)
        return ok({ documentId: data.documentId, removed: true })
      },
    })
    mockedUpload.mockResolvedValue(ok({ fileID: 'cloud://env/uploads/pdf/u/x.pdf' }))
    render(<LedgerPage />)
    await screen.findByText('补充通知')
    type('ledger-doc-title', '工作方案')
    type('ledger-doc-issuer', '曙光社区党委')
    type('ledger-doc-date', '2026-04-01')
    await act(async () => {
      fireEvent.change(document.getElementById('ledger-doc-file-input')!, { target: { files: [new File([new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x34, 0x0a])], '方案.pdf', { type: 'application/pdf' })] } })
    })
    await screen.findByText('已选择：方案.pdf')
    await tap('ledger-doc-add')
    expect(mockedUpload.mock.calls[0]![0]).toBe('pdf')
    expect(callsTo(mockedCall, 'ledger', 'documentAdd')).toEqual([
      { action: 'documentAdd', communityId: 'c1', year: 2026, fileID: 'cloud://env/uploads/pdf/u/x.pdf', title: '工作方案', issuedBy: '曙光社区党委', issuedAt: '2026-04-01' },
    ])
    expect(await screen.findByText('已归档：工作方案')).toBeTruthy()
    expect(await screen.findByText('工作方案')).toBeTruthy()
    await act(async () => {
      fireEvent.click(document.querySelector('#ledger-doc-d1 .ledger-doc-remove')!)
    })
    expect(callsTo(mockedCall, 'ledger', 'documentRemove')).toEqual([{ action: 'documentRemove', documentId: 'd1' }])
  })

  it('refuses a file that is not a PDF, image or Word file before uploading', async () => {
    routeCalls(mockedCall, bootstrapFor('李娜', 'staff'), {
      'ledger.overview': () => ok(overview),
      'ledger.documentList': () => ok({ rows: [], total: 0, page: 1, pageSize: 20 }),
    })
    render(<LedgerPage />)
    await screen.findByText('还没有文件')
    type('ledger-doc-title', '名册')
    type('ledger-doc-issuer', '区教育局')
    // Named .pdf, but its bytes are a CSV.
    await act(async () => {
      fireEvent.change(document.getElementById('ledger-doc-file-input')!, { target: { files: [new File(['name,gender\n'], '名册.pdf')] } })
    })
    await screen.findByText('已选择：名册.pdf')
    await tap('ledger-doc-add')
    expect(document.getElementById('ledger-doc-error')!.textContent).toContain('文件清单只收 PDF、图片')
    expect(mockedUpload).not.toHaveBeenCalled()
    expect(callsTo(mockedCall, 'ledger', 'documentAdd')).toEqual([])
  })
})
