import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { inChina } from '../../src/domain/china-time'
import type { CorrectionView, UnitMemberRow } from '../../src/domain/contracts/corrections.contract'
import type { CardView } from '../../src/domain/contracts/card.contract'
import { callFunction } from '../../src/services/call-function'
import { uploadFile } from '../../src/services/upload-file'
import UnitCorrectionsPage from '../../src/packages/unit/corrections/index'
import StaffCorrectionsPage from '../../src/packages/staff/corrections/index'
import CardPage from '../../src/packages/member/card/index'
import { bootstrapFor } from './support/session-fixtures'
import { callsTo, fail, freshPage, mockedGateway, ok, routeCalls } from './support/call-mock'
import { setRouterParams } from './support/taro'
import { type, tap } from './support/dom'

// 数据核对 pages: the unit finds a member, sees the missing photos and
// pledges, raises a request and sees the answer; the staff open a request,
// see what is held, and resolve it (a decline needs its reason, checked
// before any call); the member's card page shows the photo and the pledge.

jest.mock('../../src/services/call-function', () => ({ callFunction: jest.fn() }))
jest.mock('../../src/services/upload-file', () => ({ uploadFile: jest.fn() }))
const mockedCall = mockedGateway(callFunction)
const mockedUpload = uploadFile as jest.MockedFunction<typeof uploadFile>

beforeEach(() => freshPage(mockedCall))

const request: CorrectionView = {
  correctionId: 'cr-1',
  memberId: 'm1',
  memberName: '张伟',
  unitId: 'u1',
  unitName: '区卫健局',
  communityId: 'c1',
  communityName: '西溪社区',
  field: 'claims',
  activityId: null,
  activityTitle: null,
  text: '认领的是理发，不是水电维修',
  status: 'open',
  answer: null,
  raisedByName: '王五',
  raisedAt: '2026-12-01T02:00:00.000Z',
  resolvedByName: null,
  resolvedAt: null,
}
const counts = { open: 1, fixed: 0, declined: 0 }
const page = <T,>(rows: T[]) => ({ rows, total: rows.length, page: 1, pageSize: 20 })

