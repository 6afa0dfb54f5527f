import type { Doc } from './ejson'
import { decodeStored } from './ejson'
import { idKey } from './ids'
import { applyReplace, applyUpdate, changed } from './updates'
import type { SqliteStore } from './storage'
import type { Writer } from './writes'

// Single-document operations (doc(id).get/set/update/remove, add) written once
// against DocAccess, which is either the database itself or a transaction's
// snapshot-plus-own-writes view, so both paths behave identically.

export interface DocAccess {
  read(collection: string, key: string): Doc | undefined
  /** Fails with the duplicate-key error when the _id (or a unique key) exists. */
  insert(collection: string, doc: Doc): void
  /** Overwrites a document that `read` returned. */
  replace(collection: string, doc: Doc): void
  remove(collection: string, key: string): void
}

/** DocAccess straight on the store, inside the caller's write transaction at sequence `seq`. */
export class DirectAccess implements DocAccess {
  constructor(
    private readonly store: SqliteStore,
    private readonly writer: Writer,
    private readonly seq: number,
  ) {}

  read(collection: string, key: string): Doc | undefined {
    const row = this.store.getRow(collection, key)
    return row ? decodeStored(row.doc) : undefined
  }

  insert(collection: string, doc: Doc): void {
    this.writer.insert(collection, doc, this.seq)
  }

  replace(collection: string, doc: Doc): void {
    const before = this.store.getRow(collection, idKey(doc._id))
    if (before) this.writer.replace(collection, before, doc, this.seq)
    else this.writer.insert(collection, doc, this.seq)
  }

  remove(collection: string, key: string): void {
    const before = this.store.getRow(collection, key)
    if (before) this.writer.remove(collection, before, this.seq)
  }
}

export interface ModifyResult {
  updated: number
  upsertId?: unknown
}

export interface ModifyRequest {
  id: unknown
  data: Doc
  /** true: `data` is an update (operators); false: `data` replaces the document. */
  merge: boolean
  upsert: boolean
  query: Doc
}

export function modifyOne(access: DocAccess, collection: string, request: ModifyRequest): ModifyResult {
  const { id, data, merge, upsert, query } = request
  const before = access.read(collection, idKey(id))
  const after = merge ? applyUpdate(before ?? { _id: id }, data, query) : applyReplace(id, data)
  if (!before) {
    if (!upsert) return { updated: 0 }
    access.insert(collection, after)
    return { updated: 0, upsertId: id }
  }
  if (!changed(before, after)) return { updated: 0 }
  access.replace(collection, after)
  return { updated: 1 }
}

export function removeOne(access: DocAccess, collection: string, id: unknown): number {
  const key = idKey(id)
  if (!access.read(collection, key)) return 0
  access.remove(collection, key)
  return 1
}
