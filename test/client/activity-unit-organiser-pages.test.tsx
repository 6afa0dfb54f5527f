import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { PairingView } from '../../src/domain/contracts/pairing.contract'
import type { PostView } from '../../src/domain/contracts/posts.contract'
import { callFunction } from '../../src/services/call-function'
import ActivitiesPage from '../../src/packages/staff/activities/index'
import ActivityAttendancePage from '../../src/packages/staff/activity-attendance/index'
import ActivityDetailPage from '../../src/packages/staff/activity/index'
import ActivityEditPage from '../../src/packages/staff/activity-edit/index'
import { activityView } from './support/activity-fixtures'
import { bootstrapFor } from './support/session-fixtures'
import { callsTo, mockedGateway, ok, routeCalls, freshPage } from './support/call-mock'
import { setRouterParams } from './support/taro'
import { type } from './support/dom'

// The organiser pages for a unit's secretary or liaison (issue 9 §2): their
// unit's activities, drafts too; a new one in a community the unit is paired
// with, from that community's catalog. And the paired community's staff, who
// read a unit's activity held there but are offered none of its controls.

jest.mock('../../src/services/call-function', () => ({ callFunction: jest.fn() }))
const mockedCall = mockedGateway(callFunction)

// The fixtures' secretary: unit u1 (区卫健局机关党委); staff: 西溪社区 c1.
const SECRETARY = bootstrapFor('王书记', 'secretary')
const STAFF = bootstrapFor('李四', 'staff')

const pairing = (communityId: string, communityName: string): PairingView => ({
  pairingId: `p-${communityId}`,
  unitId: 'u1',
  unitName: '区卫健局',
  partyOrgName: '区卫健局机关党委',
  branchId: null,
  branchName: null,
  communityId,
  communityName,
  streetName: '北山街道',
  status: 'active',
  startedAt: '2026-01-10T02:00:00.000Z',
  endedAt: null,
  endReason: null,
  note: '',
})
const post = (postId: string, name: string): PostView => ({ postId, category: 'convenience', categoryName: '便民服务项目', kind: 'community', name, description: '', active: true, claimCount: 0 })

const UNIT_ACTIVITY = activityView({ organiserKind: 'unit', unitId: 'u1', unitName: '区卫健局', title: '结对共建：义诊' })
const UNIT_DRAFT = activityView({ ...UNIT_ACTIVITY, activityId: 'act-2', status: 'draft', title: '结对共建：清扫' })

const click = async (id: string) => {
  await act(async () => {
    fireEvent.click(document.getElementById(id)!)
  })
}

beforeEach(() => {
  freshPage(mockedCall)
})

describe('the unit’s secretary', () => {
  it('lists the unit’s activities, drafts too, by unit', async () => {
    routeCalls(mockedCall, SECRETARY, { 'activity.list': () => ok({ rows: [UNIT_ACTIVITY, UNIT_DRAFT], total: 2, page: 1, pageSize: 20 }) })
    render(<ActivitiesPage />)
    await screen.findByText('结对共建：清扫')
    expect(screen.getByText('组织活动 · 区卫健局机关党委')).toBeTruthy()
    expect(callsTo(mockedCall, 'activity', 'list')).toEqual([{ action: 'list', unitId: 'u1', when: 'upcoming', page: 1, pageSize: 20 }])
    // The unit runs its own: no "read only" line.
    expect(document.body.textContent).not.toContain('可查看报名与签到')
    fireEvent.click(document.getElementById('activity-new')!)
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/staff/activity-edit/index' })
  })

  it('creates a draft in the paired community picked, from that community’s catalog, for the unit', async () => {
    routeCalls(mockedCall, SECRETARY, {
      'pairing.list': () => ok([pairing('c1', '西溪社区'), pairing('c2', '古荡社区')]),
      'posts.list': (data) => ok(data.communityId === 'c2' ? [post('p-c2-clinic', '义诊')] : [post('p-c1-water', '水电维修')]),
      'activity.create': (data) => ok({ ...UNIT_DRAFT, activityId: 'act-new', communityId: String(data.communityId) }),
    })
    render(<ActivityEditPage />)
    await screen.findByText('请选择结对社区')
    // No form until a community is picked: the catalog and the place are that community's.
    expect(document.getElementById('activity-form')).toBeNull()
    await act(async () => {
      fireEvent.change(document.querySelector('#paired-community select')!, { target: { value: '1' } })
    })
    await screen.findByText('便民服务项目 · 义诊', { selector: 'option' })
    expect(callsTo(mockedCall, 'posts', 'list')).toEqual([{ action: 'list', communityId: 'c2' }])
    type('activity-title', '结对共建：义诊')
    type('activity-place', '古荡社区卫生站')
    type('activity-startAt', '2026-05-10 09:00')
    type('activity-endAt', '2026-05-10 11:00')
    fireEvent.change(document.querySelector('#activity-post select')!, { target: { value: '1' } })
    await click('activity-save')
    expect(callsTo(mockedCall, 'activity', 'create')).toEqual([
      expect.objectContaining({ action: 'create', unitId: 'u1', communityId: 'c2', postId: 'p-c2-clinic', title: '结对共建：义诊' }),
    ])
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/staff/activity/index?activityId=act-new' })
  })

  it('runs the unit’s published activity: codes, attendance, edit, end, cancel', async () => {
    setRouterParams({ activityId: 'act-1' })
    routeCalls(mockedCall, SECRETARY, { 'activity.get': () => ok(UNIT_ACTIVITY) })
    render(<ActivityDetailPage />)
    await screen.findByText('显示签到码')
    for (const id of ['activity-qr-in', 'activity-qr-out', 'activity-attendance', 'activity-edit', 'activity-end', 'activity-cancel']) expect([id, document.getElementById(id) !== null]).toEqual([id, true])
    expect(document.getElementById('activity-organiser')?.textContent).toContain('区卫健局组织 · 在西溪社区')
    expect(document.getElementById('activity-read-only')).toBeNull()
  })
})

