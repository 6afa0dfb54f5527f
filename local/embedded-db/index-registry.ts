import type { IndexSpec } from '../../server/db/indexes'
import { invalidParam } from './errors'
import { collectionTable, quoteIdent, type SqliteStore } from './storage'

// Declared indexes become SQLite expression indexes over json_extract(doc, path).
// Unique ones index ifnull(..., x'00') so that a missing field and null share
// one key (MongoDB's rule); the blob sentinel never equals a real JSON value.
// Every indexed path also gets a json_type() index per path prefix: MongoDB
// matches `{a: 'x'}` against an array `a` containing 'x', which a scalar
// index cannot see, so pushed-down filters OR in "this prefix is an array"
// and both branches stay index-served.

export function jsonPath(field: string): string {
  const parts = field.split('.')
  for (const part of parts) {
    if (part === '' || /^\d+$/.test(part) || /["'\\$]/.test(part)) {
      throw invalidParam(`index field "${field}" cannot be indexed by the embedded engine`)
    }
  }
  return `$.${parts.map((part) => `"${part}"`).join('.')}`
}

export function extractExpr(field: string): string {
  return `json_extract(doc, '${jsonPath(field)}')`
}

function uniqueExpr(field: string): string {
  return `ifnull(${extractExpr(field)}, x'00')`
}

/** `a`, `a.b`, `a.b.c` for `a.b.c`. */
export function prefixes(field: string): string[] {
  const parts = field.split('.')
  return parts.map((_, i) => parts.slice(0, i + 1).join('.'))
}

/** "This prefix is an array": served by the prefix's guard index. */
export function arrayGuard(prefix: string): string {
  return `json_type(doc, '${jsonPath(prefix)}') = 'array'`
}

export function arrayGuards(field: string): string[] {
  return prefixes(field).map(arrayGuard)
}

export function sqlIndexName(spec: IndexSpec): string {
  return `ix:${spec.collection}:${spec.name}`
}

function guardIndexName(collection: string, prefix: string): string {
  return `ix:${collection}:__array:${prefix}`
}

function ddlFor(spec: IndexSpec): string[] {
  const fields = Object.keys(spec.keys)
  if (fields.length === 0) throw invalidParam(`index ${spec.name} on ${spec.collection} has no keys`)
  const columns = fields
    .map((field) => `${spec.unique ? uniqueExpr(field) : extractExpr(field)} ${spec.keys[field] === -1 ? 'DESC' : 'ASC'}`)
    .join(', ')
  const table = collectionTable(spec.collection)
  const statements = [`CREATE ${spec.unique ? 'UNIQUE ' : ''}INDEX IF NOT EXISTS ${quoteIdent(sqlIndexName(spec))} ON ${table} (${columns})`]
  for (const field of fields) {
    for (const prefix of prefixes(field)) {
      statements.push(
        `CREATE INDEX IF NOT EXISTS ${quoteIdent(guardIndexName(spec.collection, prefix))} ON ${table} (json_type(doc, '${jsonPath(prefix)}'))`,
      )
    }
  }
  return statements
}

function sameSpec(a: IndexSpec, b: IndexSpec): boolean {
  return JSON.stringify([a.collection, a.keys, !!a.unique]) === JSON.stringify([b.collection, b.keys, !!b.unique])
}

export class IndexRegistry {
  private readonly byCollection = new Map<string, IndexSpec[]>()

  constructor(private readonly store: SqliteStore) {
    const rows = store.prepare(`SELECT spec FROM __indexes`).all() as Array<{ spec: string }>
    for (const row of rows) this.remember(JSON.parse(row.spec) as IndexSpec)
  }

  private remember(spec: IndexSpec): void {
    const list = (this.byCollection.get(spec.collection) ?? []).filter((known) => known.name !== spec.name)
    list.push(spec)
    this.byCollection.set(spec.collection, list)
  }

  /** Creates (or re-creates, when its keys changed) one index. Fails if existing data violates a unique index. */
  declare(spec: IndexSpec): void {
    const statements = ddlFor(spec)
    const previous = this.specs(spec.collection).find((known) => known.name === spec.name)
    this.store.immediate(() => {
      this.store.createCollection(spec.collection)
      if (previous && !sameSpec(previous, spec)) this.store.exec(`DROP INDEX IF EXISTS ${quoteIdent(sqlIndexName(spec))}`)
      for (const sql of statements) this.store.exec(sql)
      this.store
        .prepare(`INSERT INTO __indexes (name, collection, spec) VALUES (?, ?, ?) ON CONFLICT(name) DO UPDATE SET collection = excluded.collection, spec = excluded.spec`)
        .run(sqlIndexName(spec), spec.collection, JSON.stringify(spec))
    })
    this.remember(spec)
  }

  specs(collection: string): IndexSpec[] {
    return this.byCollection.get(collection) ?? []
  }

  specBySqlName(collection: string, sqlName: string): IndexSpec | undefined {
    return this.specs(collection).find((spec) => sqlIndexName(spec) === sqlName)
  }

  /**
   * The SQL expression a filter on `field` should use, or null when no index
   * covers it. The expression text must equal the index's for SQLite to use it.
   */
  pushdownExpr(collection: string, field: string): string | null {
    const specs = this.specs(collection)
    const leads = (spec: IndexSpec) => Object.keys(spec.keys)[0] === field
    const has = (spec: IndexSpec) => field in spec.keys
    if (specs.some((spec) => !spec.unique && leads(spec))) return extractExpr(field)
    if (specs.some((spec) => spec.unique && leads(spec))) return uniqueExpr(field)
    if (specs.some((spec) => !spec.unique && has(spec))) return extractExpr(field)
    if (specs.some((spec) => spec.unique && has(spec))) return uniqueExpr(field)
    return null
  }
}
