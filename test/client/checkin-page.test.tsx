import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { ConfirmResult, ScannedMember } from '../../src/domain/contracts/report.contract'
import { callFunction } from '../../src/services/call-function'
import { resetSession } from '../../src/services/session'
import CheckinPage from '../../src/packages/staff/checkin/index'
import { bootstrapFor } from './support/session-fixtures'
import { callsTo, fail, ok, routeCalls, mockedGateway } from './support/call-mock'

jest.mock('../../src/services/call-function', () => ({ callFunction: jest.fn() }))
const mockedCall = mockedGateway(callFunction)

// The staff fixture's grant: 西溪社区, communityId c1.
const STAFF = bootstrapFor('李四', 'staff')
const REPORTED_AT = '2026-01-08T02:00:00.000Z' // 2026年1月8日 in China

function member(overrides: Partial<ScannedMember> = {}): ScannedMember {
  return {
    memberId: 'm1',
    name: '张三',
    gender: '男',
    unitName: '区卫生健康局',
    mobile: '138****5678',
    residenceCommunityId: 'c1',
    residenceCommunityName: '西溪社区',
    livesHere: true,
    cardNo: '100000017',
    report: null,
    ...overrides,
  }
}

function confirmed(overrides: Partial<ConfirmResult> = {}): ConfirmResult {
  return { reportId: 'r1', alreadyReported: false, reportedAt: REPORTED_AT, communityName: '西溪社区', memberName: '张三', movedFrom: null, ...overrides }
}

async function lookUpCardNo(cardNo: string, proof = '5678') {
  await screen.findByText('输入联系证号')
  fireEvent.change(document.getElementById('checkin-card-no')!, { target: { value: cardNo } })
  fireEvent.change(document.getElementById('checkin-proof')!, { target: { value: proof } })
  // The lookup answers at once; let its state updates land inside act().
  await act(async () => {
    fireEvent.click(document.getElementById('checkin-lookup')!)
  })
}

beforeEach(() => {
  resetSession()
  mockedCall.mockReset()
  jest.clearAllMocks()
  process.env.TARO_ENV = 'weapp'
})

