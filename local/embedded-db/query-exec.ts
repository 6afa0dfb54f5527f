import type { Doc } from './ejson'
import { decodeStored } from './ejson'
import { NUMBER_KEY_RANGE } from './ids'
import type { IndexRegistry } from './index-registry'
import { arrange, compileQuery } from './mingo-run'
import { pushdown } from './sql-pushdown'
import type { Row, SqliteStore } from './storage'

// Reads: SQL narrows candidates with index-served conditions, mingo decides.
// Without a sort the scan streams and stops once a page is full; a sort on
// _id alone streams in primary-key order (keyset paging costs one page);
// any other sort collects every match and sorts with MongoDB's ordering.

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

export class QueryRunner {
  constructor(
    private readonly store: SqliteStore,
    private readonly indexes: IndexRegistry,
  ) {}

  private filterFor(collection: string, query: Doc) {
    return pushdown(query, (field) => this.indexes.pushdownExpr(collection, field))
  }

  private *matches(collection: string, query: Doc, order?: 'ASC' | 'DESC'): Generator<Match> {
    const matcher = compileQuery(query)
    const everything = Object.keys(query).length === 0
    for (const row of this.store.select(collection, this.filterFor(collection, query), order)) {
      const doc = decodeStored(row.doc)
      if (everything || matcher.test(doc)) yield { row, doc }
    }
  }

  /** SQLite's plan for the candidate scan of `query` (sorted on _id when `sort` says so). */
  plan(collection: string, query: Doc, sort?: Record<string, 1 | -1>): string[] {
    const order = this.keyOrder(collection, sort)
    return this.store.explain(collection, this.filterFor(collection, query), order ?? undefined)
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
    let n = 0
    for (const _match of this.matches(collection, query)) n += 1
    return n
  }

  private keyOrder(collection: string, sort: Record<string, 1 | -1> | undefined): 'ASC' | 'DESC' | undefined | null {
    const fields = sort ? Object.keys(sort) : []
    if (fields.length === 0) return undefined
    if (fields.length !== 1 || fields[0] !== '_id') return null
    // Tagged numeric keys do not sort numerically; fall back when any exist.
    if (this.store.hasKeyInRange(collection, NUMBER_KEY_RANGE.from, NUMBER_KEY_RANGE.to)) return null
    return sort!._id === -1 ? 'DESC' : 'ASC'
  }

  page(collection: string, query: Doc, options: PageOptions): Doc[] {
    const order = this.keyOrder(collection, options.sort)
    if (order === null) {
      const docs = this.all(collection, query).map((match) => match.doc)
      return arrange(docs, options)
    }
    const wanted = options.offset + options.limit
    const docs: Doc[] = []
    for (const match of this.matches(collection, query, order)) {
      docs.push(match.doc)
      if (docs.length >= wanted) break
    }
    return arrange(docs.slice(options.offset), { projection: options.projection })
  }
}
