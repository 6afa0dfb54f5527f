import { ERROR_MESSAGES } from '../../src/domain/errors'
import { MESSAGE_KINDS, type MessageKind } from '../../src/domain/message-kinds'
import type { Database } from '../../server/kernel/database'
import { templateIdOf } from '../../server/messages/templates'

// 我的 → 消息提醒 with something in it (issue 12 §4): demo-member-1,
// demo-resident-1 and demo-staff-1 have a few subscriptions left and a few
// messages sent to them, delivered or not (with the recorded reason), as
// server/messages/send-message.ts records them. Each to a kind its holder's
// role receives (src/domain/message-recipients.ts).

interface Demo {
  touser: string
  kind: MessageKind
  values: Record<string, string>
  at: string
  outcome: 'sent' | 'NO_SUBSCRIPTION'
  page?: string
}

const DEMO: Demo[] = [
  { touser: 'demo-member-1', kind: 'activityChanged', values: { activity: '社区义诊志愿服务', time: '2026-12-06 09:00~11:00', place: '社区党群服务中心', note: '时间调整为上午' }, at: '2026-11-28T02:00:00Z', outcome: 'sent' },
  { touser: 'demo-member-1', kind: 'needAssigned', values: { need: '帮独居老人更换楼道灯', community: '曙光社区', time: '2026-12-01 10:20' }, at: '2026-12-01T02:20:00Z', outcome: 'sent', page: 'packages/member/wall/index' },
  { touser: 'demo-member-1', kind: 'waitlistPromoted', values: { activity: '冬季送温暖活动', time: '2026-12-12 14:00~16:00', place: '社区活动室', note: '候补成功，您已获得名额' }, at: '2026-12-03T06:00:00Z', outcome: 'NO_SUBSCRIPTION' },
  { touser: 'demo-resident-1', kind: 'needAccepted', values: { need: '楼道灯坏了', status: '已受理', time: '2026-11-30 09:15' }, at: '2026-11-30T01:15:00Z', outcome: 'sent' },
  { touser: 'demo-resident-1', kind: 'needCompleted', values: { need: '楼道灯坏了', member: '张明', time: '2026-12-02 16:40' }, at: '2026-12-02T08:40:00Z', outcome: 'NO_SUBSCRIPTION' },
  { touser: 'demo-staff-1', kind: 'feedbackCardsDue', values: { item: '年度反馈卡尚未出具', count: '12', deadline: '2026年12月20日' }, at: '2026-12-01T01:00:00Z', outcome: 'sent' },
]

const SUBSCRIPTIONS: Array<[openid: string, kind: MessageKind, remaining: number]> = [
  ['demo-member-1', 'activityChanged', 2],
  ['demo-member-1', 'activityCancelled', 1],
  ['demo-resident-1', 'needMatched', 1],
  ['demo-staff-1', 'needOverdue', 3],
]

export async function seedDemoReminders(db: Database): Promise<void> {
  for (const [i, m] of DEMO.entries()) {
    const fields = MESSAGE_KINDS[m.kind].fields as Record<string, { key: string }>
    const data = Object.fromEntries(Object.entries(fields).map(([name, f]) => [f.key, { value: m.values[name] ?? '' }]))
    const at = new Date(m.at)
    const outcome = m.outcome === 'sent' ? { status: 'sent' } : { status: 'not_attempted', code: m.outcome, reason: ERROR_MESSAGES[m.outcome] }
    await db
      .collection('messages')
      .doc(`demo-message-${i + 1}`)
      .set({ data: { key: `demo:${m.kind}:${m.touser}:${i}`, kind: m.kind, touser: m.touser, templateId: templateIdOf(m.kind), page: m.page ?? '', data, ...outcome, createdAt: at, settledAt: at } })
  }
  for (const [openid, kind, remaining] of SUBSCRIPTIONS) {
    await db.collection('subscriptions').doc(`${openid}:${kind}`).set({ data: { openid, kind, remaining, updatedAt: new Date('2026-12-01T00:00:00Z') } })
  }
}
