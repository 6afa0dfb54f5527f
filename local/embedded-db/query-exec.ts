import type { Doc } from './ejson'
import { decodeStored } from './ejson'
import { NUMBER_KEY_RANGE } from './ids'
import type { IndexRegistry } from './index-registry'
import { arrayGuard } from './index-registry'
import { arrange, compileQuery } from './mingo-run'
import { sqlSort, type SqlSort } from './sql-order'
import { pushdown, type Pushed } from './sql-pushdown'
import type { Row, SqlFilter, SqliteStore, SqlOrder } from './storage'

// Reads: SQL narrows candidates with index-served conditions, mingo decides.
// When the pushed-down WHERE is exact (see sql-pushdown.ts), SQL alone counts,
// and skips and limits a page. A sort SQL can express (sql-order.ts) streams
// in that order and stops once a page is full; any other sort collects every
// match and sorts with MongoDB's ordering in mingo.

export interface Match {
  row: Row
  doc: Doc
}

export interface PageOptions {
  sort?: Record<string, 1 | -1>
  offset: number
  limit: number
  projection?: Doc
}

function both(a: SqlFilter | null, b: SqlFilter): SqlFilter {
  return a ? { sql: `(${a.sql}) AND (${b.sql})`, params: [...a.params, ...b.params] } : b
}

export class QueryRunner {
  constructor(
    private readonly store: SqliteStore,
    private readonly indexes: IndexRegistry,
  ) {}

  private filterFor(collection: string, query: Doc): Pushed | null {
    // A guard index (index-registry.ts) serves each probe; one probe per path per query.
    const probed = new Map<string, boolean>()
    const arraysAt = (prefix: string) => {
      let found = probed.get(prefix)
      if (found === undefined) {
        found = this.store.anyWhere(collection, { sql: arrayGuard(prefix), params: [] })
        probed.set(prefix, found)
      }
      return found
    }
    return pushdown(query, (field) => this.indexes.pushdownExpr(collection, field), arraysAt)
  }

  private *matches(collection: string, query: Doc, order?: 'ASC' | 'DESC' | SqlOrder, pushed = this.filterFor(collection, query)): Generator<Match> {
    const matcher = compileQuery(query)
    const decided = pushed?.exact === true
    for (const row of this.store.select(collection, pushed, order)) {
      const doc = decodeStored(row.doc)
      if (decided || matcher.test(doc)) yield { row, doc }
    }
  }

  /** SQLite's plan for the candidate scan of `query` (in `sort` order when SQL can sort it). */
  plan(collection: string, query: Doc, sort?: Record<string, 1 | -1>): string[] {
    const pushed = this.filterFor(collection, query)
    const order = this.sqlOrder(collection, sort, pushed)
    return this.store.explain(collection, pushed, order ? { sql: order.orderBy } : undefined)
  }

  /** Every matching row, in scan order. Materialised, so callers may write while using it. */
  all(collection: string, query: Doc): Match[] {
    return [...this.matches(collection, query)]
  }

  /** The first matching row in scan order. */
  first(collection: string, query: Doc): Match | undefined {
    for (const match of this.matches(collection, query)) return match
    return undefined
  }

  count(collection: string, query: Doc): number {
    if (Object.keys(query).length === 0) return this.store.countRows(collection)
    const pushed = this.filterFor(collection, query)
    if (pushed?.exact) {
      compileQuery(query) // the same refusals as the mingo path
      return this.store.countWhere(collection, pushed)
    }
    let n = 0
    for (const _match of this.matches(collection, query, undefined, pushed)) n += 1
    return n
  }

  private numericKeys(collection: string): boolean {
    return this.store.hasKeyInRange(collection, NUMBER_KEY_RANGE.from, NUMBER_KEY_RANGE.to)
  }

  /** The SQL order for `sort` over the candidates of `pushed`, or null (none asked, or mingo must sort). */
  private sqlOrder(collection: string, sort: Record<string, 1 | -1> | undefined, pushed: Pushed | null): SqlSort | null {
    if (!sort || Object.keys(sort).length === 0) return null
    const order = sqlSort(sort, () => this.numericKeys(collection))
    if (!order || (order.unsortable && this.store.anyWhere(collection, both(pushed, order.unsortable)))) return null
    return order
  }

  private unsortedPage(collection: string, pushed: Pushed, options: PageOptions): Doc[] {
    const rows = this.store.select(collection, pushed, { limit: options.limit, offset: options.offset })
    return [...rows].map((row) => decodeStored(row.doc))
  }

  /**
   * One sorted page of an exact filter in one pass: rows SQL cannot order sort
   * first, so the first key tells whether any candidate has one (then null:
   * mingo sorts); only the page's own documents are read and decoded.
   */
  private sortedPage(collection: string, pushed: Pushed, order: SqlSort, options: PageOptions): Doc[] | null {
    // Without a field SQL might not order (an _id sort), the primary key serves the order in one pass.
    if (!order.unsortable) return [...this.store.select(collection, pushed, { sql: order.orderBy, limit: options.limit, offset: options.offset })].map((row) => decodeStored(row.doc))
    const keys = this.store.orderedKeys(collection, pushed, `flag DESC, ${order.orderBy}`, order.unsortable.sql, options.offset + options.limit)
    if (keys[0]?.flag) return null
    return keys.slice(options.offset).map((key) => decodeStored(this.store.getRow(collection, key.id)!.doc))
  }

  page(collection: string, query: Doc, options: PageOptions): Doc[] {
    const pushed = this.filterFor(collection, query)
    const sorted = options.sort !== undefined && Object.keys(options.sort).length > 0
    // An exact WHERE lets SQL skip and limit too.
    if (pushed?.exact) {
      compileQuery(query) // the same refusals as the mingo path
      const order = sorted ? sqlSort(options.sort!, () => this.numericKeys(collection)) : null
      const docs = !sorted ? this.unsortedPage(collection, pushed, options) : order ? this.sortedPage(collection, pushed, order, options) : null
      if (docs) return arrange(docs, { projection: options.projection })
      return arrange(this.all(collection, query).map((match) => match.doc), options)
    }
    // Otherwise mingo decides row by row, in SQL's order until the page is full when SQL can sort.
    const order = this.sqlOrder(collection, options.sort, pushed)
    if (sorted && !order) return arrange(this.all(collection, query).map((match) => match.doc), options)
    const wanted = options.offset + options.limit
    const docs: Doc[] = []
    for (const match of this.matches(collection, query, order ? { sql: order.orderBy } : undefined, pushed)) {
      docs.push(match.doc)
      if (docs.length >= wanted) break
    }
    return arrange(docs.slice(options.offset), { projection: options.projection })
  }
}
