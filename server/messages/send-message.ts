import * as cloud from 'wx-server-sdk'
import { MESSAGE_KINDS, type MessageKind, type MessageValues, type TemplateField } from '../../src/domain/message-kinds'
import { fieldValueProblem } from '../../src/domain/subscribe-fields'
import { ERROR_MESSAGES } from '../../src/domain/errors'
import type { Database } from '../kernel/database'
import { isDuplicateKey } from '../db/db-errors'
import { clearSubscriptions, returnSubscription, takeSubscription } from './subscriptions'
import { miniprogramState, templateIdOf } from './templates'

// The one way the product sends a subscription message. Every message has an
// idempotency key, written first under a unique index: a second send with the
// same key finds it and sends nothing. Then it takes one of the user's one-time
// subscriptions (none left: not attempted), checks each field against WeChat's
// rules, and calls cloud.openapi.subscribeMessage.send — the function that
// sends needs `permissions.openapi: ["subscribeMessage.send"]` in its
// config.json, which the build checks. Every outcome is recorded in
// `messages`, which /dev/outbox shows locally. A failed send does not fail the
// action that caused it: the outcome is returned and recorded.

export interface OutgoingMessage<K extends MessageKind> {
  kind: K
  /** The recipient's OPENID. */
  touser: string
  /** Unique per message, e.g. `activityCancelled:<activityId>:<memberId>`; the same key never sends twice. */
  key: string
  values: MessageValues<K>
  /** The page the message opens, with its query, e.g. packages/member/card/index. */
  page?: string
}

export type SendStatus = 'sent' | 'not_attempted' | 'refused' | 'failed'

export interface SendOutcome {
  status: SendStatus | 'duplicate'
  code?: string
  reason?: string
}

const COLLECTION = 'messages'

interface WxError {
  errCode?: number
  errMsg?: string
}

type WireData = Record<string, { value: string }>

function wireData(fields: Record<string, TemplateField>, values: Record<string, string>): { data: WireData; problem?: string } {
  const data: WireData = {}
  let problem: string | undefined
  for (const [name, field] of Object.entries(fields)) {
    const value = values[name] ?? ''
    data[field.key] = { value }
    const fieldProblem = fieldValueProblem(field.type, value)
    if (fieldProblem && !problem) problem = `${field.label}（${field.key}）：${fieldProblem}`
  }
  return { data, problem }
}

async function settle(db: Database, key: string, now: Date, outcome: SendOutcome & { errCode?: number }): Promise<SendOutcome> {
  await db.collection(COLLECTION).where({ key }).update({ data: { ...outcome, settledAt: now } })
  return { status: outcome.status, code: outcome.code, reason: outcome.reason }
}

export async function sendMessage<K extends MessageKind>(db: Database, message: OutgoingMessage<K>, now: Date): Promise<SendOutcome> {
  const kind = MESSAGE_KINDS[message.kind]
  const templateId = templateIdOf(message.kind)
  const { data, problem } = wireData(kind.fields, message.values as Record<string, string>)
  const page = message.page ?? ''
  try {
    await db.collection(COLLECTION).add({
      data: { key: message.key, kind: message.kind, touser: message.touser, templateId, page, data, status: 'pending', createdAt: now },
    })
  } catch (error) {
    if (isDuplicateKey(error)) return { status: 'duplicate', reason: '同一条消息已处理过，不再发送' }
    throw error
  }

  if (!templateId) {
    return settle(db, message.key, now, { status: 'not_attempted', code: 'TEMPLATE_NOT_CONFIGURED', reason: `${ERROR_MESSAGES.TEMPLATE_NOT_CONFIGURED}（${kind.envVar}）` })
  }
  if (problem) return settle(db, message.key, now, { status: 'refused', code: 'MESSAGE_FIELD_INVALID', reason: problem })
  if (!(await takeSubscription(db, message.touser, message.kind, now))) {
    return settle(db, message.key, now, { status: 'not_attempted', code: 'NO_SUBSCRIPTION', reason: ERROR_MESSAGES.NO_SUBSCRIPTION })
  }

  try {
    await cloud.openapi.subscribeMessage.send({ touser: message.touser, templateId, page, data, miniprogramState: miniprogramState(), lang: 'zh_CN' })
    return settle(db, message.key, now, { status: 'sent' })
  } catch (error) {
    const { errCode, errMsg } = (error ?? {}) as WxError
    const reason = `${errCode ?? ''} ${errMsg ?? String(error)}`.trim()
    if (errCode === 43101) {
      await clearSubscriptions(db, message.touser, message.kind, now)
      return settle(db, message.key, now, { status: 'refused', code: 'SUBSCRIPTION_REFUSED', errCode, reason })
    }
    // Not delivered for a reason that is not the user's: the subscription is still theirs.
    await returnSubscription(db, message.touser, message.kind, now)
    const code = errCode === 47003 ? 'MESSAGE_FIELD_INVALID' : 'SEND_FAILED'
    return settle(db, message.key, now, { status: errCode === 47003 ? 'refused' : 'failed', code, errCode, reason })
  }
}
