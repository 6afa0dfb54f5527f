import type { Ctx, Reply } from './actions'
import { modifyOne, removeOne } from './doc-ops'
import { decodeObject, encodeDoc } from './ejson'
import { invalidParam } from './errors'
import { idKey, isDocId } from './ids'
import * as p from './params'
import type { Params } from './params'
import { isOperatorUpdate } from './updates'

// The transaction lifecycle actions, plus the three document actions of the
// older Transaction class (@cloudbase/database/transaction.js), which replies
// with EJSON strings at the top level rather than under `data`. Document
// operations of the current API (transaction.collection().doc()) arrive as
// ordinary actions carrying a transactionId and are handled in actions.ts.

function transactionId(params: Params): string {
  const id = p.optionalString(params, 'transactionId')
  if (id === undefined) throw invalidParam('transactionId is required')
  return id
}

function documentId(params: Params): string | number {
  if (!isDocId(params._id)) throw invalidParam('_id must be a string or a number')
  return params._id
}

export function startTransaction(ctx: Ctx): Reply {
  return { transactionId: ctx.txns.start() }
}

export function commitTransaction(ctx: Ctx, params: Params): Reply {
  ctx.txns.commit(transactionId(params))
  return {}
}

export function abortTransaction(ctx: Ctx, params: Params): Reply {
  ctx.txns.abort(transactionId(params))
  return {}
}

export function getInTransaction(ctx: Ctx, params: Params): Reply {
  const collection = p.collectionName(params)
  ctx.requireCollection(collection)
  const doc = ctx.txns.run(transactionId(params), (access) => access.read(collection, idKey(documentId(params))))
  return { data: doc ? encodeDoc(doc) : 'null' }
}

export function updateDocInTransaction(ctx: Ctx, params: Params, now: number): Reply {
  const collection = p.collectionName(params)
  ctx.requireCollection(collection)
  const id = documentId(params)
  const data = decodeObject(params.data, now, 'data')
  const result = ctx.txns.run(transactionId(params), (access) =>
    modifyOne(access, collection, { id, data, merge: isOperatorUpdate(data), upsert: p.flag(params, 'upsert', false), query: { _id: id } }),
  )
  return {
    updated: JSON.stringify(result.updated),
    upserted: result.upsertId === undefined ? undefined : JSON.stringify([{ _id: result.upsertId }]),
  }
}

export function deleteDocInTransaction(ctx: Ctx, params: Params): Reply {
  const collection = p.collectionName(params)
  ctx.requireCollection(collection)
  const deleted = ctx.txns.run(transactionId(params), (access) => removeOne(access, collection, documentId(params)))
  return { deleted: JSON.stringify(deleted) }
}
