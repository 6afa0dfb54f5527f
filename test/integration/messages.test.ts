import * as cloud from 'wx-server-sdk'
import type { MessageKind } from '../../src/domain/message-kinds'
import { getRows } from '../../server/db/read'
import { FUNCTIONS } from '../../server/functions'
import { runFunction } from '../../server/kernel/run-function'
import { sendMessage, type OutgoingMessage } from '../../server/messages/send-message'
import { openHarness, type Harness } from './support/bridge-client'
import { withDbLatency } from './support/db-latency'
import { addMember, seedCity, USERS } from './support/fixture'

// Subscription messages end to end on the local cloud: a user subscribes as
// the h5 client does (the WeChat prompt's stand-in, then `messages.subscribed`),
// the product sends through server/messages, and the real wx-server-sdk
// openapi call is answered by the local WeChat, which refuses what WeChat refuses.

const TEMPLATES = { TEMPLATE_ACTIVITY_CANCELLED: 'tpl-activity-cancelled', TEMPLATE_NEED_ACCEPTED: 'tpl-need-accepted' }
const saved = { ...process.env }
beforeAll(() => {
  Object.assign(process.env, TEMPLATES)
  delete process.env.TEMPLATE_REPORT_REMINDER
})
afterAll(() => {
  process.env = saved
})

let h: Harness
beforeEach(async () => {
  h = await openHarness({
    seed: async (db) => {
      await seedCity(db)
      await addMember(db, { id: member, unit: 'u1', community: 'a1', name: '张明', mobile: '13800000001' })
    },
  })
})
afterEach(() => h.close())

const resident = USERS.residentA1
/** Activity messages go to members (src/domain/message-recipients.ts). */
const member = 'member-m1'
const cancelled = (key: string, activity = '社区义诊活动'): OutgoingMessage<'activityCancelled'> => ({
  kind: 'activityCancelled',
  touser: member,
  key,
  values: { activity, time: '2026年3月20日 09:00', reason: '天气原因改期' },
  page: 'pages/activities/index',
})

/** Taps 订阅 in the h5 app: the local WeChat prompt accepts, and the client reports it. */
async function subscribe(openid: string, kinds: MessageKind[]) {
  const caller = h.asUser(openid)
  const { templates } = await caller.ok('messages', { action: 'templates', kinds })
  const cookie = await signIn(openid)
  const prompt = await h.app.inject({ method: 'POST', url: '/dev/subscribe', headers: { cookie }, payload: { templateIds: templates.map((t) => t.templateId) } })
  expect(prompt.statusCode).toBe(200)
  const answers = prompt.json() as Record<string, string>
  return caller.ok('messages', { action: 'subscribed', kinds: templates.filter((t) => answers[t.templateId] === 'accept').map((t) => t.kind) })
}

async function signIn(openid: string): Promise<string> {
  const response = await h.app.inject({ method: 'POST', url: '/dev/login', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: `openid=${openid}` })
  return String(response.headers['set-cookie']).split(';')[0]!
}

const records = () => getRows<{ key: string; status: string; code?: string; reason?: string; data: Record<string, { value: string }> }>(h.db.collection('messages').orderBy('createdAt', 'asc'))
const outbox = async () => (await h.app.inject({ method: 'GET', url: '/dev/outbox' })).body

it('offers only the configured templates, at most 3 kinds a tap, to users the system knows', async () => {
  const caller = h.asUser(member)
  expect(await caller.ok('messages', { action: 'templates', kinds: ['activityCancelled', 'reportReminder'] })).toEqual({
    templates: [{ kind: 'activityCancelled', templateId: 'tpl-activity-cancelled', purpose: '报名的活动取消时通知您' }],
  })
  expect(await caller.fail('messages', { action: 'templates', kinds: ['activityCancelled', 'needAccepted', 'needAssigned', 'needCompleted'] })).toMatchObject({
    code: 'VALIDATION_FAILED',
    message: expect.stringContaining('一次最多订阅3种消息'),
  })
  expect(await caller.rawFail('messages', { action: 'subscribed', kinds: ['spam'] })).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('没有这种消息') })
  expect(await caller.rawFail('messages', { action: 'subscribed', kinds: [], openid: USERS.staffA1 })).toMatchObject({ code: 'VALIDATION_FAILED' })
  const stranger = await runFunction(FUNCTIONS.get('messages')!, { action: 'subscribed', kinds: ['activityCancelled'] }, { db: h.db, openid: 'stranger', env: { cardSecret: '' } })
  expect(stranger).toMatchObject({ ok: false, code: 'NOT_REGISTERED' })
})

