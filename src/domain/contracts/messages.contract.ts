import { z } from 'zod'
import { MAX_KINDS_PER_REQUEST, MESSAGE_KIND_NAMES, type MessageKind } from '../message-kinds'

// `messages`: one-time subscriptions to subscription messages. Before a tap the
// client asks which templates to offer (`templates`); after the user answers
// Taro.requestSubscribeMessage it reports the kinds they accepted
// (`subscribed`), each allowing one message. Always for the caller themself.

const kinds = z
  .array(z.enum(MESSAGE_KIND_NAMES as [MessageKind, ...MessageKind[]], '没有这种消息'))
  .max(MAX_KINDS_PER_REQUEST, `一次最多订阅${MAX_KINDS_PER_REQUEST}种消息`)

export const messagesInput = z.discriminatedUnion('action', [
  z.object({ action: z.literal('templates'), kinds: kinds.min(1, '请选择要订阅的消息') }).strict(),
  z.object({ action: z.literal('subscribed'), kinds }).strict(),
])
export type MessagesInput = z.input<typeof messagesInput>

export interface TemplateOffer {
  kind: MessageKind
  templateId: string
  purpose: string
}

/** Only configured kinds are offered; an unconfigured one is left out. */
export interface TemplatesResult {
  templates: TemplateOffer[]
}

/** Messages the caller can still receive, per kind. */
export interface SubscribedResult {
  remaining: Partial<Record<MessageKind, number>>
}
