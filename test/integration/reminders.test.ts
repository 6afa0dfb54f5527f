import { MESSAGE_KINDS, MESSAGE_KIND_NAMES, type MessageKind } from '../../src/domain/message-kinds'
import { sendMessage, type OutgoingMessage } from '../../server/messages/send-message'
import { openHarness, type Harness } from './support/bridge-client'
import { recordDbRequests } from './support/db-requests'
import { expectNothingWritten } from './support/db-state'
import { addMembers, seedCity, USERS } from './support/fixture'
import { messagesToWrongRoles } from './support/message-recipients'

// 我的 → 消息提醒 (issue 12 §4): each user sees the kinds their roles receive,
// subscribes one kind a tap, sees how many one-time subscriptions are left
// (up on every accepted tap, down on every send, never below zero) and what
// was sent to them — their own messages only, newest first.

const TEMPLATES: Partial<Record<MessageKind, string>> = {
  activityCancelled: 'tpl-activity-cancelled',
  needAccepted: 'tpl-need-accepted',
  serviceConfirm: 'tpl-service-confirm',
}
const saved = { ...process.env }
beforeAll(() => {
  for (const kind of MESSAGE_KIND_NAMES) delete process.env[MESSAGE_KINDS[kind].envVar]
  for (const [kind, id] of Object.entries(TEMPLATES)) process.env[MESSAGE_KINDS[kind as MessageKind].envVar] = id
})
afterAll(() => {
  process.env = saved
})

const member = 'member-m1'
const otherMember = 'member-m2'
let h: Harness
beforeEach(async () => {
  h = await openHarness({
    seed: async (db) => {
      await seedCity(db)
      await addMembers(db, [
        [member, 'u1', 'a1', '张明', '13800000001'],
        [otherMember, 'u2', 'a1', '李红', '13800000002'],
      ])
    },
  })
})
afterEach(() => h.close())

const reminders = (openid: string, paging: { page?: number; pageSize?: number } = {}) => h.asUser(openid).ok('messages', { action: 'reminders', ...paging })
const kindsOf = async (openid: string) => (await reminders(openid)).kinds.map((k) => k.kind)
const remainingOf = async (openid: string, kind: MessageKind) => (await reminders(openid)).kinds.find((k) => k.kind === kind)?.remaining

/** Taps 订阅 on one kind as the h5 page does: the prompt's stand-in accepts, the client reports it. */
async function tap(openid: string, kind: MessageKind) {
  const offer = (await reminders(openid)).kinds.find((k) => k.kind === kind)!
  const login = await h.app.inject({ method: 'POST', url: '/dev/login', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: `openid=${openid}` })
  const cookie = String(login.headers['set-cookie']).split(';')[0]!
  const prompt = await h.app.inject({ method: 'POST', url: '/dev/subscribe', headers: { cookie }, payload: { templateIds: [offer.templateId] } })
  expect((prompt.json() as Record<string, string>)[offer.templateId]).toBe('accept')
  return h.asUser(openid).ok('messages', { action: 'subscribed', kinds: [kind] })
}

let seq = 0
const cancelled = (touser: string, activity = '社区义诊活动'): OutgoingMessage<'activityCancelled'> => ({
  kind: 'activityCancelled',
  touser,
  key: `activityCancelled:act-${++seq}:${touser}`,
  values: { activity, time: '2026-03-20 09:00~11:00', reason: '天气原因改期' },
  page: 'packages/member/activity/index?id=act',
})

