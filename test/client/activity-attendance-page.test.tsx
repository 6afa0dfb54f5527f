import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { AttendanceRow } from '../../src/domain/contracts/activity.contract'
import { callFunction } from '../../src/services/call-function'
import { resetSession } from '../../src/services/session'
import ActivityAttendancePage from '../../src/packages/staff/activity-attendance/index'
import ActivityDetailPage from '../../src/packages/staff/activity/index'
import { activityView } from './support/activity-fixtures'
import { bootstrapFor } from './support/session-fixtures'
import { callsTo, ok, routeCalls, mockedGateway } from './support/call-mock'
import { setRouterParams } from './support/taro'
import { type } from './support/dom'

jest.mock('../../src/services/call-function', () => ({ callFunction: jest.fn() }))
const mockedCall = mockedGateway(callFunction)

const STAFF = bootstrapFor('李四', 'staff')

const ACTIVITY = activityView({ signupRequired: true, capacity: 2, signedUp: 2, waitlisted: 2, location: { lat: 30.27, lng: 120.15, radius: 200 } })

function row(overrides: Partial<AttendanceRow>): AttendanceRow {
  return {
    memberId: 'm-1',
    memberName: '张三',
    unitName: '区卫健局',
    inAt: '2026-05-10T01:05:00.000Z',
    inMethod: 'code',
    outAt: null,
    outMethod: null,
    minutes: null,
    reason: null,
    distance: null,
    accuracy: null,
    flagged: false,
    corrections: [],
    ...overrides,
  }
}

const signup = (memberId: string, memberName: string, at: string) => ({ memberId, memberName, unitName: '区卫健局', at })

const SHEET = {
  activityId: 'act-1',
  signedUp: [signup('m-1', '张三', '2026-05-08T02:00:00.000Z'), signup('m-2', '李梅', '2026-05-08T03:00:00.000Z')],
  waitlist: [signup('m-3', '王五', '2026-05-08T04:00:00.000Z'), signup('m-4', '赵六', '2026-05-08T05:00:00.000Z')],
  attended: [
    row({
      memberId: 'm-1',
      outAt: '2026-05-10T03:00:00.000Z',
      outMethod: 'scheduledEnd',
      minutes: 115,
      distance: 850,
      accuracy: 30,
      flagged: true,
      corrections: [{ inAt: '2026-05-10T01:30:00.000Z', outAt: null, correctedAt: '2026-05-10T04:00:00.000Z', correction: '到场时间登记有误' }],
    }),
    row({ memberId: 'm-5', memberName: '钱七', inMethod: 'card' }),
  ],
}

const text = (id: string) => document.getElementById(id)?.textContent ?? ''
const click = async (element: Element) => {
  await act(async () => {
    fireEvent.click(element)
  })
}

beforeEach(() => {
  resetSession()
  mockedCall.mockReset()
  jest.clearAllMocks()
  setRouterParams({ activityId: 'act-1' })
})

