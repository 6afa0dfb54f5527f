import { afterFailure, lockedUntil, minutesLeft, NO_ATTEMPTS, type AttemptRecord } from '../../src/domain/attempt-limit'
import { AppError } from '../../src/domain/errors'
import type { FunctionContext } from '../kernel/function-def'
import { isDuplicateKey } from '../db/db-errors'
import { getRows } from '../db/read'
import { inTransaction } from '../db/transaction'

// Failed proofs, counted per key in `attempts` (one document per key, so the
// count survives restarts and is shared by every function instance). The
// rules are src/domain/attempt-limit.ts; this file loads and applies them.

interface AttemptDoc extends AttemptRecord {
  _id: string
}

function lockedError(until: Date, now: Date): AppError {
  return new AppError('TOO_MANY_ATTEMPTS', `核对失败次数过多，请${minutesLeft(until, now)}分钟后再试`, { lockedUntil: until.toISOString() })
}

/** Refuses at once, before anything is looked up, while the key is locked. */
export async function assertNotLocked(ctx: FunctionContext, key: string): Promise<void> {
  const [doc] = await getRows<AttemptDoc>(ctx.db.collection('attempts').where({ _id: key }).limit(1))
  const now = ctx.now()
  const until = doc ? lockedUntil(doc, now) : null
  if (until) throw lockedError(until, now)
}

/**
 * Counts one failure. Returns the error to answer with: `failure` itself, or
 * TOO_MANY_ATTEMPTS when this failure reached the limit.
 */
export async function countFailure(ctx: FunctionContext, key: string, failure: AppError): Promise<AppError> {
  const { db } = ctx
  const now = ctx.now()
  // A transaction can only read a document that exists: create it first (a racing failure may have).
  try {
    await db.collection('attempts').add({ data: { _id: key, ...NO_ATTEMPTS } })
  } catch (error) {
    if (!isDuplicateKey(error)) throw error
  }
  // Two failures at once conflict on the document and the SDK re-runs one: none is lost.
  const next = await inTransaction(db, async (t) => {
    const record = (await t.collection('attempts').doc<AttemptDoc>(key).get()).data
    const planned = afterFailure(record, now)
    await t.collection('attempts').doc(key).set({ data: { ...planned } })
    return planned
  })
  const until = lockedUntil(next, now)
  return until ? lockedError(until, now) : failure
}
