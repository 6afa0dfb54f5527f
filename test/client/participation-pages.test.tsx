import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { callFunction } from '../../src/services/call-function'
import ParticipationPage from '../../src/packages/unit/participation/index'
import RegisterPage from '../../src/packages/staff/register/index'
import VolunteersPage from '../../src/packages/centre/volunteers/index'
import { bootstrapFor } from './support/session-fixtures'
import { callsTo, ok, routeCalls, mockedGateway, freshPage } from './support/call-mock'

// The participation pages (issue 9 §5, §6): the unit's members against the
// year's rule, the community's 附件2, the volunteer centre's items.

jest.mock('../../src/services/call-function', () => ({ callFunction: jest.fn() }))
const mockedCall = mockedGateway(callFunction)

beforeEach(() => {
  freshPage(mockedCall)
  process.env.TARO_ENV = 'weapp'
})

const row = (memberId: string, memberName: string, community: number, unit: number) => ({
  memberId,
  memberName,
  communityName: '西溪社区',
  community,
  unit,
  communityShort: Math.max(0, 2 - community),
  unitShort: Math.max(0, 2 - unit),
  short: community < 2 || unit < 2,
})

describe('党员参与活动情况', () => {
  it("shows each member's counts against 2 + 2, who is short, and asks the server for the short ones only", async () => {
    routeCalls(mockedCall, bootstrapFor('书记', 'secretary'), {
      'participation.unitMembers': (data) =>
        ok({
          year: 2026,
          required: 2,
          memberTotal: 30,
          shortTotal: 12,
          rows: data.filter === 'short' ? [row('m2', '李明', 1, 0)] : [row('m2', '李明', 1, 0), row('m1', '陈红', 3, 2)],
          total: data.filter === 'short' ? 12 : 30,
          page: 1,
          pageSize: 20,
        }),
      'participation.unitActivities': () => ok({ year: 2026, rows: [{ activityId: 'a1', title: '结对共建', organiserKind: 'unit', communityName: '西溪社区', startAt: '2026-02-01T01:00:00.000Z', endAt: '2026-02-01T03:00:00.000Z', status: 'ended', attended: 7 }], total: 1, page: 1, pageSize: 20 }),
    })
    render(<ParticipationPage />)
    expect((await screen.findByText('2026年：名册 30 人，未达标 12 人')).id).toBe('participation-summary')
    expect(screen.getByText('社区组织 1/2 · 单位组织 0/2 未达标').className).toContain('--short')
    expect(screen.getByText('社区组织 3/2 · 单位组织 2/2').className).not.toContain('--short')
    expect(screen.getByText('第 1 / 2 页')).toBeTruthy()

    fireEvent.click(document.getElementById('participation-view-short')!)
    expect(await screen.findByText('2026年：名册 30 人，未达标 12 人')).toBeTruthy()
    await waitFor(() => expect(screen.queryByText('陈红')).toBeNull())
    expect(callsTo(mockedCall, 'participation', 'unitMembers').at(-1)).toMatchObject({ unitId: 'u1', filter: 'short', page: 1 })

    fireEvent.click(document.getElementById('participation-view-activities')!)
    expect(await screen.findByText('本单位 7 人参加')).toBeTruthy()
    expect(screen.getByText(/单位组织$/)).toBeTruthy()
  })
})

describe('附件2 登记表', () => {
  it("prints the form's columns with each member's dated services, and leaves 综合评价 blank", async () => {
    routeCalls(mockedCall, bootstrapFor('社工', 'staff'), {
      'participation.register': (data) =>
        ok({
          year: data.year,
          communityName: '西溪社区',
          rows: [{ index: 1, memberId: 'm1', name: '陈红', gender: '女', birthMonth: '1988-03', unitAndTitle: '区教育局 副科长', address: '西溪花园5幢301', mobile: '137****0001', claimedItems: '健康服务、顾问员', services: ['3月5日 社区环境整治', '3月12日 政策宣讲'], evaluation: null }],
        }),
    })
    render(<RegisterPage />)
    expect(await screen.findByText('服务情况登记汇总（注明日期及内容）')).toBeTruthy()
    expect(screen.getByText('3月5日 社区环境整治').className).toBe('register-services')
    expect(screen.getByText('3月12日 政策宣讲')).toBeTruthy()
    expect(screen.getByText('137****0001')).toBeTruthy()
    const year = callsTo(mockedCall, 'participation', 'register')[0]!.year as number
    fireEvent.click(document.getElementById('register-prev-year')!)
    expect(await screen.findByText(`${year - 1}年在职党员参与社区服务活动情况登记表`)).toBeTruthy()
    expect(callsTo(mockedCall, 'participation', 'register').at(-1)).toMatchObject({ communityId: 'c1', year: year - 1 })
  })
})

describe('志愿专业服务', () => {
  it('lists the items with their counts, and opens one to its members by community', async () => {
    routeCalls(mockedCall, bootstrapFor('志愿者中心', 'volunteerCentre'), {
      'participation.volunteerItems': () => ok([{ item: '健康服务', description: '疾病预防、健康咨询、医疗义诊等', members: 2 }, { item: '心理疏导', description: '', members: 0 }]),
      'participation.volunteers': () => ok({ rows: [{ memberId: 'm1', memberName: '陈红', communityName: '西溪社区', unitName: '区教育局', specialty: '中医推拿' }], total: 1, page: 1, pageSize: 20 }),
    })
    render(<VolunteersPage />)
    expect(await screen.findByText('2 人 ›')).toBeTruthy()
    fireEvent.click(document.getElementById('volunteer-item-健康服务')!)
    expect(await screen.findByText('中医推拿')).toBeTruthy()
    expect(callsTo(mockedCall, 'participation', 'volunteers')[0]).toMatchObject({ item: '健康服务', page: 1 })
  })
})