it('a subscribed message appears in the outbox; a second send with the same key sends nothing', async () => {
  expect(await subscribe(member, ['activityCancelled'])).toEqual({ remaining: { activityCancelled: 1 } })

  expect(await sendMessage(h.db, cancelled('activityCancelled:act-1:resident-a1'), h.clock.now)).toEqual({ status: 'sent' })
  expect(await sendMessage(h.db, cancelled('activityCancelled:act-1:resident-a1'), h.clock.now)).toMatchObject({ status: 'duplicate' })

  expect(await records()).toEqual([
    expect.objectContaining({
      key: 'activityCancelled:act-1:resident-a1',
      status: 'sent',
      data: { thing1: { value: '社区义诊活动' }, time2: { value: '2026年3月20日 09:00' }, thing3: { value: '天气原因改期' } },
    }),
  ])
  const page = await outbox()
  expect(page).toContain('data-key="activityCancelled:act-1:resident-a1" data-status="sent"')
  expect(page).toContain('活动取消通知<br><code>tpl-activity-cancelled</code>')
  expect(page).toContain('活动名称（thing1）：社区义诊活动')
  expect(page).toContain('<code>pages/activities/index</code>')
  expect(page).toContain(member)
  expect(page).toContain('已发送')
  // The one subscription is used: the next message is not attempted.
  expect(await h.asUser(member).ok('messages', { action: 'subscribed', kinds: [] })).toEqual({ remaining: { activityCancelled: 0 } })
})

it('a send without a subscription is not attempted and is recorded as such', async () => {
  expect(await sendMessage(h.db, cancelled('k-none'), h.clock.now)).toEqual({
    status: 'not_attempted',
    code: 'NO_SUBSCRIPTION',
    reason: '用户没有可用的订阅（未订阅或已用完），未发送',
  })
  await subscribe(member, ['activityCancelled'])
  expect((await sendMessage(h.db, cancelled('k-first'), h.clock.now)).status).toBe('sent')
  expect(await sendMessage(h.db, cancelled('k-second'), h.clock.now)).toMatchObject({ status: 'not_attempted', code: 'NO_SUBSCRIPTION' })
  expect((await records()).map((r) => [r.key, r.status])).toEqual([
    ['k-none', 'not_attempted'],
    ['k-first', 'sent'],
    ['k-second', 'not_attempted'],
  ])
  expect(await outbox()).toContain('NO_SUBSCRIPTION 用户没有可用的订阅（未订阅或已用完），未发送')
})

it('a field over its limit is refused before sending and keeps the subscription', async () => {
  await subscribe(member, ['activityCancelled'])
  const outcome = await sendMessage(h.db, cancelled('k-long', '二〇二六年春季社区邻里节暨义诊咨询便民服务活动'), h.clock.now)
  expect(outcome).toMatchObject({ status: 'refused', code: 'MESSAGE_FIELD_INVALID', reason: expect.stringContaining('活动名称（thing1）：事物（thing）应为20个以内字符') })
  expect((await sendMessage(h.db, cancelled('k-short'), h.clock.now)).status).toBe('sent')
})