describe('数据核对 (unit)', () => {
  const members: UnitMemberRow[] = [
    { memberId: 'm1', name: '张伟', reportedCommunityName: '西溪社区', hasPhoto: true, photoUrl: 'http://files/p1.jpg', pledge: '每月义务理发一次' },
    { memberId: 'm2', name: '赵磊', reportedCommunityName: null, hasPhoto: false, photoUrl: '', pledge: null },
  ]

  it('finds members by name, filters those without a photo, raises a request and lists it', async () => {
    const raised: CorrectionView[] = []
    routeCalls(mockedCall, bootstrapFor('王五', 'secretary'), {
      'corrections.unitMembers': (data) => ok({ ...page(data.missingPhoto ? members.filter((m) => !m.hasPhoto) : members), members: 2, missingPhoto: 1 }),
      'corrections.unitList': () => ok({ ...page(raised), counts: { open: raised.length, fixed: 0, declined: 0 } }),
      'corrections.raise': () => {
        raised.push(request)
        return ok(request)
      },
    })
    render(<UnitCorrectionsPage />)
    expect(await screen.findByText('共 2 人，缺照片 1 人')).toBeTruthy()
    expect(screen.getByText(`${inChina(new Date()).year()}年承诺：每月义务理发一次`)).toBeTruthy()
    await tap('unit-members-missing-photo')
    expect(callsTo(mockedCall, 'corrections', 'unitMembers').at(-1)).toMatchObject({ unitId: 'u1', missingPhoto: true, page: 1 })
    await tap('unit-members-missing-photo')
    type('unit-members-search', '张')
    await tap('unit-members-find')
    expect(callsTo(mockedCall, 'corrections', 'unitMembers').at(-1)).toMatchObject({ q: '张', missingPhoto: false })

    // Only a reported member can be checked.
    expect(document.querySelector('#unit-member-m2 .unit-member__raise')).toBeNull()
    await act(async () => {
      fireEvent.click(document.querySelector('#unit-member-m1 .unit-member__raise')!)
    })
    fireEvent.click(screen.getByText('认领服务项目'))
    type('correction-text', '认领的是理发，不是水电维修')
    await tap('correction-submit')
    expect(callsTo(mockedCall, 'corrections', 'raise')).toEqual([{ action: 'raise', memberId: 'm1', field: 'claims', text: '认领的是理发，不是水电维修' }])
    expect(await screen.findByText('待处理 1，已更正 0，不予更正 0')).toBeTruthy()
    expect(document.querySelector('#correction-cr-1.correction-row--open')).toBeTruthy()
  })

  it('refuses an empty request before calling, and shows the community’s answer', async () => {
    const answered = { ...request, status: 'declined' as const, answer: '签到表上没有记录', resolvedByName: '李娜', resolvedAt: '2026-12-02T02:00:00.000Z' }
    routeCalls(mockedCall, bootstrapFor('王五', 'secretary'), {
      'corrections.unitMembers': () => ok({ ...page(members), members: 2, missingPhoto: 1 }),
      'corrections.unitList': () => ok({ ...page([answered]), counts: { open: 0, fixed: 0, declined: 1 } }),
    })
    render(<UnitCorrectionsPage />)
    expect(await screen.findByText(/社区答复：签到表上没有记录/)).toBeTruthy()
    await act(async () => {
      fireEvent.click(document.querySelector('#unit-member-m1 .unit-member__raise')!)
    })
    await tap('correction-submit')
    expect(document.getElementById('correction-error')!.textContent).toContain('请填写核对意见')
    expect(callsTo(mockedCall, 'corrections', 'raise')).toEqual([])
  })

  it('sets a member’s photo from the row', async () => {
    routeCalls(mockedCall, bootstrapFor('王五', 'secretary'), {
      'corrections.unitMembers': () => ok({ ...page(members), members: 2, missingPhoto: 1 }),
      'corrections.unitList': () => ok({ ...page([]), counts: { open: 0, fixed: 0, declined: 0 } }),
      'roster.photoSet': (data) => ok({ memberId: data.memberId, fileID: data.fileID, url: 'http://files/new.jpg' }),
    })
    mockedUpload.mockResolvedValue(ok({ fileID: 'cloud://env/uploads/image/u/zhao.jpg' }))
    render(<UnitCorrectionsPage />)
    await screen.findByText('共 2 人，缺照片 1 人')
    const input = document.getElementById('unit-member-photo-m2-input') as HTMLInputElement
    await act(async () => {
      fireEvent.change(input, { target: { files: [new File([new Uint8Array([0xff, 0xd8, 0xff])], 'zhao.jpg', { type: 'image/jpeg' })] } })
    })
    await screen.findByText('共 2 人，缺照片 1 人')
    expect(callsTo(mockedCall, 'roster', 'photoSet')).toEqual([{ action: 'photoSet', unitId: 'u1', memberId: 'm2', fileID: 'cloud://env/uploads/image/u/zhao.jpg' }])
  })
})

