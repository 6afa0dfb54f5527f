import type { Database } from '../kernel/database'

// Typed reads that never stop at the platform's page size. The SDK's typings
// return `Promise | void | string` (callback overloads); these narrow them.

type Collection = ReturnType<Database['collection']>
export type Query = Collection | ReturnType<Collection['where']>
type Filter = Parameters<Collection['where']>[0]

interface QueryResult {
  data: unknown[]
}

/** The largest page a cloud function may read in one get(). */
export const MAX_PAGE = 1000

export async function getRows<T>(query: { get(): unknown }): Promise<T[]> {
  return ((await query.get()) as QueryResult).data as T[]
}

export async function countOf(query: { count(): unknown }): Promise<number> {
  return ((await query.count()) as { total: number }).total
}

/**
 * Every document matching `filter`, page by page in `_id` order (keyset paging:
 * each page starts after the last id seen, so a page costs the same at any depth).
 */
export async function* scan<T extends { _id: string }>(
  db: Database,
  collection: string,
  filter: Filter = {},
  options: { fields?: Record<string, boolean>; pageSize?: number } = {},
): AsyncGenerator<T[]> {
  const _ = db.command
  const pageSize = Math.min(options.pageSize ?? MAX_PAGE, MAX_PAGE)
  let after: string | undefined
  for (;;) {
    const where = after === undefined ? filter : _.and([filter, { _id: _.gt(after) }])
    let query = db.collection(collection).where(where).orderBy('_id', 'asc').limit(pageSize)
    if (options.fields) query = query.field({ ...options.fields, _id: true })
    const page = await getRows<T>(query)
    if (page.length > 0) yield page
    if (page.length < pageSize) return
    after = page[page.length - 1]!._id
  }
}

export async function scanAll<T extends { _id: string }>(...args: Parameters<typeof scan<T>>): Promise<T[]> {
  const all: T[] = []
  for await (const page of scan<T>(...args)) all.push(...page)
  return all
}

/**
 * Counts of the documents matching `filter`, grouped by `field`, every group:
 * the grouped rows are paged in `_id` order, so a result of any size arrives
 * whole (an aggregate returns 20 rows unless limited).
 */
export async function countBy(db: Database, collection: string, filter: Filter, field: string): Promise<Map<string, number>> {
  const $ = db.command.aggregate
  const counts = new Map<string, number>()
  for (let skip = 0; ; skip += MAX_PAGE) {
    const result = (await db
      .collection(collection)
      .aggregate()
      .match(filter)
      .group({ _id: `$${field}`, n: $.sum(1) })
      .sort({ _id: 1 })
      .skip(skip)
      .limit(MAX_PAGE)
      .end()) as { list: Array<{ _id: string; n: number }> }
    for (const row of result.list) counts.set(row._id, row.n)
    if (result.list.length < MAX_PAGE) return counts
  }
}

/**
 * One page of the documents matching `filter`, in `orderBy` order (ties by
 * `_id`), and how many match in all: a list a person pages through.
 */
export async function readPage<T>(
  db: Database,
  collection: string,
  filter: Filter,
  orderBy: [field: string, direction: 'asc' | 'desc'],
  paging: { page: number; pageSize: number },
): Promise<{ docs: T[]; total: number }> {
  const [total, docs] = await Promise.all([
    countOf(db.collection(collection).where(filter)),
    getRows<T>(
      db
        .collection(collection)
        .where(filter)
        .orderBy(...orderBy)
        .orderBy('_id', 'asc')
        .skip((paging.page - 1) * paging.pageSize)
        .limit(paging.pageSize),
    ),
  ])
  return { docs, total }
}
