import { cardNoFromSequence, FIRST_CARD_SEQUENCE } from '../../../src/domain/card-no'
import type { Database } from '../../kernel/database'
import type { CardDoc } from '../../db/docs'
import { isDuplicateKey } from '../../db/db-errors'
import { getRows } from '../../db/read'
import { updateAndReturn } from '../../db/write'

// 联系证号 come from one counter document in `meta`, advanced by one atomic
// update-and-return outside the issuing transaction (a transaction takes no
// where()): two issues at once never get the same number (cards.cardNo is also
// unique), and the counter is not written by the transaction, so issues do
// not conflict on it and it costs one request, not two. A number taken by an
// issue whose transaction then fails is never used: card numbers may have
// gaps, which is fine, as they name a card and count nothing.

const COUNTER_ID = 'card-counter'

interface Counter {
  _id: string
  next: number
}

/** Creates the counter on first use, after any card already stored (seeded or restored data). */
async function ensureCardCounter(db: Database): Promise<void> {
  const [last] = await getRows<CardDoc>(db.collection('cards').orderBy('sequence', 'desc').limit(1))
  const next = Math.max(FIRST_CARD_SEQUENCE, (last?.sequence ?? 0) + 1)
  try {
    await db.collection('meta').add({ data: { _id: COUNTER_ID, next } })
  } catch (error) {
    if (!isDuplicateKey(error)) throw error // another issue created it first
  }
}

const advance = (db: Database) => updateAndReturn<Counter>(db, 'meta', { _id: COUNTER_ID }, { next: db.command.inc(1) })

/** The next card number; an issue takes it once, and keeps it when its transaction runs again. */
export async function takeCardNumber(db: Database): Promise<{ sequence: number; cardNo: string }> {
  let counter = await advance(db)
  if (!counter) {
    // The first card ever: the counter is made once, then taken from.
    await ensureCardCounter(db)
    counter = await advance(db)
    if (!counter) throw new Error('card counter missing after it was created')
  }
  const sequence = counter.next - 1
  return { sequence, cardNo: cardNoFromSequence(sequence) }
}

/** A card's id names its member and serial, so a transaction can reach the previous card by id. */
export function cardId(memberId: string, serial: number): string {
  return `card-${memberId}-${serial}`
}
