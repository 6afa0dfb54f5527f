import type { SentMessage } from '../../src/domain/contracts/messages.contract'
import { MESSAGE_KINDS, type MessageKind } from '../../src/domain/message-kinds'
import { readPage } from '../db/read'
import type { Database } from '../kernel/database'

// What was sent to one user (我的 → 消息提醒): their records in `messages`,
// newest first, one page at a time (a count and one page: two requests at
// any size). Only the recipient's own: the filter is the trusted OPENID.

interface MessageDoc {
  _id: string
  kind: MessageKind
  touser: string
  page?: string
  data?: Record<string, { value: string }>
  status: SentMessage['status']
  code?: string
  createdAt: Date
}

/** Why a message did not reach the user, in their words (the recorded reason is for staff and logs). */
const UNDELIVERED: Record<string, string> = {
  NO_SUBSCRIPTION: '未发送：您没有订阅这种提醒，或订阅次数已用完',
  TEMPLATE_NOT_CONFIGURED: '未发送：这种提醒暂未开通',
  MESSAGE_FIELD_INVALID: '未发送：消息内容不符合微信的要求',
  SUBSCRIPTION_REFUSED: '未送达：微信提示您未订阅或已拒收这种提醒',
  SEND_FAILED: '未送达：微信发送失败',
}

function reasonOf(doc: MessageDoc): string | undefined {
  if (doc.status === 'sent') return undefined
  if (doc.status === 'pending') return '发送中'
  return (doc.code && UNDELIVERED[doc.code]) || '未送达'
}

export function sentRow(doc: MessageDoc): SentMessage {
  const kind = MESSAGE_KINDS[doc.kind]
  const fields = Object.values(kind.fields as Record<string, { key: string; label: string }>).map((f) => ({ label: f.label, value: doc.data?.[f.key]?.value ?? '' }))
  const reason = reasonOf(doc)
  return {
    id: doc._id,
    kind: doc.kind,
    title: kind.title,
    fields,
    page: doc.page ?? '',
    at: new Date(doc.createdAt).toISOString(),
    status: doc.status,
    delivered: doc.status === 'sent',
    ...(reason ? { reason } : {}),
  }
}

export async function sentTo(db: Database, openid: string, paging: { page: number; pageSize: number }) {
  const { docs, total } = await readPage<MessageDoc>(db, 'messages', { touser: openid }, ['createdAt', 'desc'], paging)
  // A kind since removed from the product has no template to read it by: left out.
  return { rows: docs.filter((d) => d.kind in MESSAGE_KINDS).map(sentRow), total, page: paging.page, pageSize: paging.pageSize }
}
