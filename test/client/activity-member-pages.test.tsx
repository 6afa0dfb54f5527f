import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { ActivityView } from '../../src/domain/contracts/activity.contract'
import { callFunction } from '../../src/services/call-function'
import ActivitiesPage from '../../src/pages/activities/index'
import ActivityPage from '../../src/packages/member/activity/index'
import { activityView } from './support/activity-fixtures'
import { bootstrapFor } from './support/session-fixtures'
import { callsTo, fail, ok, routeCalls, mockedGateway, freshPage } from './support/call-mock'
import { setRouterParams } from './support/taro'

jest.mock('../../src/services/call-function', () => ({ callFunction: jest.fn() }))
const mockedCall = mockedGateway(callFunction)

// The member's 活动 tab and an activity's page (issue 9 §2, §3, §5): the
// year against the rule, the activities open to them with their standing,
// sign-up and its waitlist; residents look but cannot sign up.

const MEMBER = bootstrapFor('张三', 'member')
const RESIDENT = bootstrapFor('王五', 'resident')
const YEAR = { year: 2026, required: 2, community: 1, unit: 2, minutes: 330 }

/** An activity yet to come that takes sign-ups: 10 seats, open until it starts. */
const upcoming = (overrides: Partial<ActivityView> = {}) =>
  activityView({ activityId: 'a1', startAt: '2099-05-10T01:00:00.000Z', endAt: '2099-05-10T03:00:00.000Z', signupClosesAt: '2099-05-10T01:00:00.000Z', signupRequired: true, capacity: 10, ...overrides })
const page = (rows: ActivityView[]) => ok({ rows, total: rows.length, page: 1, pageSize: 20 })

beforeEach(() => {
  freshPage(mockedCall)
})

describe('活动 tab', () => {
  it('shows a member the year against the rule, short ones marked, and their standing on each activity', async () => {
    const rows = [
      upcoming({ activityId: 'a1', title: '义务巡逻', mySignup: 'waitlisted', myWaitlistPosition: 2 }),
      upcoming({ activityId: 'a2', title: '健康义诊', postId: 'p1', postName: '健康服务', claimedPost: true, mySignup: 'signedUp' }),
      upcoming({ activityId: 'a3', title: '垃圾分类宣传', organiserKind: 'unit', communityName: '曙光社区', myAttendance: { inAt: '2099-05-10T01:00:00.000Z', outAt: null, minutes: 90 } }),
    ]
    routeCalls(mockedCall, MEMBER, {
      'activity.myYear': () => ok(YEAR),
      'activity.list': (data) => page(data.when === 'past' ? [upcoming({ activityId: 'old', title: '去年的活动', status: 'ended' })] : rows),
    })
    render(<ActivitiesPage />)

    expect((await screen.findByText('义务巡逻')).closest('#activities-row-a1')?.textContent).toContain('候补第2位')
    const community = document.getElementById('activities-year-community')!
    expect(community.textContent).toBe('1 / 2社区组织')
    expect(community.className).toContain('year-rule--short')
    const unit = document.getElementById('activities-year-unit')!
    expect(unit.textContent).toBe('2 / 2单位组织（结对社区）')
    expect(unit.className).not.toContain('year-rule--short')
    expect(document.getElementById('activities-year-note')?.textContent).toContain('社区组织还差1次')
    expect(document.getElementById('activities-row-a2')?.textContent).toContain('已报名')
    expect(document.getElementById('activities-row-a2')?.textContent).toContain('我认领的岗位：健康服务')
    expect(document.getElementById('activities-row-a3')?.textContent).toContain('已签到 · 1.5小时')
    expect(document.getElementById('activities-row-a3')?.textContent).toContain('曙光社区 · 单位组织')
    expect(document.getElementById('entry-activity-signin')).not.toBeNull()
    expect(callsTo(mockedCall, 'activity', 'list')).toEqual([{ action: 'list', when: 'upcoming', page: 1, pageSize: 20 }])

    fireEvent.click(document.getElementById('activities-when-past')!)
    expect((await screen.findByText('去年的活动')).closest('.activity-row')?.textContent).toContain('已结束')
    expect(callsTo(mockedCall, 'activity', 'list').at(-1)).toEqual({ action: 'list', when: 'past', page: 1, pageSize: 20 })

    fireEvent.click(document.getElementById('activities-row-old')!)
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/member/activity/index?activityId=old' })
  })

  it('says 已达到要求 with the hours once both counts reach the rule', async () => {
    routeCalls(mockedCall, MEMBER, { 'activity.myYear': () => ok({ ...YEAR, community: 3 }), 'activity.list': () => page([]) })
    render(<ActivitiesPage />)
    expect((await screen.findByText('暂无即将开始的活动')).closest('#activities-empty')).not.toBeNull()
    expect((await screen.findByText(/今年的活动次数已达到要求/)).textContent).toContain('累计服务5.5小时')
    expect(document.querySelector('.year-rule--short')).toBeNull()
  })

  it('shows a resident the community’s activities without counts, and says sign-up is for members', async () => {
    routeCalls(mockedCall, RESIDENT, { 'activity.list': () => page([upcoming()]) })
    render(<ActivitiesPage />)
    expect(await screen.findByText('义务巡逻')).toBeTruthy()
    expect(document.getElementById('activities-resident-note')?.textContent).toContain('报名和扫码签到仅限在职党员')
    expect(document.getElementById('activities-year')).toBeNull()
    expect(callsTo(mockedCall, 'activity', 'myYear')).toEqual([])
  })
})

