import type { Database } from '../kernel/database'
import type { CollectionName } from './collections'
import { isDocumentMissing, isTransactionConflict } from './db-errors'

// The slice of the SDK's transaction object handlers use. Transactions allow
// single-document operations only (WeChat: no where() inside), so everything a
// transaction decides on must be readable by id: that is why members mirror
// their current card and report.

type Data = Record<string, unknown>

export interface TxnDoc<T> {
  get(): Promise<{ data: T }>
  set(options: { data: Data }): Promise<unknown>
  update(options: { data: Data }): Promise<unknown>
  remove(): Promise<unknown>
}

export interface Txn {
  collection(name: CollectionName): {
    doc<T = Data>(id: string): TxnDoc<T>
    add(options: { data: Data }): Promise<{ _id: string }>
  }
}

// runTransaction itself retries a conflict found at commit, but not one found
// at a write: CloudBase reports DATABASE_TRANSACTION_CONFLICT at the write that
// conflicts, and wx-server-sdk's wrapper turns that into an errMsg the SDK's
// retry does not look at. So a lost race is retried here, a few times.
const ATTEMPTS = 3

/**
 * Runs `body` in a transaction: all its writes apply together or not at all.
 * When another write to a document it writes commits first, the body runs
 * again in a new transaction, so it must read what it decides on through `t`.
 * `attempts` raises the limit where many callers contend for one document (a
 * sign-up burst); each retry waits a random moment, so the losers of one round
 * do not all collide again in the next.
 */
export async function inTransaction<T>(db: Database, body: (t: Txn) => Promise<T>, options: { attempts?: number } = {}): Promise<T> {
  const attempts = options.attempts ?? ATTEMPTS
  for (let attempt = 1; ; attempt++) {
    try {
      return (await db.runTransaction((t: Txn) => body(t))) as T
    } catch (error) {
      if (attempt >= attempts || !isTransactionConflict(error)) throw error
      if (attempts > ATTEMPTS) await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(50, attempt * 5)))
    }
  }
}

/** A document by id inside a transaction, or null when there is none (the SDK throws for that). */
export async function findInTransaction<T>(t: Txn, collection: CollectionName, id: string): Promise<T | null> {
  try {
    return (await t.collection(collection).doc<T>(id).get()).data
  } catch (error) {
    if (isDocumentMissing(error)) return null
    throw error
  }
}
