import type { Database } from '../kernel/database'
import { getRows } from './read'

export type NamedCollection = 'districts' | 'streets' | 'communities' | 'units' | 'members' | 'branches'

/** Looks up display names for a handful of ids (a user's grants, a page of rows). */
export async function namesOf(db: Database, collection: NamedCollection, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter(Boolean))]
  const names = new Map<string, string>()
  // `_.in` with up to 100 ids per call keeps each get() under its 100-row default.
  for (let i = 0; i < unique.length; i += 100) {
    const chunk = unique.slice(i, i + 100)
    const query = db.collection(collection).where({ _id: db.command.in(chunk) }).field({ _id: true, name: true }).limit(100)
    for (const row of await getRows<{ _id: string; name: string }>(query)) names.set(row._id, row.name)
  }
  return names
}
