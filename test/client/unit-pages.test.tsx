import { act, fireEvent, render, screen } from '@testing-library/react'
import type { CardView } from '../../src/domain/contracts/card.contract'
import type { CommunityChoice, RosterImportResult, RosterList, RosterMember, RosterRow } from '../../src/domain/contracts/roster.contract'
import type { UnitStats } from '../../src/domain/contracts/stats.contract'
import { inChina } from '../../src/domain/china-time'
import { reportRate } from '../../src/domain/report-rate'
import { callFunction } from '../../src/services/call-function'
import { uploadFile } from '../../src/services/upload-file'
import { resetSession } from '../../src/services/session'
import CardPage from '../../src/packages/member/card/index'
import RosterPage from '../../src/packages/unit/roster/index'
import UnitStatsPage from '../../src/packages/unit/stats/index'
import { bootstrapFor } from './support/session-fixtures'
import { callsTo, fail, ok, routeCalls, mockedGateway, freshPage } from './support/call-mock'
import { navigateTo, setRouterParams, showModal } from './support/taro'
import { tap, text } from './support/dom'

jest.mock('../../src/services/call-function', () => ({ callFunction: jest.fn() }))
const mockedCall = mockedGateway(callFunction)
jest.mock('../../src/services/upload-file', () => ({ uploadFile: jest.fn() }))
const mockedUpload = uploadFile as jest.MockedFunction<typeof uploadFile>

beforeEach(() => {
  freshPage(mockedCall)
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

  it('exports the unit\'s 附件3 as PDF and opens it; an empty form says why', async () => {
    const file = { fileID: 'cloud://local.x/exports/u1/2026/附件3.pdf', name: '汇总表（2026年）.pdf', url: 'http://127.0.0.1/file/x', expiresAt: '2026-12-04T03:00:00.000Z', bytes: 1000, parts: 1 }
    const opened = jest.spyOn(window, 'open').mockImplementation(() => null)
    let answer = ok(file)
    routeCalls(mockedCall, bootstrapFor('王五', 'secretary'), { 'stats.unit': () => ok(stats), 'exports.unitForm': () => answer })
    render(<UnitStatsPage />)
    await screen.findByText('90.0%')
    await tap('unit-form3-export-pdf')
    expect(callsTo(mockedCall, 'exports', 'unitForm')).toEqual([{ action: 'unitForm', unitId: 'u1', year: inChina(new Date()).year(), form: '附件3', format: 'pdf' }])
    expect(opened).toHaveBeenCalledWith(file.url, '_blank', 'noopener')
    expect(text('unit-form3-export-done')).toBe('已生成 汇总表（2026年）.pdf，下载链接1小时内有效')
    answer = fail('EXPORT_EMPTY', '这一类材料还没有内容，没有生成文件')
    await tap('unit-form3-export-xlsx')
    expect(text('unit-form3-export-error')).toBe('这一类材料还没有内容，没有生成文件')
    expect(opened).toHaveBeenCalledTimes(1)
    opened.mockRestore()
  })
})