it('each role is offered exactly the kinds its holders receive, with purpose, template and count', async () => {
  expect(await kindsOf(member)).toEqual(['activityChanged', 'activityCancelled', 'waitlistPromoted', 'activityReminder', 'needAssigned', 'reportReminder'])
  expect(await kindsOf(USERS.residentA1)).toEqual(['needAccepted', 'needCompleted', 'needMatched'])
  expect(await kindsOf(USERS.staffA1)).toEqual(['needOverdue', 'serviceCollect', 'serviceLate', 'serviceConfirm', 'correctionRaised', 'feedbackCardsDue'])
  expect(await kindsOf(USERS.secretary1)).toEqual(['correctionResolved', 'bulletinDue'])
  expect(await kindsOf(USERS.liaison1)).toEqual(['serviceCollect', 'serviceLate', 'correctionResolved'])
  expect(await kindsOf(USERS.streetA)).toEqual([])
  expect(await kindsOf(USERS.district)).toEqual([])

  const { kinds, sent } = await reminders(member)
  expect(kinds.find((k) => k.kind === 'activityCancelled')).toEqual({
    kind: 'activityCancelled',
    title: '活动取消通知',
    purpose: '报名的活动取消时通知您',
    templateId: 'tpl-activity-cancelled',
    configured: true,
    remaining: 0,
  })
  expect(kinds.find((k) => k.kind === 'activityChanged')).toMatchObject({ templateId: '', configured: false, remaining: 0 })
  expect(sent).toEqual({ rows: [], total: 0, page: 1, pageSize: 10 })
})

it('a kind the caller does not receive cannot be subscribed to or offered; nothing is written', async () => {
  const resident = h.asUser(USERS.residentA1)
  await expectNothingWritten(h.db, async () => {
    expect(await resident.fail('messages', { action: 'subscribed', kinds: ['needAccepted', 'activityCancelled'] })).toMatchObject({
      code: 'MESSAGE_KIND_NOT_YOURS',
      message: '您当前的身份不会收到这种消息，无需订阅',
    })
    expect(await resident.fail('messages', { action: 'templates', kinds: ['serviceConfirm'] })).toMatchObject({ code: 'MESSAGE_KIND_NOT_YOURS' })
  })
  expect(await h.asUser(USERS.volunteerCentre).fail('messages', { action: 'reminders' })).toMatchObject({ code: 'FORBIDDEN' })
  expect(await h.asUser(member).rawFail('messages', { action: 'reminders', pageSize: 51 })).toMatchObject({ code: 'VALIDATION_FAILED' })
  expect(await h.asUser(member).rawFail('messages', { action: 'reminders', openid: USERS.residentA1 })).toMatchObject({ code: 'VALIDATION_FAILED' })
})

it('each accepted tap adds one, each send uses one, never below zero; a send with none left is recorded as not sent', async () => {
  expect(await tap(member, 'activityCancelled')).toEqual({ remaining: { activityCancelled: 1 } })
  expect(await tap(member, 'activityCancelled')).toEqual({ remaining: { activityCancelled: 2 } })
  expect(await remainingOf(member, 'activityCancelled')).toBe(2)

  expect((await sendMessage(h.db, cancelled(member, '第一次'), h.clock.now)).status).toBe('sent')
  expect(await remainingOf(member, 'activityCancelled')).toBe(1)
  h.clock.now = new Date(h.clock.now.getTime() + 60_000)
  expect((await sendMessage(h.db, cancelled(member, '第二次'), h.clock.now)).status).toBe('sent')
  expect(await remainingOf(member, 'activityCancelled')).toBe(0)
  h.clock.now = new Date(h.clock.now.getTime() + 60_000)
  expect(await sendMessage(h.db, cancelled(member, '第三次'), h.clock.now)).toMatchObject({ status: 'not_attempted', code: 'NO_SUBSCRIPTION' })
  expect(await remainingOf(member, 'activityCancelled')).toBe(0)

  // Newest first: the one not sent, then the two delivered.
  const { sent } = await reminders(member)
  expect(sent.total).toBe(3)
  expect(sent.rows.map((r) => [r.fields[0]!.value, r.status, r.delivered, r.reason ?? ''])).toEqual([
    ['第三次', 'not_attempted', false, '未发送：您没有订阅这种提醒，或订阅次数已用完'],
    ['第二次', 'sent', true, ''],
    ['第一次', 'sent', true, ''],
  ])
  expect(sent.rows[1]).toEqual({
    id: expect.any(String),
    kind: 'activityCancelled',
    title: '活动取消通知',
    fields: [
      { label: '活动名称', value: '第二次' },
      { label: '活动时间', value: '2026-03-20 09:00~11:00' },
      { label: '取消原因', value: '天气原因改期' },
    ],
    page: 'packages/member/activity/index?id=act',
    at: new Date(h.clock.now.getTime() - 60_000).toISOString(),
    status: 'sent',
    delivered: true,
  })
})

