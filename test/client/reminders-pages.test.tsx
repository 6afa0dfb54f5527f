import { render, screen } from '@testing-library/react'
import type { ReminderKind, RemindersResult, SentMessage } from '../../src/domain/contracts/messages.contract'
import RemindersPage from '../../src/packages/common/reminders/index'
import { callFunction } from '../../src/services/call-function'
import { requestSubscribe } from '../../src/services/request-subscribe'
import { routeOf } from '../../src/services/routes'
import { menuOf } from '../../src/domain/menu'
import { callsTo, fail, freshPage, mockedGateway, ok, routeCalls } from './support/call-mock'
import { bootstrapFor, grant } from './support/session-fixtures'
import { tap } from './support/dom'

// 我的 → 消息提醒: the kinds the user's roles receive with a one-tap 订阅 and
// the count left; what was sent to them, paged. The tap opens the prompt with
// the template the list carried, before any call.

jest.mock('../../src/services/call-function', () => ({ callFunction: jest.fn() }))
jest.mock('../../src/services/request-subscribe', () => ({ requestSubscribe: jest.fn() }))
const mockedCall = mockedGateway(callFunction)
const mockedPrompt = requestSubscribe as jest.MockedFunction<typeof requestSubscribe>

const cancelled: ReminderKind = { kind: 'activityCancelled', title: '活动取消通知', purpose: '报名的活动取消时通知您', templateId: 'tpl-a', configured: true, remaining: 0 }
const changed: ReminderKind = { kind: 'activityChanged', title: '活动变更提醒', purpose: '报名的活动时间或地点变更时提醒您', templateId: '', configured: false, remaining: 0 }
const sentRow = (id: string, over: Partial<SentMessage> = {}): SentMessage => ({
  id,
  kind: 'activityCancelled',
  title: '活动取消通知',
  fields: [
    { label: '活动名称', value: `社区义诊${id}` },
    { label: '取消原因', value: '天气原因改期' },
  ],
  page: '',
  at: '2026-12-03T01:30:00.000Z',
  status: 'sent',
  delivered: true,
  ...over,
})

function serve(result: (page: number) => RemindersResult, roles: Parameters<typeof bootstrapFor>[1][] = ['member']) {
  routeCalls(mockedCall, bootstrapFor('张明', ...roles), {
    'messages.reminders': (data) => ok(result(Number(data.page ?? 1))),
    'messages.subscribed': (data) => ok({ remaining: Object.fromEntries((data.kinds as string[]).map((k) => [k, 3])) }),
  })
}

beforeEach(() => {
  freshPage(mockedCall)
  mockedPrompt.mockReset()
})

it('is on 我的 for every role that receives messages', () => {
  expect(routeOf('messages.reminders')).toBe('/packages/common/reminders/index')
  for (const role of ['member', 'staff', 'secretary', 'liaison', 'resident'] as const) expect(menuOf([grant(role)])).toContain('messages.reminders')
  expect(menuOf([grant('volunteerCentre')])).not.toContain('messages.reminders')
})

it('lists the kinds with their counts; 订阅 opens the prompt for that one template and shows the new count', async () => {
  serve(() => ({ kinds: [cancelled, changed], sent: { rows: [], total: 0, page: 1, pageSize: 10 } }))
  render(<RemindersPage />)
  expect(await screen.findByText('活动取消通知')).toBeTruthy()
  expect(document.getElementById('reminder-activityCancelled-remaining')!.textContent).toBe('未订阅或次数已用完')
  expect(document.getElementById('reminder-activityChanged-subscribe')).toBeNull()
  expect(document.getElementById('reminder-activityChanged-off')!.textContent).toBe('暂未开通')
  expect(document.getElementById('reminders-sent-empty')).toBeTruthy()

  mockedPrompt.mockResolvedValue({ errMsg: 'requestSubscribeMessage:ok', 'tpl-a': 'accept' })
  await tap('reminder-activityCancelled-subscribe')
  expect(mockedPrompt).toHaveBeenCalledWith(['tpl-a'])
  expect(callsTo(mockedCall, 'messages', 'subscribed')).toEqual([{ action: 'subscribed', kinds: ['activityCancelled'] }])
  expect(document.getElementById('reminder-activityCancelled-remaining')!.textContent).toBe('还可收到 3 条')
  expect(document.getElementById('reminders-notice')!.textContent).toBe('已订阅“活动取消通知”，还可收到3条')
})

it('says so when the user declines or the prompt fails, and counts nothing', async () => {
  serve(() => ({ kinds: [cancelled], sent: { rows: [], total: 0, page: 1, pageSize: 10 } }))
  render(<RemindersPage />)
  await screen.findByText('活动取消通知')
  mockedPrompt.mockResolvedValue({ errMsg: 'requestSubscribeMessage:ok', 'tpl-a': 'reject' })
  await tap('reminder-activityCancelled-subscribe')
  expect(callsTo(mockedCall, 'messages', 'subscribed')).toEqual([{ action: 'subscribed', kinds: [] }])
  expect(document.getElementById('reminders-notice')!.textContent).toBe('您未同意接收“活动取消通知”，本次未订阅')

  mockedPrompt.mockRejectedValue(new Error('requestSubscribeMessage:fail'))
  await tap('reminder-activityCancelled-subscribe')
  expect(document.getElementById('reminders-notice')!.textContent).toBe('订阅未成功，请稍后再试')
  expect(callsTo(mockedCall, 'messages', 'subscribed')).toHaveLength(1)
})

it('shows what was sent, delivered or why not, page by page', async () => {
  serve((page) => ({
    kinds: [cancelled],
    sent: {
      rows: page === 1 ? [sentRow('1'), sentRow('2', { status: 'not_attempted', delivered: false, reason: '未发送：您没有订阅这种提醒，或订阅次数已用完' })] : [sentRow('11')],
      total: 11,
      page,
      pageSize: 10,
    },
  }))
  render(<RemindersPage />)
  expect(await screen.findByText('活动名称：社区义诊1')).toBeTruthy()
  expect(screen.getByText('已发给我的消息（11）')).toBeTruthy()
  expect(document.querySelector('#sent-1')!.className).toContain('sent-row--delivered')
  expect(document.querySelector('#sent-1')!.textContent).toContain('2026-12-03 09:30')
  expect(document.querySelector('#sent-2')!.className).toContain('sent-row--undelivered')
  expect(document.querySelector('#sent-2 .sent-row__reason')!.textContent).toBe('未发送：您没有订阅这种提醒，或订阅次数已用完')
  expect(document.querySelector('#sent-1 .sent-row__reason')).toBeNull()
  expect(document.getElementById('reminders-sent-page')!.textContent).toBe('第 1 / 2 页')
  await tap('reminders-sent-next')
  expect(await screen.findByText('活动名称：社区义诊11')).toBeTruthy()
  expect(callsTo(mockedCall, 'messages', 'reminders').at(-1)).toEqual({ action: 'reminders', page: 2, pageSize: 10 })
})

it('a role with nothing to receive is told so', async () => {
  serve(() => ({ kinds: [], sent: { rows: [], total: 0, page: 1, pageSize: 10 } }), ['streetAdmin'])
  render(<RemindersPage />)
  expect(await screen.findByText('您当前的身份没有需要订阅的提醒')).toBeTruthy()
})

it('a failed load offers 重试', async () => {
  routeCalls(mockedCall, bootstrapFor('张明', 'member'), { 'messages.reminders': () => fail('INTERNAL', '网络异常') })
  render(<RemindersPage />)
  expect(await screen.findByText('网络异常')).toBeTruthy()
  expect(document.getElementById('load-error')).toBeTruthy()
})
