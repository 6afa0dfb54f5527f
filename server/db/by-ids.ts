import type { Database } from '../kernel/database'
import { scan } from './read'

/** Documents by id, for a list of ids of any length (100 ids per query, each query paged). */
export async function docsByIds<T extends { _id: string }>(
  db: Database,
  collection: string,
  ids: readonly string[],
  fields?: Record<string, boolean>,
): Promise<Map<string, T>> {
  const _ = db.command
  const unique = [...new Set(ids.filter(Boolean))]
  const found = new Map<string, T>()
  for (let i = 0; i < unique.length; i += 100) {
    for await (const page of scan<T>(db, collection, { _id: _.in(unique.slice(i, i + 100)) }, { fields })) {
      for (const doc of page) found.set(doc._id, doc)
    }
  }
  return found
}