describe('党员名册', () => {
  const row: RosterRow = {
    memberId: 'm1',
    name: '张三',
    branchName: '',
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
    reportId: null,
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
    const fileID = 'cloud://local.6c6f-local-1300000000/uploads/spreadsheet/user-1/20260316-a.csv'
    mockedUpload.mockResolvedValue(ok({ fileID }))
    render(<RosterPage />)
    fireEvent.click(await screen.findByText('导入名册'))
    const file = new File(['姓名,性别\n张三,男\n'], '名册.csv', { type: 'text/csv' })
    await act(async () => {
      fireEvent.change(document.getElementById('roster-file-input')!, { target: { files: [file] } })
    })
    expect(await screen.findByText('共 3 行，有效 2 行，有问题 1 行')).toBeTruthy()
    expect(screen.getByText('第 3 行：手机号码格式不正确，应为11位手机号')).toBeTruthy()
    expect((document.getElementById('roster-import-all') as HTMLButtonElement).disabled).toBe(true)
    // Uploaded to storage first, then checked by its fileID.
    const [[kind, picked]] = mockedUpload.mock.calls
    expect([kind, picked.name, picked.source]).toEqual(['spreadsheet', '名册.csv', file])
    expect(Buffer.from(picked.bytes).toString('utf8')).toBe('姓名,性别\n张三,男\n')
    expect(callsTo(mockedCall, 'roster', 'import')).toEqual([{ action: 'import', unitId: 'u1', fileID, mode: 'check', onlyValid: false }])

    await act(async () => {
      fireEvent.click(document.getElementById('roster-import-valid')!)
    })
    expect(callsTo(mockedCall, 'roster', 'import')[1]).toMatchObject({ fileID, mode: 'commit', onlyValid: true })
    expect(await screen.findByText('名册已导入：新增 2 人，更新 0 人')).toBeTruthy()
  })

  it('shows why an upload was refused, and checks nothing', async () => {
    routeCalls(mockedCall, bootstrapFor('王五', 'secretary'), { 'roster.list': () => ok(list) })
    mockedUpload.mockResolvedValue(fail('NOT_SPREADSHEET', '上传的文件不是电子表格，请上传 .xlsx 或 .csv 格式的名册'))
    render(<RosterPage />)
    fireEvent.click(await screen.findByText('导入名册'))
    await act(async () => {
      fireEvent.change(document.getElementById('roster-file-input')!, { target: { files: [new File(['%PDF-1.4'], '名册.csv')] } })
    })
    expect((await screen.findByText('上传的文件不是电子表格，请上传 .xlsx 或 .csv 格式的名册')).id).toBe('roster-import-error')
    expect(callsTo(mockedCall, 'roster', 'import')).toEqual([])
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

  it('opens the receipt (回执) of a reported member from their row', async () => {
    const reported: RosterRow = { ...row, memberId: 'm2', name: '李四', reportedAt: '2026-01-08T02:00:00.000Z', reportedCommunityName: '西溪社区', overdue: false, reportId: 'r-9' }
    routeCalls(mockedCall, bootstrapFor('王五', 'secretary'), { 'roster.list': () => ok({ ...list, rows: [row, reported], total: 2 }) })
    render(<RosterPage />)
    await screen.findByText('李四')
    expect(document.querySelector('#roster-row-m1 .roster-receipt')).toBeNull()
    fireEvent.click(document.querySelector('#roster-row-m2 .roster-receipt')!)
    expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/unit/receipt/index?reportId=r-9' })
  })

  it('the secretary makes a 绑定码 for a member with a card and sees it once; a liaison has no such button', async () => {
    const carded: RosterRow = { ...row, cardNo: '100000017', cardStatus: 'active' }
    routeCalls(mockedCall, bootstrapFor('王五', 'secretary'), {
      'roster.list': () => ok({ ...list, rows: [carded] }),
      'roster.bindingCode': () => ok({ memberName: '张三', code: 'K7QM-3XPA', expiresAt: '2026-01-15T02:00:00.000Z' }),
    })
    const { unmount } = render(<RosterPage />)
    await screen.findByText('张三')
    await act(async () => {
      fireEvent.click(document.querySelector('#roster-row-m1 .roster-binding-code')!)
    })
    expect(callsTo(mockedCall, 'roster', 'bindingCode')).toEqual([{ action: 'bindingCode', unitId: 'u1', memberId: 'm1' }])
    expect(showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '绑定码', content: expect.stringContaining('张三的绑定码：K7QM-3XPA') }))
    unmount()

    resetSession()
    routeCalls(mockedCall, bootstrapFor('赵六', 'liaison'), { 'roster.list': () => ok({ ...list, rows: [carded] }) })
    render(<RosterPage />)
    await screen.findByText('张三')
    expect(document.querySelector('#roster-row-m1 .roster-binding-code')).toBeNull()
  })
})

