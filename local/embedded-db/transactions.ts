import { randomBytes } from 'node:crypto'
import type { Doc } from './ejson'
import { decodeStored } from './ejson'
import type { DocAccess } from './doc-ops'
import { duplicateKey, requestFailed, transactionConflict } from './errors'
import { idKey } from './ids'
import type { SnapshotLog } from './snapshot-log'
import type { Row, SqliteStore } from './storage'
import type { Writer } from './writes'

// Transactions with snapshot isolation and first-committer-wins: a transaction
// reads the database as of its start plus its own writes, buffers its writes,
// and at commit fails with DATABASE_TRANSACTION_CONFLICT (applying nothing)
// if any document it wrote was committed by someone else after it started.
// That is the code @cloudbase/database's runTransaction retries on.

interface Pending {
  collection: string
  key: string
  doc: Doc | null
}

interface Transaction {
  id: string
  startSeq: number
  writes: Map<string, Pending>
  /** Version of each touched document in the snapshot (null = absent). */
  seen: Map<string, number | null>
}

function slot(collection: string, key: string): string {
  return `${collection}\u0000${key}`
}

export class TransactionManager {
  private readonly open = new Map<string, Transaction>()

  constructor(
    private readonly store: SqliteStore,
    private readonly writer: Writer,
    private readonly log: SnapshotLog,
  ) {}

  start(): string {
    const id = `txn_${randomBytes(12).toString('hex')}`
    const startSeq = this.store.currentSeq()
    this.open.set(id, { id, startSeq, writes: new Map(), seen: new Map() })
    this.log.open(id, startSeq)
    return id
  }

  private get(id: string): Transaction {
    const transaction = this.open.get(id)
    if (!transaction) throw requestFailed(`[TransactionNotExist] transaction ${id} does not exist or has already ended`)
    return transaction
  }

  /** Checks the id belongs to an open transaction. */
  assertOpen(id: string): void {
    this.get(id)
  }

  private snapshotRow(transaction: Transaction, collection: string, key: string): Row | undefined {
    const logged = this.log.asOf(collection, key, transaction.startSeq)
    const row = logged.found ? logged.row : this.store.getRow(collection, key)
    const at = slot(collection, key)
    if (!transaction.seen.has(at)) transaction.seen.set(at, row ? row.version : null)
    return row
  }

  /** The transaction's view of the database, for the single-document operations. */
  access(id: string): DocAccess {
    const transaction = this.get(id)
    const read = (collection: string, key: string): Doc | undefined => {
      const pending = transaction.writes.get(slot(collection, key))
      if (pending) return pending.doc ? structuredClone(pending.doc) : undefined
      const row = this.snapshotRow(transaction, collection, key)
      return row ? decodeStored(row.doc) : undefined
    }
    const put = (collection: string, key: string, doc: Doc | null) => {
      transaction.writes.set(slot(collection, key), { collection, key, doc: doc && structuredClone(doc) })
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
    this.open.delete(id)
    try {
      this.store.immediate(() => {
        for (const [at, pending] of transaction.writes) {
          const version = this.store.getRow(pending.collection, pending.key)?.version ?? null
          const expected = transaction.seen.get(at) ?? null
          if (version !== expected || (version !== null && version > transaction.startSeq)) throw transactionConflict(id)
        }
        if (transaction.writes.size === 0) return
        const seq = this.store.nextSeq()
        for (const pending of transaction.writes.values()) {
          const before = this.store.getRow(pending.collection, pending.key)
          if (pending.doc === null) {
            if (before) this.writer.remove(pending.collection, before, seq)
          } else if (before) this.writer.replace(pending.collection, before, pending.doc, seq)
          else this.writer.insert(pending.collection, pending.doc, seq)
        }
      })
    } finally {
      this.log.close(id)
    }
  }

  abort(id: string): void {
    this.get(id)
    this.open.delete(id)
    this.log.close(id)
  }

  /** Ends every open transaction (engine shutdown). */
  abortAll(): void {
    for (const id of [...this.open.keys()]) this.abort(id)
  }
}
