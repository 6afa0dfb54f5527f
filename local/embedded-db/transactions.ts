import { randomBytes } from 'node:crypto'
import type { Doc } from './ejson'
import { decodeStored } from './ejson'
import type { DocAccess } from './doc-ops'
import { duplicateKey, transactionConflict, transactionNotExist } from './errors'
import { assertStorable } from './field-names'
import { idKey } from './ids'
import { TRANSACTION_LIFETIME_MS } from './limits'
import type { SnapshotLog } from './snapshot-log'
import type { Row, SqliteStore } from './storage'
import type { PendingWrite, Writer } from './writes'

// Transactions as CloudBase's MongoDB runs them: snapshot isolation, writes
// buffered until commit, and every refusal reported at the write that causes
// it. A write fails with DATABASE_TRANSACTION_CONFLICT when the document was
// committed by someone else after the transaction started or is held by
// another open transaction (the first writer holds a document until it ends),
// and with the duplicate-key error when it would break a unique index; either
// failure, like any failed operation, aborts the transaction, as MongoDB does.
// (@cloudbase/database's runTransaction retries a conflict in a new
// transaction without aborting the old one, so the engine must.) Commit checks
// once more, for writes made outside any transaction meanwhile. A transaction
// still open TRANSACTION_LIFETIME_MS after its start is aborted, and anything
// used after it ended fails with DATABASE_TRANSACTION_FAIL.

interface Transaction {
  id: string
  startSeq: number
  startedAt: number
  writes: Map<string, PendingWrite>
  /** Version of each touched document in the snapshot (null = absent). */
  seen: Map<string, number | null>
}

function slot(collection: string, key: string): string {
  return `${collection}\u0000${key}`
}

export class TransactionManager {
  private readonly open = new Map<string, Transaction>()
  /** The open transaction that has written each document: MongoDB's write lock. */
  private readonly holders = new Map<string, string>()

  constructor(
    private readonly store: SqliteStore,
    private readonly writer: Writer,
    private readonly log: SnapshotLog,
    private readonly clock: () => number,
  ) {}

  start(): string {
    const id = `txn_${randomBytes(12).toString('hex')}`
    const startSeq = this.store.currentSeq()
    this.open.set(id, { id, startSeq, startedAt: this.clock(), writes: new Map(), seen: new Map() })
    this.log.open(id, startSeq)
    return id
  }

  /** Aborts every transaction past the platform's lifetime, releasing its locks and snapshot. */
  expire(): void {
    const now = this.clock()
    for (const transaction of [...this.open.values()]) {
      if (now - transaction.startedAt >= TRANSACTION_LIFETIME_MS) this.end(transaction)
    }
  }

  /** Open transactions and the snapshot entries kept for them (what an abandoned transaction would leak). */
  held(): { transactions: number; locks: number; snapshotEntries: number } {
    return { transactions: this.open.size, locks: this.holders.size, snapshotEntries: this.log.size() }
  }

  private get(id: string): Transaction {
    this.expire()
    const transaction = this.open.get(id)
    if (!transaction) throw transactionNotExist()
    return transaction
  }

  private end(transaction: Transaction): void {
    if (!this.open.delete(transaction.id)) return
    for (const at of transaction.writes.keys()) {
      if (this.holders.get(at) === transaction.id) this.holders.delete(at)
    }
    this.log.close(transaction.id)
  }

  /**
   * Runs one operation of transaction `id` against its view of the database
   * (snapshot plus own writes). Any failure aborts the transaction.
   */
  run<T>(id: string, body: (access: DocAccess) => T): T {
    const transaction = this.get(id)
    try {
      return body(this.access(transaction))
    } catch (error) {
      this.end(transaction)
      throw error
    }
  }

  private snapshotRow(transaction: Transaction, collection: string, key: string): Row | undefined {
    const logged = this.log.asOf(collection, key, transaction.startSeq)
    const row = logged.found ? logged.row : this.store.getRow(collection, key)
    const at = slot(collection, key)
    if (!transaction.seen.has(at)) transaction.seen.set(at, row ? row.version : null)
    return row
  }

  /** Whether a write committed after the transaction started touched the document. */
  private changedSince(transaction: Transaction, collection: string, key: string): boolean {
    if (this.log.asOf(collection, key, transaction.startSeq).found) return true
    return (this.store.getRow(collection, key)?.version ?? 0) > transaction.startSeq
  }

  private access(transaction: Transaction): DocAccess {
    const read = (collection: string, key: string): Doc | undefined => {
      const pending = transaction.writes.get(slot(collection, key))
      if (pending) return pending.doc ? structuredClone(pending.doc) : undefined
      const row = this.snapshotRow(transaction, collection, key)
      return row ? decodeStored(row.doc) : undefined
    }
    const put = (collection: string, key: string, doc: Doc | null) => {
      const at = slot(collection, key)
      const holder = this.holders.get(at)
      if ((holder !== undefined && holder !== transaction.id) || this.changedSince(transaction, collection, key)) {
        throw transactionConflict(transaction.id)
      }
      if (doc) assertStorable(doc)
      const writes = new Map(transaction.writes).set(at, { collection, key, doc: doc && structuredClone(doc) })
      this.writer.probe(writes.values())
      transaction.writes = writes
      this.holders.set(at, transaction.id)
    }
    return {
      read,
      insert: (collection, doc) => {
        const key = idKey(doc._id)
        if (read(collection, key)) throw duplicateKey(collection, '_id_', `{ _id: ${JSON.stringify(doc._id)} }`)
        put(collection, key, doc)
      },
      replace: (collection, doc) => put(collection, idKey(doc._id), doc),
      remove: (collection, key) => put(collection, key, null),
    }
  }

  commit(id: string): void {
    const transaction = this.get(id)
    try {
      this.store.immediate(() => {
        for (const [at, pending] of transaction.writes) {
          const version = this.store.getRow(pending.collection, pending.key)?.version ?? null
          const expected = transaction.seen.get(at) ?? null
          if (version !== expected || (version !== null && version > transaction.startSeq)) throw transactionConflict(id)
        }
        if (transaction.writes.size === 0) return
        const seq = this.store.nextSeq()
        for (const pending of transaction.writes.values()) this.writer.apply(pending, seq)
      })
    } finally {
      this.end(transaction)
    }
  }

  abort(id: string): void {
    this.end(this.get(id))
  }

  /** Ends every open transaction (engine shutdown). */
  abortAll(): void {
    for (const transaction of [...this.open.values()]) this.end(transaction)
  }
}