describe('扫码报到', () => {
  it('looks up a typed card number with the member’s proof in the staff member’s community and confirms the report', async () => {
    routeCalls(mockedCall, STAFF, {
      'report.lookup': () => ok(member()),
      'report.confirm': () => ok(confirmed()),
    })
    render(<CheckinPage />)
    await lookUpCardNo('100000017')

    expect((await screen.findByText('张三')).id).toBe('checkin-name')
    expect(document.getElementById('checkin-unreported')).not.toBeNull()
    expect(callsTo(mockedCall, 'report', 'lookup')).toEqual([{ action: 'lookup', communityId: 'c1', card: { cardNo: '100000017', proof: '5678' } }])

    fireEvent.click(document.getElementById('checkin-confirm')!)
    expect((await screen.findByText('报到成功')).id).toBe('checkin-result-title')
    expect(screen.getByText('张三于2026年1月8日向西溪社区报到。')).toBeTruthy()
    expect(callsTo(mockedCall, 'report', 'confirm')).toEqual([{ action: 'confirm', communityId: 'c1', card: { cardNo: '100000017', proof: '5678' }, recordMove: false }])

    fireEvent.click(document.getElementById('checkin-registration')!)
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/member/registration/index?memberId=m1' })
  })

  it('shows 已报到 with the date when the card is scanned a second time', async () => {
    const report = { reportId: 'r1', communityId: 'c1', communityName: '西溪社区', reportedAt: REPORTED_AT }
    routeCalls(mockedCall, STAFF, { 'report.lookup': () => ok(member({ report })) })
    render(<CheckinPage />)
    await lookUpCardNo('100000017')

    expect((await screen.findByText('已报到 2026年1月8日')).id).toBe('checkin-reported')
    expect(document.getElementById('checkin-status')!.textContent).toBe('已报到：西溪社区，2026年1月8日')
    // Nothing to record again: no confirm, straight to the registration and the receipt.
    expect(document.getElementById('checkin-confirm')).toBeNull()
    expect(document.getElementById('checkin-registration')).not.toBeNull()
    fireEvent.click(document.getElementById('checkin-receipt')!)
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/unit/receipt/index?reportId=r1' })
  })

  it('says 已报到 when a confirm finds the report already recorded', async () => {
    routeCalls(mockedCall, STAFF, {
      'report.lookup': () => ok(member()),
      'report.confirm': () => ok(confirmed({ alreadyReported: true })),
    })
    render(<CheckinPage />)
    await lookUpCardNo('100000017')
    fireEvent.click(await screen.findByText('确认报到'))
    expect((await screen.findByText('已报到')).id).toBe('checkin-result-title')
    expect(screen.getByText('张三已于2026年1月8日向西溪社区报到，本次未重复登记。')).toBeTruthy()
  })

  it('offers to record a move for a member who lives in another community', async () => {
    routeCalls(mockedCall, STAFF, {
      'report.lookup': () => ok(member({ livesHere: false, residenceCommunityId: 'c2', residenceCommunityName: '古荡社区' })),
      'report.confirm': () => ok(confirmed({ movedFrom: '古荡社区' })),
    })
    render(<CheckinPage />)
    await lookUpCardNo('100000017')

    expect((await screen.findByText(/登记的居住社区为“古荡社区”，不是本社区/)).id).toBe('checkin-elsewhere')
    expect(document.getElementById('checkin-residence')!.textContent).toBe('古荡社区（非本社区）')
    expect(document.getElementById('checkin-confirm')).toBeNull()

    fireEvent.click(document.getElementById('checkin-move')!)
    expect(await screen.findByText('报到成功')).toBeTruthy()
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '登记迁入本社区' }))
    expect(callsTo(mockedCall, 'report', 'confirm')).toEqual([{ action: 'confirm', communityId: 'c1', card: { cardNo: '100000017', proof: '5678' }, recordMove: true }])
    expect(screen.getByText('已从“古荡社区”迁入本社区，原社区保留报到记录。')).toBeTruthy()
  })

  it('does not record a move the staff member cancels', async () => {
    ;(Taro.showModal as jest.Mock).mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'ok' })
    routeCalls(mockedCall, STAFF, { 'report.lookup': () => ok(member({ livesHere: false, residenceCommunityName: '古荡社区' })) })
    render(<CheckinPage />)
    await lookUpCardNo('100000017')
    fireEvent.click(await screen.findByText('登记迁入本社区'))
    await screen.findByText('张三')
    expect(callsTo(mockedCall, 'report', 'confirm')).toHaveLength(0)
  })

  it('checks the card number with the contract before asking, and shows the server’s message', async () => {
    routeCalls(mockedCall, STAFF, { 'report.lookup': () => fail('CARD_REVOKED', '该联系证已作废，请使用新发放的联系证') })
    render(<CheckinPage />)
    await lookUpCardNo('12ab')
    expect((await screen.findByText('联系证号应为6到12位数字')).id).toBe('checkin-error')
    expect(callsTo(mockedCall, 'report', 'lookup')).toHaveLength(0)

    await lookUpCardNo('100000017')
    expect(await screen.findByText('该联系证已作废，请使用新发放的联系证')).toBeTruthy()
  })

  it('asks for the member’s mobile tail or surname with a typed number, and shows nothing without it', async () => {
    routeCalls(mockedCall, STAFF, {
      'report.lookup': () => fail('CARD_PROOF_MISMATCH', '联系证号与党员姓氏或手机号后4位不符，请核对后重新输入'),
    })
    render(<CheckinPage />)
    await lookUpCardNo('100000017', '')
    expect((await screen.findByText('请填写党员的姓氏或手机号后4位')).id).toBe('checkin-error')
    expect(callsTo(mockedCall, 'report', 'lookup')).toHaveLength(0)

    await lookUpCardNo('100000017', '1234')
    expect(await screen.findByText('联系证号与党员姓氏或手机号后4位不符，请核对后重新输入')).toBeTruthy()
    expect(document.getElementById('checkin-member')).toBeNull()
    expect(callsTo(mockedCall, 'report', 'lookup')).toEqual([{ action: 'lookup', communityId: 'c1', card: { cardNo: '100000017', proof: '1234' } }])
  })

  it('on h5 explains plainly when there is no camera, and offers the album and the card number', async () => {
    routeCalls(mockedCall, STAFF, {})
    render(<CheckinPage />)
    await screen.findByText('输入联系证号')
    expect(document.getElementById('checkin-image-input')?.getAttribute('type')).toBe('file')
    fireEvent.click(document.getElementById('checkin-camera-start')!)
    expect((await screen.findByText(/当前浏览器无法使用摄像头/)).id).toBe('checkin-camera-message')
  })
})