describe('报名与签到', () => {
  it('shows sign-ups, the waitlist in order, and each record with its method, hours, distance flag and corrections', async () => {
    routeCalls(mockedCall, STAFF, { 'activity.get': () => ok(ACTIVITY), 'activity.attendance': () => ok(SHEET) })
    render(<ActivityAttendancePage />)
    await screen.findByText('签到记录（2）')
    expect(text('attendance-totals')).toBe('已签到 2 人 · 服务时长共计 1小时55分')
    const first = document.getElementById('attendance-row-m-1')!
    expect(first.querySelector('.attendance-row__in')?.textContent).toBe('签到：2026年5月10日 09:05（扫码）')
    expect(first.querySelector('.attendance-row__out')?.textContent).toBe('签退：2026年5月10日 11:00（按结束时间）')
    expect(first.querySelector('.attendance-row__minutes')?.textContent).toBe('服务时长：1小时55分')
    expect(first.querySelector('.attendance-row__flag')?.textContent).toBe('超出范围')
    expect(first.querySelector('.attendance-row__distance')?.textContent).toBe('距活动地点约 850 米（定位精度约 30 米）')
    expect(first.querySelector('.attendance-correction')?.textContent).toBe('2026年5月10日 12:00 更正：原签到 2026年5月10日 09:30，原签退 无；原因：到场时间登记有误')
    const second = document.getElementById('attendance-row-m-5')!
    expect(second.querySelector('.attendance-row__in')?.textContent).toBe('签到：2026年5月10日 09:05（扫联系证）')
    expect(second.querySelector('.attendance-row__minutes')?.textContent).toBe('服务时长：活动进行中')
    expect(second.querySelector('.attendance-row__flag')).toBeNull()
    expect([...document.querySelectorAll('.waitlist-row')].map((r) => r.textContent)).toEqual([
      expect.stringMatching(/^第1位王五/),
      expect.stringMatching(/^第2位赵六/),
    ])
    // 张三 has a record; 李梅 can be added by hand.
    expect(document.querySelector('#signup-row-m-1 .signup-add')).toBeNull()
    expect(document.querySelector('#signup-row-m-2 .signup-add')).not.toBeNull()
  })

  it('adds a record by hand with a reason, and corrects one with a reason', async () => {
    routeCalls(mockedCall, STAFF, {
      'activity.get': () => ok(ACTIVITY),
      'activity.attendance': () => ok(SHEET),
      'activity.addRecord': (data) => ok(row({ memberId: String(data.memberId), inMethod: 'manual', reason: String(data.reason) })),
      'activity.correctRecord': () => ok(row({})),
    })
    render(<ActivityAttendancePage />)
    await screen.findByText('签到记录（2）')

    await click(document.querySelector('#signup-row-m-2 .signup-add')!)
    expect((document.getElementById('attendance-add-form-in') as HTMLInputElement).value).toBe('2026-05-10 09:00')
    type('attendance-add-form-out', '11点')
    await click(document.getElementById('attendance-add-form-save')!)
    expect(text('attendance-error')).toBe('签退时间请按“2026-05-10 09:00”的格式填写')
    type('attendance-add-form-out', '2026-05-10 10:30')
    await click(document.getElementById('attendance-add-form-save')!)
    expect(text('attendance-error')).toBe('请填写补录原因')
    expect(callsTo(mockedCall, 'activity', 'addRecord')).toEqual([])
    type('attendance-add-form-reason', '手机没电，现场登记')
    await click(document.getElementById('attendance-add-form-save')!)
    expect(callsTo(mockedCall, 'activity', 'addRecord')).toEqual([
      { action: 'addRecord', activityId: 'act-1', memberId: 'm-2', inAt: '2026-05-10T09:00:00+08:00', outAt: '2026-05-10T10:30:00+08:00', reason: '手机没电，现场登记' },
    ])
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '已补录', icon: 'success' })

    // 张三 signed out at the scheduled end; only the sign-in time is corrected, so only it is sent.
    await click(document.querySelector('#attendance-row-m-1 .attendance-correct')!)
    expect((document.getElementById('attendance-correct-form-out') as HTMLInputElement).value).toBe('2026-05-10 11:00')
    type('attendance-correct-form-reason', '签到时间有误')
    await click(document.getElementById('attendance-correct-form-save')!)
    expect(text('attendance-error')).toBe('签到和签退时间都没有改动')
    type('attendance-correct-form-in', '2026-05-10 09:20')
    await click(document.getElementById('attendance-correct-form-save')!)
    expect(callsTo(mockedCall, 'activity', 'correctRecord')).toEqual([
      { action: 'correctRecord', activityId: 'act-1', memberId: 'm-1', reason: '签到时间有误', inAt: '2026-05-10T09:20:00+08:00' },
    ])
  })
})

describe('活动详情', () => {
  it('asks for the cancellation reason before confirming, then cancels with it', async () => {
    routeCalls(mockedCall, STAFF, {
      'activity.get': () => ok(ACTIVITY),
      'activity.cancel': (data) => ok({ ...ACTIVITY, status: 'cancelled', cancelReason: String(data.reason) }),
    })
    render(<ActivityDetailPage />)
    await screen.findByText('显示签到码')
    fireEvent.click(document.getElementById('activity-qr-in')!)
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/staff/activity-qr/index?activityId=act-1&direction=in' })

    await click(document.getElementById('activity-cancel')!)
    await click(document.getElementById('activity-cancel-confirm')!)
    expect(text('activity-action-error')).toBe('请填写取消原因')
    expect(Taro.showModal).not.toHaveBeenCalled()
    type('activity-cancel-reason', '暴雨')
    await click(document.getElementById('activity-cancel-confirm')!)
    expect(callsTo(mockedCall, 'activity', 'cancel')).toEqual([{ action: 'cancel', activityId: 'act-1', reason: '暴雨' }])
    expect(await screen.findByText('取消原因：暴雨')).toBeTruthy()
    expect(document.getElementById('activity-qr-in')).toBeNull()
    expect(document.getElementById('activity-cancel')).toBeNull()
  })
})
