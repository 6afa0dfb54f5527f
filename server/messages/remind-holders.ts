import type { MessageKind } from '../../src/domain/message-kinds'
import type { Role } from '../../src/domain/roles'
import type { Database } from '../kernel/database'
import { scanAll } from '../db/read'
import type { UserDoc } from '../db/users'
import { sendMessage, type OutgoingMessage } from './send-message'

// The timers' reminders all go to the holders of one role on a set of places
// (the staff of some communities, the secretaries or liaisons of some units):
// one query finds them whatever their number, then each of their grants on
// those places gets its messages. A grant on two places reminds for each; the
// message keys make a later run with the same key send nothing.

export interface Holders {
  role: Extract<Role, 'staff' | 'secretary' | 'liaison'>
  /** The scope field the places are named by. */
  scope: 'communityId' | 'unitId'
  /** The places; null: every holder of the role, whatever the place. */
  ids: string[] | null
}

/**
 * Sends what `messagesOf(placeId, openid)` returns (none, one or several) to
 * each holder of the role on each of the places, in turn. Returns how many
 * were not duplicates (sent, or recorded as not sent).
 */
export async function remindHolders<K extends MessageKind>(
  ctx: { db: Database; now: () => Date },
  holders: Holders,
  messagesOf: (placeId: string, openid: string) => OutgoingMessage<K> | OutgoingMessage<K>[] | null,
): Promise<number> {
  if (holders.ids?.length === 0) return 0
  const _ = ctx.db.command
  const places = holders.ids === null ? null : new Set(holders.ids)
  const match = places === null ? { role: holders.role } : { role: holders.role, [`scope.${holders.scope}`]: _.in([...places]) }
  // Only grants of the role: members and residents hold community-scoped grants too.
  const users = await scanAll<UserDoc>(ctx.db, 'users', { grants: _.elemMatch(match) }, { fields: { openid: true, grants: true } })
  let messages = 0
  for (const user of users) {
    for (const grant of user.grants) {
      const placeId = grant.role === holders.role ? grant.scope[holders.scope] : undefined
      if (!placeId || (places && !places.has(placeId))) continue
      const out = messagesOf(placeId, user.openid)
      for (const message of out === null ? [] : Array.isArray(out) ? out : [out]) {
        const outcome = await sendMessage(ctx.db, message, ctx.now())
        if (outcome.status !== 'duplicate') messages++
      }
    }
  }
  return messages
}