describe('the paired community’s staff', () => {
  const SHEET = {
    activityId: 'act-1',
    signedUp: [{ memberId: 'm-1', memberName: '张三', unitName: '区卫健局', at: '2026-05-08T02:00:00.000Z' }],
    waitlist: [],
    attended: [],
  }

  it('see a unit’s activity with its organiser, marked read only, with only the attendance to open', async () => {
    setRouterParams({ activityId: 'act-1' })
    routeCalls(mockedCall, STAFF, { 'activity.get': () => ok(UNIT_ACTIVITY) })
    render(<ActivityDetailPage />)
    await screen.findByText('报名与签到情况')
    expect(document.getElementById('activity-read-only')?.textContent).toContain('社区可查看报名与签到情况')
    for (const id of ['activity-qr-in', 'activity-qr-out', 'activity-publish', 'activity-edit', 'activity-end', 'activity-cancel']) expect([id, document.getElementById(id)]).toEqual([id, null])
  })

  it('read its sign-ups and attendance, with no card scanner, no record by hand', async () => {
    setRouterParams({ activityId: 'act-1' })
    routeCalls(mockedCall, STAFF, { 'activity.get': () => ok(UNIT_ACTIVITY), 'activity.attendance': () => ok(SHEET) })
    render(<ActivityAttendancePage />)
    await screen.findByText('已报名（1）')
    expect(screen.queryByText('扫联系证签到')).toBeNull()
    expect(document.querySelector('#signup-row-m-1 .signup-add')).toBeNull()
  })

  it('list their community’s activities, a unit’s marked as one to read', async () => {
    routeCalls(mockedCall, STAFF, { 'activity.list': () => ok({ rows: [UNIT_ACTIVITY], total: 1, page: 1, pageSize: 20 }) })
    render(<ActivitiesPage />)
    await screen.findByText('结对共建：义诊')
    expect(callsTo(mockedCall, 'activity', 'list')).toEqual([{ action: 'list', communityId: 'c1', when: 'upcoming', page: 1, pageSize: 20 }])
    expect(screen.getByText('区卫健局组织 · 在西溪社区 · 可查看报名与签到')).toBeTruthy()
  })
})

describe('the volunteer centre', () => {
  const CENTRE = bootstrapFor('周主任', 'volunteerCentre')
  const CENTRE_DRAFT = activityView({ activityId: 'act-v', organiserKind: 'volunteerCentre', status: 'draft', title: '健康义诊', postId: 'p-health', postName: '健康服务' })

  it('lists its own activities', async () => {
    routeCalls(mockedCall, CENTRE, { 'activity.list': () => ok({ rows: [CENTRE_DRAFT], total: 1, page: 1, pageSize: 20 }) })
    render(<ActivitiesPage />)
    await screen.findByText('健康义诊')
    expect(callsTo(mockedCall, 'activity', 'list')).toEqual([{ action: 'list', when: 'upcoming', page: 1, pageSize: 20 }])
    expect(document.body.textContent).not.toContain('可查看报名与签到')
  })

  it('creates a draft for one 志愿专业服务 item in a community of its district, picking no post', async () => {
    routeCalls(mockedCall, CENTRE, {
      'roster.communities': () => ok([
        { communityId: 'c1', name: '西溪社区', streetName: '北山街道' },
        { communityId: 'c2', name: '古荡社区', streetName: '西溪街道' },
      ]),
      'activity.createVolunteer': (data) => ok({ ...CENTRE_DRAFT, communityId: String(data.communityId) }),
    })
    render(<ActivityEditPage />)
    await screen.findByText('请选择活动社区')
    expect(document.getElementById('activity-form')).toBeNull()
    fireEvent.change(document.querySelector('#centre-item select')!, { target: { value: '1' } })
    fireEvent.change(document.querySelector('#centre-community select')!, { target: { value: '1' } })
    await screen.findByText('新建活动')
    expect(document.getElementById('activity-post-text')?.textContent).toBe('志愿专业服务 · 心理疏导')
    type('activity-title', '心理疏导讲座')
    type('activity-place', '古荡社区活动室')
    type('activity-startAt', '2026-05-10 09:00')
    type('activity-endAt', '2026-05-10 11:00')
    await click('activity-save')
    const [sent] = callsTo(mockedCall, 'activity', 'createVolunteer')
    expect(sent).toMatchObject({ action: 'createVolunteer', communityId: 'c2', item: '心理疏导', title: '心理疏导讲座' })
    expect(sent).not.toHaveProperty('postId')
    expect(callsTo(mockedCall, 'posts')).toEqual([])
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/staff/activity/index?activityId=act-v' })
  })
})
