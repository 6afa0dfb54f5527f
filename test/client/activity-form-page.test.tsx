import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { PostView } from '../../src/domain/contracts/posts.contract'
import { callFunction } from '../../src/services/call-function'
import ActivityEditPage from '../../src/packages/staff/activity-edit/index'
import { activityView } from './support/activity-fixtures'
import { bootstrapFor } from './support/session-fixtures'
import { callsTo, fail, ok, routeCalls, mockedGateway, freshPage } from './support/call-mock'
import { setRouterParams } from './support/taro'

jest.mock('../../src/services/call-function', () => ({ callFunction: jest.fn() }))
const mockedCall = mockedGateway(callFunction)
// The stand-in Taro has no getLocation; the page's "use my current position" calls it.
const getLocation = jest.fn()
Object.assign(Taro, { getLocation })

// The staff fixture's grant: 西溪社区, communityId c1.
const STAFF = bootstrapFor('李四', 'staff')

function post(postId: string, name: string, active = true): PostView {
  return { postId, category: 'convenience', categoryName: '便民服务项目', kind: 'community', name, description: '', active, claimCount: 0 }
}
const POSTS = [post('p-water', '水电维修'), post('p-old', '旧岗位', false), post('p-hair', '理发')]

const PUBLISHED = activityView({
  title: '义务理发',
  postId: 'p-hair',
  postName: '理发',
  description: '为老人理发',
  place: '社区活动室',
  signupRequired: true,
  capacity: 10,
  signedUp: 8,
})

const input = (id: string) => document.getElementById(id) as HTMLInputElement
const type = (id: string, value: string) => fireEvent.change(input(id), { target: { value } })
const errorText = () => document.getElementById('activity-error')?.textContent ?? null

async function save() {
  await act(async () => {
    fireEvent.click(document.getElementById('activity-save')!)
  })
}

async function openNewForm() {
  routeCalls(mockedCall, STAFF, {
    'posts.list': () => ok(POSTS),
    'activity.create': (data) => ok({ ...PUBLISHED, status: 'draft', activityId: 'act-new', title: String(data.title) }),
  })
  render(<ActivityEditPage />)
  await screen.findByText('新建活动')
}

beforeEach(() => {
  freshPage(mockedCall)
})

describe('新建活动', () => {
  it('says in Chinese what is missing or wrong, field by field, and sends nothing', async () => {
    await openNewForm()
    await save()
    expect(errorText()).toBe('请填写活动名称')
    type('activity-title', '义务理发')
    await save()
    expect(errorText()).toBe('请填写活动地点')
    type('activity-place', '社区活动室')
    await save()
    expect(errorText()).toBe('开始时间未填写')
    type('activity-startAt', '5月10日上午9点')
    await save()
    expect(errorText()).toBe('开始时间请按“2026-05-10 09:00”的格式填写')
    type('activity-startAt', '2026-02-30 09:00')
    await save()
    expect(errorText()).toBe('开始时间请按“2026-05-10 09:00”的格式填写')
    type('activity-startAt', '2026-05-10 09:00')
    type('activity-endAt', '2026-05-10 08:30')
    await save()
    expect(errorText()).toBe('结束时间应晚于开始时间')
    type('activity-endAt', '2026-05-10 11:00')
    type('activity-capacity', '-3')
    await save()
    expect(errorText()).toBe('人数上限不能为负数')
    type('activity-capacity', '2.5')
    await save()
    expect(errorText()).toBe('人数上限应为整数')
    type('activity-capacity', '')
    type('activity-signupClosesAt', '明天')
    await save()
    expect(errorText()).toBe('报名截止时间请按“2026-05-10 09:00”的格式填写')
    expect(callsTo(mockedCall, 'activity')).toEqual([])
  })

  it('creates a draft with China times, the chosen post and the current position, then opens it', async () => {
    getLocation.mockResolvedValue({ latitude: 30.2741, longitude: 120.1551, accuracy: 35 })
    await openNewForm()
    type('activity-title', '义务理发')
    type('activity-description', '为社区老人理发')
    type('activity-place', '社区活动室')
    type('activity-startAt', '2026-5-10 9:00')
    type('activity-endAt', '2026-05-10 11:30')
    // Retired posts are not offered: 不关联, 水电维修, 理发.
    const options = [...document.querySelectorAll('#activity-post option')].map((o) => o.textContent)
    expect(options).toEqual(['不关联服务项目', '便民服务项目 · 水电维修', '便民服务项目 · 理发'])
    fireEvent.change(document.querySelector('#activity-post select')!, { target: { value: '2' } })
    fireEvent.click(screen.getByText('需要报名'))
    type('activity-capacity', '10')
    await act(async () => {
      fireEvent.click(document.getElementById('activity-locate')!)
    })
    expect(document.getElementById('activity-location-text')?.textContent).toBe('已设置：纬度 30.274100，经度 120.155100（定位精度约 35 米）')
    type('activity-radius', '')
    await save()
    expect(errorText()).toBe('签到范围应为数字')
    type('activity-radius', '300')
    await save()

    expect(callsTo(mockedCall, 'activity', 'create')).toEqual([
      {
        action: 'create',
        communityId: 'c1',
        title: '义务理发',
        postId: 'p-hair',
        description: '为社区老人理发',
        place: '社区活动室',
        startAt: '2026-05-10T09:00:00+08:00',
        endAt: '2026-05-10T11:30:00+08:00',
        signupOpensAt: null,
        signinEarlyMin: 30,
        signupClosesAt: null,
        signupRequired: true,
        capacity: 10,
        location: { lat: 30.2741, lng: 120.1551, radius: 300 },
      },
    ])
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/staff/activity/index?activityId=act-new' })
  })
})

describe('修改活动', () => {
  it('fills the form from the activity, sends the change with its note, and shows the server’s refusal', async () => {
    setRouterParams({ activityId: 'act-1' })
    routeCalls(mockedCall, STAFF, {
      'activity.get': () => ok(PUBLISHED),
      'posts.list': () => ok(POSTS),
      'activity.update': () => fail('CAPACITY_BELOW_SIGNUPS', '人数上限不能少于已报名的人数'),
    })
    render(<ActivityEditPage />)
    await screen.findByText('修改活动')
    expect(input('activity-title').value).toBe('义务理发')
    expect(input('activity-startAt').value).toBe('2026-05-10 09:00')
    expect(input('activity-endAt').value).toBe('2026-05-10 11:00')
    // The deadline is the start: shown blank, as it was left.
    expect(input('activity-signupClosesAt').value).toBe('')
    // The post is named by the activity at once and, once the catalog is in, with its category.
    // (Which comes first depends on the two calls' order, so only the final text is asserted.)
    await screen.findByText('便民服务项目 · 理发', { selector: '#activity-post-text' })
    type('activity-capacity', '5')
    type('activity-note', '人数调整')
    await save()
    expect(errorText()).toBe('人数上限不能少于已报名的人数')
    expect(callsTo(mockedCall, 'activity', 'update')).toEqual([
      expect.objectContaining({ action: 'update', activityId: 'act-1', note: '人数调整', capacity: 5, startAt: '2026-05-10T09:00:00+08:00' }),
    ])
    // The post was not changed, so it is not sent (it may be retired since).
    expect(callsTo(mockedCall, 'activity', 'update')[0]).not.toHaveProperty('postId')
    expect(Taro.navigateBack).not.toHaveBeenCalled()
  })
})
