import { cardNoFromSequence, FIRST_CARD_SEQUENCE } from '../../../src/domain/card-no'
import type { Database } from '../../kernel/database'
import type { CardDoc } from '../../db/docs'
import { isDocumentMissing, isDuplicateKey } from '../../db/db-errors'
import { getRows } from '../../db/read'
import type { Txn } from '../../db/transaction'

// 联系证号 come from one counter document in `meta`, taken inside the issuing
// transaction: two issues at once conflict on the counter and the SDK retries
// one of them, so no number is handed out twice (cards.cardNo is also unique).

const COUNTER_ID = 'card-counter'

interface Counter {
  _id: string
  next: number
}

/** Creates the counter on first use (issueCard calls it when its transaction found none), after any card already stored (seeded or restored data). */
export async function ensureCardCounter(db: Database): Promise<void> {
  const [existing] = await getRows<Counter>(db.collection('meta').where({ _id: COUNTER_ID }).limit(1))
  if (existing) return
  const [last] = await getRows<CardDoc>(db.collection('cards').orderBy('sequence', 'desc').limit(1))
  const next = Math.max(FIRST_CARD_SEQUENCE, (last?.sequence ?? 0) + 1)
  try {
    await db.collection('meta').add({ data: { _id: COUNTER_ID, next } })
  } catch (error) {
    if (!isDuplicateKey(error)) throw error // another issue created it first
  }
}

/** Thrown inside the issuing transaction before the counter exists. */
export class CounterMissing extends Error {}

export async function takeCardNumber(t: Txn): Promise<{ sequence: number; cardNo: string }> {
  let counter: Counter
  try {
    counter = (await t.collection('meta').doc<Counter>(COUNTER_ID).get()).data
  } catch (error) {
    if (isDocumentMissing(error)) throw new CounterMissing()
    throw error
  }
  await t.collection('meta').doc(COUNTER_ID).update({ data: { next: counter.next + 1 } })
  return { sequence: counter.next, cardNo: cardNoFromSequence(counter.next) }
}

/** A card's id names its member and serial, so a transaction can reach the previous card by id. */
export function cardId(memberId: string, serial: number): string {
  return `card-${memberId}-${serial}`
}
