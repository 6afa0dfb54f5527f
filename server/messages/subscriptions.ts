import type { MessageKind } from '../../src/domain/message-kinds'
import type { Database } from '../kernel/database'
import { isDuplicateKey } from '../db/db-errors'
import { getRows, MAX_PAGE } from '../db/read'

// One-time subscriptions, counted by us: each tap the user accepted allows one
// message of that kind, and WeChat has no API that says how many are left.
// One document per user and kind holds the count; a send takes one with a
// conditional update, so two sends at once cannot both use the last one.

const COLLECTION = 'subscriptions'

interface UpdateResult {
  stats?: { updated?: number }
}

const idOf = (openid: string, kind: MessageKind) => `${openid}:${kind}`

async function inc(db: Database, openid: string, kind: MessageKind, by: number, now: Date, onlyIfLeft = false): Promise<boolean> {
  const _ = db.command
  const where = onlyIfLeft ? { _id: idOf(openid, kind), remaining: _.gt(0) } : { _id: idOf(openid, kind) }
  const result = (await db.collection(COLLECTION).where(where).update({ data: { remaining: _.inc(by), updatedAt: now } })) as UpdateResult
  return (result.stats?.updated ?? 0) === 1
}

/** Records that the user accepted one more message of each kind. */
export async function addSubscriptions(db: Database, openid: string, kinds: readonly MessageKind[], now: Date): Promise<void> {
  for (const kind of new Set(kinds)) {
    if (await inc(db, openid, kind, 1, now)) continue
    try {
      await db.collection(COLLECTION).add({ data: { _id: idOf(openid, kind), openid, kind, remaining: 1, updatedAt: now } })
    } catch (error) {
      // Another tap made the document first: count this one on it.
      if (!isDuplicateKey(error)) throw error
      await inc(db, openid, kind, 1, now)
    }
  }
}

/** Takes one subscription for a send; false when none is left. */
export function takeSubscription(db: Database, openid: string, kind: MessageKind, now: Date): Promise<boolean> {
  return inc(db, openid, kind, -1, now, true)
}

/** Puts back one taken for a send the platform did not deliver for a reason of ours (a bad field). */
export async function returnSubscription(db: Database, openid: string, kind: MessageKind, now: Date): Promise<void> {
  await inc(db, openid, kind, 1, now)
}

/** WeChat says none are left (43101): our count was wrong, so it starts again from zero. */
export async function clearSubscriptions(db: Database, openid: string, kind: MessageKind, now: Date): Promise<void> {
  await db.collection(COLLECTION).where({ _id: idOf(openid, kind) }).update({ data: { remaining: 0, updatedAt: now } })
}

export async function remainingSubscriptions(db: Database, openid: string): Promise<Partial<Record<MessageKind, number>>> {
  // One document per kind: far fewer than a page.
  const data = await getRows<{ kind: MessageKind; remaining: number }>(db.collection(COLLECTION).where({ openid }).limit(MAX_PAGE))
  return Object.fromEntries(data.map((d) => [d.kind, d.remaining]))
}
