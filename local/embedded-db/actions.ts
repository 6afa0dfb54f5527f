import { aggregate } from './aggregate'
import { DirectAccess, modifyOne, removeOne, type DocAccess } from './doc-ops'
import type { Doc } from './ejson'
import { decodeObject, encodeDoc } from './ejson'
import { EngineError, ErrorCode, invalidOperator, invalidParam } from './errors'
import { generateId, idKey, isDocId } from './ids'
import type { IndexRegistry } from './index-registry'
import { checkOffset, clampGetLimit } from './limits'
import { arrange } from './mingo-run'
import * as p from './params'
import type { Params } from './params'
import type { QueryRunner } from './query-exec'
import type { SqliteStore } from './storage'
import type { TransactionManager } from './transactions'
import { applyUpdate, changed } from './updates'
import type { Writer } from './writes'

// One function per builder action. Each returns the reply's fields besides
// requestId; the shapes are the ones @cloudbase/database reads back
// (res.data.list, res.data.insertedIds, res.data.updated, res.transactionId, ...).

export interface Ctx {
  store: SqliteStore
  indexes: IndexRegistry
  writer: Writer
  queries: QueryRunner
  txns: TransactionManager
  requireCollection(name: string): void
}

export type Reply = Record<string, unknown>

const DOC = 'DOC'

function rejectWhereInTransaction(params: Params): void {
  if (p.optionalString(params, 'transactionId') !== undefined && params.queryType !== DOC) {
    throw invalidOperator('a transaction only allows single-document operations (doc(id).get/set/update/remove and add); where() queries are not supported in transactions')
  }
}

function docId(query: Doc): unknown {
  if (!isDocId(query._id)) throw invalidParam('a document operation needs a string or number _id')
  return query._id
}

/**
 * Runs a non-transactional write in one SQLite write transaction. Like MongoDB,
 * a multi-document write is not atomic: documents written before a failure
 * stay written, and the failure is reported.
 */
function writeBatch<T>(ctx: Ctx, body: (access: DirectAccess, seq: number) => T): T {
  let failure: unknown
  let result: T | undefined
  ctx.store.immediate(() => {
    const seq = ctx.store.nextSeq()
    try {
      result = body(new DirectAccess(ctx.store, ctx.writer, seq), seq)
    } catch (error) {
      failure = error
    }
  })
  if (failure !== undefined) throw failure
  return result as T
}

function accessFor(ctx: Ctx, params: Params, body: (access: DocAccess) => Reply): Reply {
  const transactionId = p.optionalString(params, 'transactionId')
  if (transactionId !== undefined) return ctx.txns.run(transactionId, body)
  return writeBatch(ctx, (access) => body(access))
}

export function getDocument(ctx: Ctx, params: Params, now: number): Reply {
  rejectWhereInTransaction(params)
  const collection = p.collectionName(params)
  ctx.requireCollection(collection)
  const query = p.query(params, now)
  const projection = p.projection(params, now)
  const transactionId = p.optionalString(params, 'transactionId')
  if (transactionId !== undefined) {
    const doc = ctx.txns.run(transactionId, (access) => access.read(collection, idKey(docId(query))))
    const list = doc ? arrange([doc], { projection }) : []
    return { data: { list: list.map(encodeDoc) } }
  }
  const limit = clampGetLimit(params.limit)
  const offset = checkOffset(params.offset)
  const docs = ctx.queries.page(collection, query, { sort: p.sortSpec(params, now), offset, limit, projection })
  return { data: { list: docs.map(encodeDoc), limit, offset } }
}

export function calculateDocument(ctx: Ctx, params: Params, now: number): Reply {
  rejectWhereInTransaction(params)
  const collection = p.collectionName(params)
  ctx.requireCollection(collection)
  return { data: { total: ctx.queries.count(collection, p.query(params, now)) } }
}

function decodeInserts(params: Params, now: number): Doc[] {
  const data = Array.isArray(params.data) ? params.data : [params.data]
  if (data.length === 0) throw invalidParam('nothing to insert')
  return data.map((item) => {
    const doc = decodeObject(item, now, 'document')
    if (doc._id === undefined) return { _id: generateId(), ...doc }
    if (!isDocId(doc._id)) throw invalidParam('_id must be a string or a number')
    return doc
  })
}