describe('党员名册: add and edit a member', () => {
  const row: RosterRow = {
    memberId: 'm1',
    name: '张三',
    branchName: '',
    gender: '男',
    mobile: '13812345678',
    jobTitle: '科长',
    communityName: '西溪社区',
    reportedAt: null,
    reportedCommunityName: null,
    dueAt: '2026-02-01T15:59:59.999Z',
    overdue: false,
    cardNo: null,
    cardStatus: null,
    reportId: null,
  }
  const choices: CommunityChoice[] = [
    { communityId: 'c-shuguang', name: '曙光社区', streetName: '北山街道' },
    { communityId: 'c1', name: '西溪社区', streetName: '北山街道' },
    { communityId: 'c-gudang', name: '古荡社区', streetName: '古荡街道' },
  ]
  const record: RosterMember = {
    memberId: 'm1',
    name: '张三',
    branchName: '第一支部',
    gender: '男',
    birthMonth: '1985-07',
    joinPartyMonth: '2008-06',
    education: '大学本科',
    specialty: '书法',
    officePhone: '0571-87654321',
    mobile: '13812345678',
    communityId: 'c1',
    communityName: '西溪社区',
    jobTitle: '科长',
    joinedUnitAt: '2025-06-30T16:00:00.000Z',
  }

  const value = (id: string) => (document.getElementById(id) as HTMLInputElement).value
  const type = (id: string, text: string) => fireEvent.change(document.getElementById(id)!, { target: { value: text } })
  const choose = (groupId: string, text: string) => {
    const label = Array.from(document.querySelectorAll(`#${groupId} .chip__label`)).find((el) => el.textContent === text)
    fireEvent.click(label!.closest('.chip')!)
  }
  const pickerOptions = () => Array.from(document.querySelectorAll('#editor-communityId option')).map((o) => o.textContent)
  const pick = (index: number) => fireEvent.change(document.querySelector('#editor-communityId select')!, { target: { value: String(index) } })

  it('adds a member: 居住社区 is picked by “街道 · 社区” name and sent as its id', async () => {
    routeCalls(mockedCall, bootstrapFor('王五', 'secretary'), {
      'roster.list': () => ok({ rows: [], total: 0, page: 1, pageSize: 20 }),
      'roster.communities': () => ok(choices),
      'roster.save': () => ok(row),
    })
    render(<RosterPage />)
    fireEvent.click(await screen.findByText('添加党员'))
    await screen.findByText('请选择居住社区')
    expect(callsTo(mockedCall, 'roster', 'communities')).toEqual([{ action: 'communities', unitId: 'u1' }])
    expect(callsTo(mockedCall, 'roster', 'get')).toEqual([])
    expect(pickerOptions()).toEqual(['北山街道 · 曙光社区', '北山街道 · 西溪社区', '古荡街道 · 古荡社区'])

    type('editor-name', '赵六')
    choose('editor-gender', '女')
    type('editor-birthMonth', '1990-03')
    type('editor-joinPartyMonth', '2012-07')
    choose('editor-education', '硕士研究生')
    type('editor-mobile', '13900000002')
    fireEvent.click(document.getElementById('editor-save')!)
    expect((await screen.findByText('请选择居住社区', { selector: '#editor-error' })).id).toBe('editor-error')
    expect(callsTo(mockedCall, 'roster', 'save')).toEqual([])

    pick(2)
    expect(document.getElementById('editor-community-text')!.textContent).toBe('古荡街道 · 古荡社区')
    await act(async () => {
      fireEvent.click(document.getElementById('editor-save')!)
    })
    expect(callsTo(mockedCall, 'roster', 'save')).toEqual([
      {
        action: 'save',
        unitId: 'u1',
        fields: { name: '赵六', gender: '女', birthMonth: '1990-03', joinPartyMonth: '2012-07', education: '硕士研究生', specialty: '', officePhone: '', mobile: '13900000002', communityId: 'c-gudang', jobTitle: '' },
      },
    ])
    expect(await screen.findByText('党员信息已保存')).toBeTruthy()
  })

  it('edits from the full record: every field prefilled, saved unchanged without retyping', async () => {
    routeCalls(mockedCall, bootstrapFor('王五', 'secretary'), {
      'roster.list': () => ok({ rows: [{ ...row, mobile: '138****5678' }], total: 1, page: 1, pageSize: 20 }),
      'roster.communities': () => ok(choices),
      'roster.get': () => ok(record),
      'roster.save': () => ok(row),
    })
    render(<RosterPage />)
    await screen.findByText('张三')
    await act(async () => {
      fireEvent.click(document.querySelector('#roster-row-m1 .roster-edit')!)
    })
    await screen.findByText('北山街道 · 西溪社区', { selector: '#editor-community-text' })
    expect(screen.getByText('修改党员信息：张三')).toBeTruthy()
    expect(callsTo(mockedCall, 'roster', 'get')).toEqual([{ action: 'get', unitId: 'u1', memberId: 'm1' }])
    expect(value('editor-name')).toBe('张三')
    expect(value('editor-birthMonth')).toBe('1985-07')
    expect(value('editor-joinPartyMonth')).toBe('2008-06')
    expect(value('editor-specialty')).toBe('书法')
    expect(value('editor-officePhone')).toBe('0571-87654321')
    expect(value('editor-mobile')).toBe('13812345678')
    expect(value('editor-jobTitle')).toBe('科长')
    expect(value('editor-joinedUnitAt')).toBe('2025-07-01') // China's date
    expect(document.querySelector('#editor-gender .chip--selected')!.textContent).toBe('男')
    expect(document.querySelector('#editor-education .chip--selected')!.textContent).toBe('大学本科')
    expect(document.getElementById('editor-community-text')!.textContent).toBe('北山街道 · 西溪社区')

    await act(async () => {
      fireEvent.click(document.getElementById('editor-save')!)
    })
    const { memberId, communityName: _name, joinedUnitAt: _joined, branchName: _branch, ...fields } = record
    // The join date was not touched, so it is not sent (and not rewritten).
    expect(callsTo(mockedCall, 'roster', 'save')).toEqual([{ action: 'save', unitId: 'u1', memberId, fields }])
  })

  it('keeps a residence outside the district on the list, and sends a changed join date', async () => {
    routeCalls(mockedCall, bootstrapFor('王五', 'secretary'), {
      'roster.list': () => ok({ rows: [row], total: 1, page: 1, pageSize: 20 }),
      'roster.communities': () => ok(choices),
      'roster.get': () => ok({ ...record, communityId: 'c-far', communityName: '远方社区' }),
      'roster.save': () => ok(row),
    })
    render(<RosterPage />)
    await screen.findByText('张三')
    fireEvent.click(document.querySelector('#roster-row-m1 .roster-edit')!)
    expect((await screen.findByText('远方社区', { selector: 'option' })).textContent).toBe('远方社区')
    expect(document.getElementById('editor-community-text')!.textContent).toBe('远方社区')
    expect(pickerOptions()).toEqual(['远方社区', '北山街道 · 曙光社区', '北山街道 · 西溪社区', '古荡街道 · 古荡社区'])
    type('editor-joinedUnitAt', '2025-08-01')
    await act(async () => {
      fireEvent.click(document.getElementById('editor-save')!)
    })
    expect(callsTo(mockedCall, 'roster', 'save')[0]).toMatchObject({ memberId: 'm1', fields: { communityId: 'c-far' }, joinedUnitAt: '2025-08-01' })
  })

  it('says why the form cannot open when the record cannot be read', async () => {
    routeCalls(mockedCall, bootstrapFor('王五', 'secretary'), {
      'roster.list': () => ok({ rows: [row], total: 1, page: 1, pageSize: 20 }),
      'roster.communities': () => ok(choices),
      'roster.get': () => fail('FORBIDDEN', '您没有权限进行此操作'),
    })
    render(<RosterPage />)
    await screen.findByText('张三')
    fireEvent.click(document.querySelector('#roster-row-m1 .roster-edit')!)
    expect(await screen.findByText('您没有权限进行此操作')).toBeTruthy()
    expect(document.getElementById('editor-load-error')).not.toBeNull()
    expect(document.getElementById('editor-save')).toBeNull()
    fireEvent.click(document.getElementById('editor-cancel')!)
    expect(await screen.findByText('张三')).toBeTruthy()
  })
})