it('WeChat saying none are left (43101) brings the count to zero and the message shows why it did not arrive', async () => {
  // The client reports an acceptance WeChat never saw.
  await h.asUser(member).ok('messages', { action: 'subscribed', kinds: ['activityCancelled'] })
  expect(await remainingOf(member, 'activityCancelled')).toBe(1)
  expect(await sendMessage(h.db, cancelled(member), h.clock.now)).toMatchObject({ status: 'refused', code: 'SUBSCRIPTION_REFUSED' })
  const { kinds, sent } = await reminders(member)
  expect(kinds.find((k) => k.kind === 'activityCancelled')!.remaining).toBe(0)
  expect(sent.rows).toEqual([expect.objectContaining({ status: 'refused', delivered: false, reason: '未送达：微信提示您未订阅或已拒收这种提醒' })])
})

it('a kind not configured is listed as such and its messages as not sent', async () => {
  await sendMessage(h.db, { kind: 'needAssigned', touser: member, key: 'k-assigned', values: { need: '帮忙修水管', community: '曙光社区', time: '2026-03-16 10:00' } }, h.clock.now)
  expect((await reminders(member)).sent.rows).toEqual([expect.objectContaining({ kind: 'needAssigned', title: '服务任务分配通知', delivered: false, reason: '未发送：这种提醒暂未开通' })])
})

it('the sent list is the caller own only, paged, newest first, in a constant number of requests', async () => {
  await tap(otherMember, 'activityCancelled')
  await sendMessage(h.db, cancelled(otherMember, '别人的活动'), h.clock.now)
  for (let i = 1; i <= 5; i++) {
    h.clock.now = new Date(h.clock.now.getTime() + 60_000)
    await sendMessage(h.db, cancelled(member, `活动${i}`), h.clock.now)
  }
  const first = await reminders(member, { pageSize: 2 })
  expect([first.sent.total, first.sent.rows.map((r) => r.fields[0]!.value)]).toEqual([5, ['活动5', '活动4']])
  const last = await reminders(member, { page: 3, pageSize: 2 })
  expect(last.sent.rows.map((r) => r.fields[0]!.value)).toEqual(['活动1'])
  const theirs = await reminders(otherMember)
  expect(theirs.sent.rows.map((r) => r.fields[0]!.value)).toEqual(['别人的活动'])

  const cost = async () => {
    const { result, requests } = await recordDbRequests(() => h.asUser(member).call('messages', { action: 'reminders', pageSize: 10 }))
    expect(result.ok).toBe(true)
    return requests.filter((r) => r.collection !== 'devSessions')
  }
  const small = await cost()
  for (let i = 0; i < 30; i++) await sendMessage(h.db, cancelled(member, `更多${i}`), h.clock.now)
  const large = await cost()
  expect(large.length).toBe(small.length)
  expect(large.filter((r) => r.collection === 'messages' || r.collection === 'subscriptions')).toHaveLength(3)
  console.log(`messages.reminders: ${large.length} requests (${large.map((r) => `${r.action}:${r.collection}`).join(', ')})`)
})

it('the harness finds a message sent to a user whose roles do not receive its kind', async () => {
  await sendMessage(h.db, cancelled(member), h.clock.now)
  await sendMessage(h.db, cancelled('someone-unknown'), h.clock.now)
  expect(await messagesToWrongRoles(h.db)).toEqual([])
  await sendMessage(h.db, cancelled(USERS.residentA1), h.clock.now)
  expect(await messagesToWrongRoles(h.db)).toEqual([`activityCancelled → ${USERS.residentA1} (resident)`])
  // Left in place, the harness's close would fail this test.
  await h.db.collection('messages').where({ touser: USERS.residentA1 }).remove()
})
