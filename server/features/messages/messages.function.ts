import { messagesContract } from '../../../src/domain/contracts/messages.contract'
import { MESSAGE_KINDS } from '../../../src/domain/message-kinds'
import { defineFunction } from '../../kernel/function-def'
import { addSubscriptions, remainingSubscriptions } from '../../messages/subscriptions'
import { templateIdOf } from '../../messages/templates'

/**
 * A user's own one-time subscriptions. Anyone the system knows may subscribe,
 * and only for themself: the OPENID is the trusted caller, never an input.
 */
export const messages = defineFunction('messages', messagesContract, {
  templates: {
    permission: 'messages.subscribe',
    handle: async (input) => ({
      templates: input.kinds.flatMap((kind) => {
        const templateId = templateIdOf(kind)
        return templateId ? [{ kind, templateId, purpose: MESSAGE_KINDS[kind].purpose }] : []
      }),
    }),
  },
  subscribed: {
    permission: 'messages.subscribe',
    handle: async (input, ctx) => {
      await addSubscriptions(ctx.db, ctx.openid, input.kinds, ctx.now())
      return { remaining: await remainingSubscriptions(ctx.db, ctx.openid) }
    },
  },
})
