import type { Database } from '../kernel/database'

// Typed writes. The SDK's typings return `Promise | void | string` (callback
// overloads); these narrow them, as read.ts does for reads.

type Data = Record<string, unknown>

export async function addDoc(db: Database, collection: string, data: Data): Promise<string> {
  const result = (await db.collection(collection).add({ data })) as { _id: string }
  return result._id
}

/** Several documents in one request (the SDK's `add` takes an array); their ids in order. */
export async function addDocs(db: Database, collection: string, docs: Data[]): Promise<string[]> {
  const result = (await db.collection(collection).add({ data: docs as unknown as Data })) as unknown as { _ids: string[] }
  return result._ids
}

export async function updateDoc(db: Database, collection: string, id: string, data: Data): Promise<number> {
  const result = (await db.collection(collection).doc(id).update({ data })) as { stats?: { updated?: number } }
  return result.stats?.updated ?? 0
}

type WhereFilter = Parameters<ReturnType<Database['collection']>['where']>[0]

interface BuilderQuery {
  where(filter: WhereFilter): { updateAndReturn(data: Data): Promise<{ updated?: number; doc?: unknown }> }
}

/**
 * Updates the first document matching `filter` and returns it as it is after
 * the update, in one request the server applies atomically (the action
 * database.modifyAndReturnDoc): two callers never see the same state. Not in a
 * transaction (a transaction takes no where()). wx-server-sdk 4.0.2's wrapper
 * does not expose it; the @cloudbase/database query under it (`_collection`)
 * does, and test/db-contract/update-and-return.test.ts holds the engine to it.
 */
export async function updateAndReturn<T>(db: Database, collection: string, filter: WhereFilter, data: Data): Promise<T | null> {
  const builder = (db.collection(collection) as unknown as { _collection: BuilderQuery })._collection
  const result = await builder.where(filter).updateAndReturn(data)
  return (result.doc as T | undefined) ?? null
}
