import { useCallback } from 'react'
import type { SubscribedResult, TemplateOffer } from '../domain/contracts/messages.contract'
import type { MessageKind } from '../domain/message-kinds'
import type { Result } from '../domain/result'
import { callFunction } from './call-function'
import { requestSubscribe } from './request-subscribe'
import { useRemote } from './use-remote'

/**
 * Shows the platform's prompt for these templates and reports the kinds the
 * user accepted, each allowing one message. Call it from a tap, with the
 * templates already known: WeChat refuses a prompt that a network call comes before.
 */
export async function subscribeTo(templates: readonly Pick<TemplateOffer, 'kind' | 'templateId'>[]): Promise<Result<SubscribedResult & { accepted: MessageKind[] }>> {
  if (templates.length === 0) return { ok: false, code: 'TEMPLATE_NOT_CONFIGURED', message: '消息提醒暂未开通' }
  let answers: Record<string, string>
  try {
    answers = await requestSubscribe(templates.map((t) => t.templateId))
  } catch {
    return { ok: false, code: 'SUBSCRIBE_FAILED', message: '订阅未成功，请稍后再试' }
  }
  const accepted = templates.filter((t) => answers[t.templateId] === 'accept').map((t) => t.kind)
  const reported = await callFunction('messages', { action: 'subscribed', kinds: accepted })
  return reported.ok ? { ok: true, data: { ...reported.data, accepted } } : reported
}

/**
 * One-time subscriptions to `kinds` (at most 3): the templates are fetched
 * when the page opens, because WeChat shows its prompt only when asked from a
 * tap with nothing awaited in between. Call `subscribe` from the tap; the kinds
 * the user accepted are reported to the server, each allowing one message.
 */
export function useMessageSubscription(kinds: MessageKind[]) {
  const offers = useRemote(() => callFunction('messages', { action: 'templates', kinds }), kinds.join(','))
  const templates = offers.data?.templates ?? []

  const subscribe = useCallback(async (): Promise<Result<SubscribedResult>> => {
    const result = await subscribeTo(templates)
    return result.ok ? { ok: true, data: { remaining: result.data.remaining } } : result
  }, [templates])

  return { templates, loading: offers.loading, subscribe }
}
