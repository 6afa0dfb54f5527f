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
