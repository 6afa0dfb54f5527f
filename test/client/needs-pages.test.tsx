import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { NeedDetail, NeedRow } from '../../src/domain/contracts/needs.contract'
import { callFunction } from '../../src/services/call-function'
import StaffNeedsPage from '../../src/packages/staff/needs/index'
import StaffNeedPage from '../../src/packages/staff/need/index'
import ResidentNeedsPage from '../../src/packages/resident/needs/index'
import { bootstrapFor } from './support/session-fixtures'
import { callsTo, ok, routeCalls, mockedGateway, freshPage } from './support/call-mock'
import { setRouterParams } from './support/taro'

// The needs pages over a mocked gateway: the staff list colours overdue
// needs and filters by state; the detail offers what the server allows;
// the resident's form sends what was filled in.

jest.mock('../../src/services/call-function', () => ({ callFunction: jest.fn() }))
const mockedCall = mockedGateway(callFunction)

beforeEach(() => {
  freshPage(mockedCall)
  process.env.TARO_ENV = 'weapp'
})

const row = (over: Partial<NeedRow>): NeedRow => ({
  needId: 'n1',
  communityId: 'c1',
  postId: null,
  categoryName: '水电维修',
  content: '水龙头漏水',
  address: '3栋2单元501',
  contactName: '李梅',
  mobile: '13912345678',
  suitableTime: '',
  urgency: 'normal',
  channel: 'self',
  state: 'pending',
  overdue: 'none',
  yellowAt: null,
  submittedAt: '2026-03-16T02:00:00.000Z',
  assignedMemberId: null,
  assignedMemberName: null,
  hours: null,
  rating: null,
  ...over,
})

it('staff see overdue needs in yellow and red, and filter by state', async () => {
  routeCalls(mockedCall, bootstrapFor('王芳', 'staff'), {
    'needs.list': () => ok({ rows: [row({ needId: 'late', overdue: 'red', urgency: 'urgent' }), row({ needId: 'soon', overdue: 'yellow' }), row({ needId: 'fine' })], total: 3, page: 1, pageSize: 20 }),
  })
  render(<StaffNeedsPage />)
  await screen.findByText('严重超时')
  expect(document.querySelector('#need-late')!.className).toContain('need-row--red')
  expect(document.querySelector('#need-soon')!.className).toContain('need-row--yellow')
  expect(document.querySelector('#need-fine .need-overdue')).toBeNull()
  fireEvent.click(screen.getByText('待受理', { selector: '#needs-state .chip__label' }))
  await screen.findAllByText('水龙头漏水')
  expect(callsTo(mockedCall, 'needs', 'list').at(-1)).toMatchObject({ communityId: 'c1', state: 'pending', page: 1 })
})

it('the detail offers the actions the server allows, and assigns from the suggestions', async () => {
  setRouterParams({ id: 'n1' })
  const detail: NeedDetail = { ...row({ state: 'accepted' }), photos: [], additions: [], rejectReason: null, mergedInto: null, completion: null, comment: null, history: [], can: ['assign', 'publish', 'merge'] }
  routeCalls(mockedCall, bootstrapFor('王芳', 'staff'), {
    'needs.get': () => ok(detail),
    'needs.suggest': () => ok([{ memberId: 'm9', name: '张三', unitName: '区教育局', reason: 'post', openAssignments: 0 }]),
    'needs.assign': () => ok({ ...detail, state: 'serving', assignedMemberId: 'm9', assignedMemberName: '张三', can: [] }),
  })
  render(<StaffNeedPage />)
  await screen.findByText('分派党员')
  expect(document.getElementById('need-accept')).toBeNull()
  fireEvent.click(screen.getByText('分派党员'))
  await screen.findByText(/认领岗位相符/)
  fireEvent.click(screen.getByText('分派'))
  expect((await screen.findByText('张三', { selector: '#need-member' })).id).toBe('need-member')
  expect(callsTo(mockedCall, 'needs', 'assign')).toEqual([{ action: 'assign', needId: 'n1', memberId: 'm9' }])
})

it('a resident submits a need with category, urgency and contact', async () => {
  routeCalls(mockedCall, bootstrapFor('李梅', 'resident'), {
    'needs.mine': () => ok({ rows: [], total: 0, page: 1, pageSize: 20 }),
    'posts.list': () => ok([{ postId: 'p2', category: 'convenience', categoryName: '便民服务项目', kind: 'community', name: '水电维修', description: '', active: true, claimCount: 0 }]),
    'needs.submit': () => ok({}),
  })
  render(<ResidentNeedsPage />)
  fireEvent.click(await screen.findByText('水电维修'))
  fireEvent.click(screen.getByText('紧急'))
  const type = (id: string, value: string) => fireEvent.input(document.getElementById(id)!, { target: { value }, detail: { value } })
  type('need-content-input', '水龙头漏水')
  type('need-address-input', '3栋2单元501')
  type('need-mobile-input', '13912345678')
  fireEvent.click(screen.getByText('提交需求'))
  await waitFor(() => expect(callsTo(mockedCall, 'needs', 'mine')).toHaveLength(2))
  expect(callsTo(mockedCall, 'needs', 'submit')).toEqual([
    { action: 'submit', postId: 'p2', content: '水龙头漏水', address: '3栋2单元501', contactName: '李梅', mobile: '13912345678', suitableTime: '', urgency: 'urgent', photos: [] },
  ])
})