it('WeChat refuses a send it has no subscription for (43101), whatever our count says', async () => {
  // The client reports an acceptance WeChat never saw: our count says 1, WeChat says 0.
  await h.asUser(member).ok('messages', { action: 'subscribed', kinds: ['activityCancelled'] })
  expect(await sendMessage(h.db, cancelled('k-drift'), h.clock.now)).toMatchObject({
    status: 'refused',
    code: 'SUBSCRIPTION_REFUSED',
    reason: expect.stringMatching(/^43101 openapi\.subscribeMessage\.send:fail user refuse to accept the msg rid: /),
  })
  expect(await h.asUser(member).ok('messages', { action: 'subscribed', kinds: [] })).toEqual({ remaining: { activityCancelled: 0 } })
})

it('a kind whose template is not configured is not attempted', async () => {
  const outcome = await sendMessage(
    h.db,
    { kind: 'reportReminder', touser: member, key: 'k-remind', values: { unit: '区教育局', deadline: '2026年4月16日', note: '请到居住地社区报到' } },
    h.clock.now,
  )
  expect(outcome).toMatchObject({ status: 'not_attempted', code: 'TEMPLATE_NOT_CONFIGURED', reason: expect.stringContaining('TEMPLATE_REPORT_REMINDER') })
})

it('two sends of one message at once send it once', async () => {
  await subscribe(member, ['activityCancelled'])
  await subscribe(member, ['activityCancelled'])
  const outcomes = await withDbLatency(() => Promise.all([1, 2, 3].map(() => sendMessage(h.db, cancelled('k-race'), h.clock.now))))
  expect(outcomes.map((o) => o.status).sort()).toEqual(['duplicate', 'duplicate', 'sent'])
  expect(await h.asUser(member).ok('messages', { action: 'subscribed', kinds: [] })).toEqual({ remaining: { activityCancelled: 1 } })
})

describe('the local WeChat answers subscribeMessage.send as WeChat does', () => {
  const send = (over: Record<string, unknown>) =>
    cloud.openapi.subscribeMessage.send({
      touser: resident,
      templateId: 'tpl-need-accepted',
      page: 'pages/needs/index',
      data: { thing1: { value: '楼道灯坏了' }, phrase2: { value: '已受理' }, time3: { value: '2026-03-16 10:00' } },
      miniprogramState: 'formal',
      ...over,
    })

  it('refuses an unknown recipient, an unknown template, a bad field and a send nobody accepted', async () => {
    await expect(send({ touser: 'nobody' })).rejects.toMatchObject({ errCode: 40003, errMsg: expect.stringContaining('invalid openid') })
    await expect(send({ templateId: 'tpl-elsewhere' })).rejects.toMatchObject({ errCode: 40037 })
    await expect(send({ data: { thing1: { value: '楼道灯坏了' }, phrase2: { value: '已经在受理中' }, time3: { value: '2026-03-16 10:00' } } })).rejects.toMatchObject({
      errCode: 47003,
      errMsg: expect.stringMatching(/^openapi\.subscribeMessage\.send:fail argument invalid! data\.phrase2\.value invalid rid: /),
    })
    await expect(send({})).rejects.toMatchObject({ errCode: 43101 })
  })

  it('delivers once per accepted tap', async () => {
    const cookie = await signIn(resident)
    await h.app.inject({ method: 'POST', url: '/dev/subscribe', headers: { cookie }, payload: { templateIds: ['tpl-need-accepted'] } })
    await expect(send({})).resolves.toMatchObject({ errCode: 0, errMsg: 'openapi.subscribeMessage.send:ok', msgid: expect.any(Number) })
    await expect(send({})).rejects.toMatchObject({ errCode: 43101 })
  })

  it('the h5 prompt stand-in refuses templates this app does not have and callers not signed in', async () => {
    const cookie = await signIn(resident)
    const unknown = await h.app.inject({ method: 'POST', url: '/dev/subscribe', headers: { cookie }, payload: { templateIds: ['tpl-elsewhere'] } })
    expect([unknown.statusCode, unknown.json().errCode]).toEqual([400, 20001])
    const anonymous = await h.app.inject({ method: 'POST', url: '/dev/subscribe', payload: { templateIds: ['tpl-need-accepted'] } })
    expect(anonymous.statusCode).toBe(401)
  })
})