export function insertDocument(ctx: Ctx, params: Params, now: number): Reply {
  const collection = p.collectionName(params)
  ctx.requireCollection(collection)
  const docs = decodeInserts(params, now)
  const insertedIds: unknown[] = []
  return accessFor(ctx, params, (access) => {
    for (const doc of docs) {
      access.insert(collection, doc)
      insertedIds.push(doc._id)
    }
    return { data: { insertedIds } }
  })
}

/** Matches are read inside the write transaction, so no other writer can slip in between. */
function matching(ctx: Ctx, collection: string, query: Doc, multi: boolean) {
  if (multi) return ctx.queries.all(collection, query)
  const first = ctx.queries.first(collection, query)
  return first ? [first] : []
}

function decodeUpdate(params: Params, now: number): Doc {
  return decodeObject(params.data, now, 'data')
}

export function modifyDocument(ctx: Ctx, params: Params, now: number): Reply {
  rejectWhereInTransaction(params)
  const collection = p.collectionName(params)
  ctx.requireCollection(collection)
  const query = p.query(params, now)
  const data = decodeUpdate(params, now)
  if (params.queryType === DOC) {
    const merge = p.flag(params, 'merge', true)
    const upsert = p.flag(params, 'upsert', false)
    return accessFor(ctx, params, (access) => {
      const result = modifyOne(access, collection, { id: docId(query), data, merge, upsert, query })
      return { data: { updated: result.updated, upsert_id: result.upsertId } }
    })
  }
  // where().update(): the builder always sends merge: true and upsert: false
  // (@cloudbase/database query.js), so there is no replacement or upsert here.
  p.requireWhere(params)
  const multi = p.flag(params, 'multi', false)
  return writeBatch(ctx, (access) => {
    const matches = matching(ctx, collection, query, multi)
    let updated = 0
    for (const { doc } of matches) {
      updated += modifyOne(access, collection, { id: doc._id, data, merge: true, upsert: false, query }).updated
    }
    // Unknown operators are an error even when nothing matched.
    if (matches.length === 0) applyUpdate({ _id: '' }, data, query)
    return { data: { updated } }
  })
}

export function modifyAndReturnDoc(ctx: Ctx, params: Params, now: number): Reply {
  rejectWhereInTransaction(params)
  const collection = p.collectionName(params)
  ctx.requireCollection(collection)
  p.requireWhere(params)
  const query = p.query(params, now)
  const data = decodeUpdate(params, now)
  return writeBatch(ctx, (access) => {
    const match = ctx.queries.first(collection, query)
    if (!match) {
      applyUpdate({ _id: '' }, data, query) // still rejects unknown operators
      return { data: { updated: 0, doc: null } }
    }
    const after = applyUpdate(match.doc, data, query)
    if (!changed(match.doc, after)) return { data: { updated: 0, doc: encodeDoc(after) } }
    access.replace(collection, after)
    return { data: { updated: 1, doc: encodeDoc(after) } }
  })
}

export function removeDocument(ctx: Ctx, params: Params, now: number): Reply {
  rejectWhereInTransaction(params)
  const collection = p.collectionName(params)
  ctx.requireCollection(collection)
  const query = p.query(params, now)
  if (params.queryType === DOC) {
    return accessFor(ctx, params, (access) => ({ data: { deleted: removeOne(access, collection, docId(query)) } }))
  }
  p.requireWhere(params)
  const multi = p.flag(params, 'multi', false)
  return writeBatch(ctx, (access) => {
    const matches = matching(ctx, collection, query, multi)
    let deleted = 0
    for (const { doc } of matches) deleted += removeOne(access, collection, doc._id)
    return { data: { deleted } }
  })
}

export function aggregateDocuments(ctx: Ctx, params: Params, now: number): Reply {
  const collection = p.collectionName(params)
  ctx.requireCollection(collection)
  return { data: aggregate(ctx.store, ctx.indexes, collection, params.stages, now) }
}

export function addCollection(ctx: Ctx, params: Params): Reply {
  const collection = p.collectionName(params)
  if (ctx.store.hasCollection(collection)) {
    throw new EngineError(ErrorCode.COLLECTION_ALREADY_EXIST, `[${ErrorCode.COLLECTION_ALREADY_EXIST}] collection ${collection} already exists`)
  }
  ctx.store.createCollection(collection)
  return {}
}

