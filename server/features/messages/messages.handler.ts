import { messagesInput, type SubscribedResult, type TemplatesResult } from '../../../src/domain/contracts/messages.contract'
import { MESSAGE_KINDS } from '../../../src/domain/message-kinds'
import { defineFunction } from '../../kernel/function-def'
import { addSubscriptions, remainingSubscriptions } from '../../messages/subscriptions'
import { templateIdOf } from '../../messages/templates'

/**
 * A user's own one-time subscriptions. Anyone the system knows may subscribe,
 * and only for themself: the OPENID is the trusted caller, never an input.
 */
export const messages = defineFunction({
  name: 'messages',
  input: messagesInput,
  async handle(input, ctx): Promise<TemplatesResult | SubscribedResult> {
    switch (input.action) {
      case 'templates':
        return {
          templates: input.kinds.flatMap((kind) => {
            const templateId = templateIdOf(kind)
            return templateId ? [{ kind, templateId, purpose: MESSAGE_KINDS[kind].purpose }] : []
          }),
        }
      case 'subscribed':
        await addSubscriptions(ctx.db, ctx.openid, input.kinds, ctx.now())
        return { remaining: await remainingSubscriptions(ctx.db, ctx.openid) }
    }
  },
})