describe('活动详情', () => {
  it('a member signs up, and the page shows the seat taken', async () => {
    let mine: ActivityView = upcoming({ signedUp: 9 })
    routeCalls(mockedCall, MEMBER, {
      'activity.get': () => ok(mine),
      'activity.signUp': () => {
        mine = upcoming({ signedUp: 10, mySignup: 'signedUp' })
        return ok({ status: 'signedUp', position: null })
      },
    })
    setRouterParams({ activityId: 'a1' })
    render(<ActivityPage />)
    expect((await screen.findByText('已报名 9 / 10 人')).id).toBe('member-activity-seats')
    await act(async () => {
      fireEvent.click(document.getElementById('member-activity-signup')!)
    })
    expect((await screen.findByText('已报名 10 / 10 人')).id).toBe('member-activity-seats')
    expect(document.getElementById('member-activity-standing')?.textContent).toBe('已报名')
    expect(document.getElementById('member-activity-cancel-signup')?.textContent).toBe('取消报名')
    expect(callsTo(mockedCall, 'activity', 'signUp')).toEqual([{ action: 'signUp', activityId: 'a1' }])
  })

  it('a full activity offers the waitlist; a waitlisted member sees their place and may leave it', async () => {
    let mine: ActivityView = upcoming({ signedUp: 10, waitlisted: 1 })
    routeCalls(mockedCall, MEMBER, {
      'activity.get': () => ok(mine),
      'activity.signUp': () => {
        mine = upcoming({ signedUp: 10, waitlisted: 2, mySignup: 'waitlisted', myWaitlistPosition: 2 })
        return ok({ status: 'waitlisted', position: 2 })
      },
      'activity.cancelSignUp': () => {
        mine = upcoming({ signedUp: 10, waitlisted: 1 })
        return ok({ status: 'cancelled', position: null })
      },
    })
    setRouterParams({ activityId: 'a1' })
    render(<ActivityPage />)
    expect((await screen.findByText('报名候补')).closest('#member-activity-signup')).not.toBeNull()
    await act(async () => {
      fireEvent.click(document.getElementById('member-activity-signup')!)
    })
    expect((await screen.findByText('候补第2位')).id).toBe('member-activity-standing')
    expect(document.getElementById('member-activity-seats')?.textContent).toBe('已报名 10 / 10 人，候补 2 人')

    await act(async () => {
      fireEvent.click(document.getElementById('member-activity-cancel-signup')!)
    })
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ content: '确定退出候补吗？' }))
    expect(await screen.findByText('报名候补')).toBeTruthy()
    expect(callsTo(mockedCall, 'activity', 'cancelSignUp')).toEqual([{ action: 'cancelSignUp', activityId: 'a1' }])
  })

  it('after the window closes there is no sign-up, only why; the scanner stays for a published activity', async () => {
    routeCalls(mockedCall, MEMBER, { 'activity.get': () => ok(upcoming({ signupClosesAt: '2020-01-01T00:00:00.000Z' })) })
    setRouterParams({ activityId: 'a1' })
    render(<ActivityPage />)
    expect((await screen.findByText('报名已截止')).id).toBe('member-activity-signup-closed')
    expect(document.getElementById('member-activity-signup')).toBeNull()
    fireEvent.click(document.getElementById('member-activity-scan')!)
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/member/signin/index?activityId=a1' })
  })

  it('shows the server’s message when sign-up is refused', async () => {
    routeCalls(mockedCall, MEMBER, { 'activity.get': () => ok(upcoming()), 'activity.signUp': () => fail('SIGNUP_CLOSED', '报名已截止') })
    setRouterParams({ activityId: 'a1' })
    render(<ActivityPage />)
    await screen.findByText('义务巡逻')
    await act(async () => {
      fireEvent.click(document.getElementById('member-activity-signup')!)
    })
    expect((await screen.findByText('报名已截止')).id).toBe('member-activity-error')
  })

  it('a resident sees the activity but no sign-up and no scanner', async () => {
    routeCalls(mockedCall, RESIDENT, { 'activity.get': () => ok(upcoming()) })
    setRouterParams({ activityId: 'a1' })
    render(<ActivityPage />)
    expect(await screen.findByText('义务巡逻')).toBeTruthy()
    expect(document.getElementById('member-activity-resident-note')?.textContent).toContain('报名和扫码签到仅限在职党员')
    expect(document.getElementById('member-activity-signup')).toBeNull()
    expect(document.getElementById('member-activity-scan')).toBeNull()
  })
})
