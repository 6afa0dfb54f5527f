import { z } from 'zod'
import { MAX_KINDS_PER_REQUEST, MESSAGE_KIND_NAMES, type MessageKind } from '../message-kinds'
import { action } from './action-contract'

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

export const messagesContract = {
  templates: action(z.object({ kinds: kinds.min(1, '请选择要订阅的消息') }).strict(), templatesResultSchema),
  subscribed: action(z.object({ kinds }).strict(), subscribedResultSchema),
}
