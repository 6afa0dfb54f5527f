import { z } from 'zod'
import { MAX_KINDS_PER_REQUEST, MESSAGE_KIND_NAMES, type MessageKind } from '../message-kinds'
import { action } from './action-contract'
import { count, isoDate, pageOf, paging } from './common'

// `messages`: one-time subscriptions to subscription messages. Before a tap the
// client asks which templates to offer (`templates`); after the user answers
// Taro.requestSubscribeMessage it reports the kinds they accepted
// (`subscribed`), each allowing one message. Always for the caller themself.

const kind = z.enum(MESSAGE_KIND_NAMES as [MessageKind, ...MessageKind[]], '没有这种消息')
const kinds = z.array(kind).max(MAX_KINDS_PER_REQUEST, `一次最多订阅${MAX_KINDS_PER_REQUEST}种消息`)

export const templateOfferSchema = z.strictObject({ kind, templateId: z.string(), purpose: z.string() })
export type TemplateOffer = z.output<typeof templateOfferSchema>

/** Only configured kinds are offered; an unconfigured one is left out. */
export const templatesResultSchema = z.strictObject({ templates: z.array(templateOfferSchema) })
export type TemplatesResult = z.output<typeof templatesResultSchema>

/** Messages the caller can still receive, per kind. */
export const subscribedResultSchema = z.strictObject({ remaining: z.partialRecord(kind, z.number().int().min(0)) })
export type SubscribedResult = z.output<typeof subscribedResultSchema>

// 我的 → 消息提醒 (issue 12 §4): the kinds the caller's roles receive, each
// with its template (empty when not configured: nothing to subscribe to) and
// how many one-time subscriptions are left; and what was sent to them, newest first.

export const reminderKindSchema = z.strictObject({
  kind,
  title: z.string(),
  purpose: z.string(),
  /** Empty when the kind's template is not configured in this environment. */
  templateId: z.string(),
  configured: z.boolean(),
  remaining: count,
})
export type ReminderKind = z.output<typeof reminderKindSchema>

export const SENT_STATUSES = ['pending', 'sent', 'not_attempted', 'refused', 'failed'] as const

export const sentMessageSchema = z.strictObject({
  id: z.string(),
  kind,
  title: z.string(),
  /** The message's fields as the template labels them: 活动名称：社区义诊活动. */
  fields: z.array(z.strictObject({ label: z.string(), value: z.string() })),
  /** The page the message opens ('' for none). */
  page: z.string(),
  at: isoDate,
  status: z.enum(SENT_STATUSES),
  delivered: z.boolean(),
  /** Why it was not delivered, in words for the user. */
  reason: z.string().optional(),
})
export type SentMessage = z.output<typeof sentMessageSchema>

export const remindersResultSchema = z.strictObject({ kinds: z.array(reminderKindSchema), sent: pageOf(sentMessageSchema) })
export type RemindersResult = z.output<typeof remindersResultSchema>

export const messagesContract = {
  templates: action(z.object({ kinds: kinds.min(1, '请选择要订阅的消息') }).strict(), templatesResultSchema),
  subscribed: action(z.object({ kinds }).strict(), subscribedResultSchema),
  reminders: action(z.strictObject({ page: paging.page, pageSize: z.number().int().min(1).max(50).default(10) }), remindersResultSchema),
}
