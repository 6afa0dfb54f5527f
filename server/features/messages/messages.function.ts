import { messagesContract } from '../../../src/domain/contracts/messages.contract'
import { AppError } from '../../../src/domain/errors'
import { MESSAGE_KINDS, type MessageKind } from '../../../src/domain/message-kinds'
import { kindsForRoles, receives } from '../../../src/domain/message-recipients'
import type { Principal } from '../../../src/domain/roles'
import { defineFunction } from '../../kernel/function-def'
import { sentTo } from '../../messages/sent-list'
import { addSubscriptions, remainingSubscriptions } from '../../messages/subscriptions'
import { templateIdOf } from '../../messages/templates'

/**
 * A user's own one-time subscriptions. Anyone the system knows may subscribe,
 * and only for themself: the OPENID is the trusted caller, never an input.
 * Only to the kinds their roles receive (src/domain/message-recipients.ts):
 * a subscription to any other would never be used.
 */

const rolesOf = (principal: Principal) => principal.grants.map((g) => g.role)

function assertReceives(principal: Principal, kinds: readonly MessageKind[]): void {
  const roles = rolesOf(principal)
  const foreign = kinds.filter((kind) => !receives(roles, kind))
  if (foreign.length > 0) throw new AppError('MESSAGE_KIND_NOT_YOURS', undefined, { kinds: foreign })
}

export const messages = defineFunction('messages', messagesContract, {
  templates: {
    permission: 'messages.subscribe',
    handle: async (input, ctx) => {
      assertReceives(ctx.principal, input.kinds)
      return {
        templates: input.kinds.flatMap((kind) => {
          const templateId = templateIdOf(kind)
          return templateId ? [{ kind, templateId, purpose: MESSAGE_KINDS[kind].purpose }] : []
        }),
      }
    },
  },
  subscribed: {
    permission: 'messages.subscribe',
    handle: async (input, ctx) => {
      assertReceives(ctx.principal, input.kinds)
      await addSubscriptions(ctx.db, ctx.openid, input.kinds, ctx.now())
      return { remaining: await remainingSubscriptions(ctx.db, ctx.openid) }
    },
  },
  // 我的 → 消息提醒: three requests (the subscriptions; a count and a page of messages).
  reminders: {
    permission: 'messages.subscribe',
    handle: async (input, ctx) => {
      const [remaining, sent] = await Promise.all([remainingSubscriptions(ctx.db, ctx.openid), sentTo(ctx.db, ctx.openid, input)])
      const kinds = kindsForRoles(rolesOf(ctx.principal)).map((kind) => {
        const def = MESSAGE_KINDS[kind]
        const templateId = templateIdOf(kind)
        return { kind, title: def.title, purpose: def.purpose, templateId, configured: templateId !== '', remaining: Math.max(0, remaining[kind] ?? 0) }
      })
      return { kinds, sent }
    },
  },
})