describe('核对请求 (staff)', () => {
  it('opens a request with what is held, links to the page that fixes it, and resolves it', async () => {
    let current = request
    routeCalls(mockedCall, bootstrapFor('李娜', 'staff'), {
      'corrections.list': () => ok({ ...page([current]), counts }),
      'corrections.get': () => ok({ correction: current, held: { lines: ['便民服务·水电维修', '结对帮扶·助老'], photoUrl: '' } }),
      'corrections.resolve': (data) => {
        current = { ...current, status: data.outcome as 'declined', answer: data.answer as string, resolvedByName: '李娜', resolvedAt: '2026-12-04T02:00:00.000Z' }
        return ok(current)
      },
    })
    setRouterParams({ id: 'cr-1' })
    render(<StaffCorrectionsPage />)
    expect(await screen.findByText('便民服务·水电维修')).toBeTruthy()
    expect(screen.getByText('待处理 1，已更正 0，不予更正 0')).toBeTruthy()
    await tap('correction-fix')
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/member/registration/index?memberId=m1' })

    fireEvent.click(screen.getByText('不予更正'))
    await tap('correction-resolve')
    expect(document.getElementById('correction-resolve-error')!.textContent).toContain('不予更正时请说明原因')
    expect(callsTo(mockedCall, 'corrections', 'resolve')).toEqual([])

    type('correction-answer', '登记表上是水电维修，本人签字确认')
    await tap('correction-resolve')
    expect(callsTo(mockedCall, 'corrections', 'resolve')).toEqual([{ action: 'resolve', correctionId: 'cr-1', outcome: 'declined', answer: '登记表上是水电维修，本人签字确认' }])
    expect(await screen.findAllByText(/社区答复：登记表上是水电维修/)).toHaveLength(2)
    expect(document.getElementById('correction-resolve')).toBeNull()
  })

  it('shows the server’s refusal', async () => {
    routeCalls(mockedCall, bootstrapFor('李娜', 'staff'), {
      'corrections.list': () => ok({ ...page([request]), counts }),
      'corrections.get': () => ok({ correction: request, held: { lines: [], photoUrl: '' } }),
      'corrections.resolve': () => fail('CORRECTION_RESOLVED', '该核对请求已处理，不能再次处理'),
    })
    render(<StaffCorrectionsPage />)
    await screen.findByText('待处理 1，已更正 0，不予更正 0')
    await act(async () => {
      fireEvent.click(document.getElementById('correction-cr-1')!)
    })
    await screen.findByText('社区现登记的信息')
    await tap('correction-resolve')
    expect(await screen.findByText('该核对请求已处理，不能再次处理')).toBeTruthy()
  })
})

describe('the card page', () => {
  const card: CardView = { cardNo: '330106-2026-000001-7', memberId: 'm1', name: '张伟', unitName: '区卫健局', communityName: '西溪社区', status: 'active', token: 'tok', qrDataUrl: null, issuedAt: '2026-01-01T00:00:00.000Z' }

  it('shows the photo and saves the year’s pledge', async () => {
    routeCalls(mockedCall, bootstrapFor('张伟', 'member'), {
      'card.mine': () => ok(card),
      'card.profile': (data) => ok({ year: data.year, yearClosed: false, photo: { memberId: 'm1', fileID: 'f1', url: 'http://files/p1.jpg' }, pledge: null }),
      'card.pledgeSave': (data) => ok({ year: data.year, text: data.text, updatedAt: '2026-12-04T02:00:00.000Z' }),
    })
    render(<CardPage />)
    const year = inChina(new Date()).year()
    await screen.findByText(`${year}年一句话承诺`)
    expect(document.getElementById('card-photo')).toBeTruthy()
    type('card-pledge-input', '理'.repeat(41))
    await tap('card-pledge-save')
    expect(document.getElementById('card-pledge-error')!.textContent).toContain('不能超过40个字')
    type('card-pledge-input', '每月为社区老人义务理发一次')
    await tap('card-pledge-save')
    expect(callsTo(mockedCall, 'card', 'pledgeSave')).toEqual([{ action: 'pledgeSave', year, text: '每月为社区老人义务理发一次' }])
    expect(document.getElementById('card-pledge')!.textContent).toBe('每月为社区老人义务理发一次')
  })

  it('says a closed year’s pledge can no longer change, and that there is no photo yet', async () => {
    routeCalls(mockedCall, bootstrapFor('张伟', 'member'), {
      'card.mine': () => ok(card),
      'card.profile': (data) => ok({ year: data.year, yearClosed: true, photo: null, pledge: { year: data.year, text: '结对帮扶一户', updatedAt: '2026-01-01T00:00:00.000Z' } }),
    })
    render(<CardPage />)
    expect(await screen.findByText('该年度已关账，承诺不能再修改')).toBeTruthy()
    expect(document.getElementById('card-photo-none')).toBeTruthy()
    expect(document.getElementById('card-pledge-input')).toBeNull()
  })
})
