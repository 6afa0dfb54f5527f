import type { Database } from '../kernel/database'
import type { CollectionName } from './collections'

// The slice of the SDK's transaction object handlers use. Transactions allow
// single-document operations only (WeChat: no where() inside), so everything a
// transaction decides on must be readable by id: that is why members mirror
// their current card and report.

type Data = Record<string, unknown>

export interface TxnDoc<T> {
  get(): Promise<{ data: T }>
  set(options: { data: Data }): Promise<unknown>
  update(options: { data: Data }): Promise<unknown>
}

export interface Txn {
  collection(name: CollectionName): {
    doc<T = Data>(id: string): TxnDoc<T>
    add(options: { data: Data }): Promise<{ _id: string }>
  }
}

/**
 * Runs `body` in a transaction: all its writes apply together or not at all.
 * The SDK retries the body (a few times) when another write to a document it
 * wrote commits first, so the body must read what it decides on through `t`.
 */
export function inTransaction<T>(db: Database, body: (t: Txn) => Promise<T>): Promise<T> {
  return db.runTransaction((t: Txn) => body(t)) as Promise<T>
}
