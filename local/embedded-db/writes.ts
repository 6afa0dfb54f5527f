import type { Doc } from './ejson'
import { encodeDoc } from './ejson'
import { duplicateKey, type EngineError } from './errors'
import { assertStorable } from './field-names'
import { idKey } from './ids'
import type { IndexRegistry } from './index-registry'
import type { SnapshotLog } from './snapshot-log'
import type { Row, SqliteStore } from './storage'

// Every row write goes through here: it refuses names the cloud cannot
// store, records the pre-image for open transactions and turns SQLite's
// unique-constraint failures into the cloud's duplicate-key error. Callers run
// inside a write transaction and pass the sequence number of that transaction.

/** A transaction's buffered write of one document (doc null = remove). */
export interface PendingWrite {
  collection: string
  key: string
  doc: Doc | null
}

interface SqliteLikeError {
  code?: string
  message?: string
}

function describeKey(doc: Doc, fields: string[]): string {
  const pick = (path: string): unknown => path.split('.').reduce<unknown>((value, part) => (value && typeof value === 'object' ? (value as Doc)[part] : undefined), doc)
  return `{ ${fields.map((field) => `${field}: ${JSON.stringify(pick(field) ?? null)}`).join(', ')} }`
}

export class Writer {
  constructor(
    private readonly store: SqliteStore,
    private readonly indexes: IndexRegistry,
    private readonly log: SnapshotLog,
  ) {}

  private duplicate(collection: string, doc: Doc, error: unknown): EngineError | undefined {
    const { code, message = '' } = error as SqliteLikeError
    if (code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || (code === 'SQLITE_CONSTRAINT_UNIQUE' && /\.id$/.test(message))) {
      return duplicateKey(collection, '_id_', describeKey(doc, ['_id']))
    }
    if (code !== 'SQLITE_CONSTRAINT_UNIQUE') return undefined
    const sqlName = /index '([^']+)'/.exec(message)?.[1] ?? ''
    const spec = this.indexes.specBySqlName(collection, sqlName)
    return duplicateKey(collection, spec?.name ?? sqlName, describeKey(doc, spec ? Object.keys(spec.keys) : []))
  }

  private guard(collection: string, doc: Doc, write: () => void): void {
    try {
      write()
    } catch (error) {
      throw this.duplicate(collection, doc, error) ?? error
    }
  }

  insert(collection: string, doc: Doc, seq: number): Row {
    assertStorable(doc)
    const row: Row = { id: idKey(doc._id), doc: encodeDoc(doc), version: seq }
    this.guard(collection, doc, () => this.store.insertRow(collection, row))
    this.log.record(collection, row.id, undefined, seq)
    return row
  }

  replace(collection: string, before: Row, doc: Doc, seq: number): Row {
    assertStorable(doc)
    const row: Row = { id: before.id, doc: encodeDoc(doc), version: seq }
    this.guard(collection, doc, () => this.store.updateRow(collection, row))
    this.log.record(collection, row.id, before, seq)
    return row
  }

  remove(collection: string, before: Row, seq: number): void {
    this.store.deleteRow(collection, before.id)
    this.log.record(collection, before.id, before, seq)
  }

  /** Applies a transaction's buffered write at commit. */
  apply(pending: PendingWrite, seq: number): void {
    const before = this.store.getRow(pending.collection, pending.key)
    if (pending.doc === null) {
      if (before) this.remove(pending.collection, before, seq)
    } else if (before) this.replace(pending.collection, before, pending.doc, seq)
    else this.insert(pending.collection, pending.doc, seq)
  }

  /**
   * Applies `writes` on top of the committed data in a SQLite transaction that
   * is always rolled back: the unique indexes' verdict on a transaction's
   * writes so far, at the write, without applying or logging anything.
   */
  probe(writes: Iterable<PendingWrite>): void {
    const rolledBack = new Error('embedded-db: probe rolled back')
    try {
      this.store.db.transaction(() => {
        for (const { collection, key, doc } of writes) {
          if (doc === null) {
            this.store.deleteRow(collection, key)
            continue
          }
          const row: Row = { id: key, doc: encodeDoc(doc), version: 0 }
          const exists = this.store.getRow(collection, key) !== undefined
          this.guard(collection, doc, () => (exists ? this.store.updateRow(collection, row) : this.store.insertRow(collection, row)))
        }
        throw rolledBack
      })()
    } catch (error) {
      if (error !== rolledBack) throw error
    }
  }
}
