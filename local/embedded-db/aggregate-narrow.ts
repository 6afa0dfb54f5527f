import type { Doc } from './ejson'
import { decodeStored, isPlainObject } from './ejson'
import type { IndexRegistry } from './index-registry'
import { arrayGuard, extractExpr } from './index-registry'
import { compileQuery, runPipeline } from './mingo-run'
import { pushdown, type ArraysAt, type Pushed } from './sql-pushdown'
import type { SqliteStore } from './storage'

// How aggregate narrows what mingo reads, with the machinery reads use
// (sql-pushdown.ts), so that mingo's answer is unchanged:
// - A leading $match is pushed down field by field. Each top-level condition
//   SQL decides exactly (strings, numbers, dates on an indexed field or `_id`,
//   no array on its path) is dropped from the $match mingo runs; the others
//   still narrow as far as they can and stay for mingo. Top-level conditions
//   are ANDed, so a row passes the whole $match iff SQL passed it and mingo
//   passes the rest. The whole $match is still compiled, for the same refusals.
// - A $lookup with localField/foreignField reads from its `from` collection
//   only the documents whose foreignField can equal one of the distinct local
//   values of the rows reaching it (SQL IN, index-served on `_id` and indexed
//   fields), plus every document holding an array on the foreignField path
//   (matched by element); mingo then joins these exactly as it would join the
//   whole collection, in the same (insertion) order. When a local value is
//   anything but a string or a finite number (null, missing, an array, an
//   object, a date), or the path is not one SQL addresses, the lookup reads
//   the whole collection as before. Pipeline-form lookups (`pipeline`, `let`)
//   always do.

/** "Any row holds an array at this prefix", probed once per prefix through its guard index. */
export function arrayProbe(store: SqliteStore, collection: string): ArraysAt {
  const probed = new Map<string, boolean>()
  return (prefix) => {
    let found = probed.get(prefix)
    if (found === undefined) {
      found = store.anyWhere(collection, { sql: arrayGuard(prefix), params: [] })
      probed.set(prefix, found)
    }
    return found
  }
}

export interface NarrowedMatch {
  /** The SQL superset of the rows the $match passes (null: no narrowing). */
  filter: Pushed | null
  /** What mingo must still check of the $match; null: SQL decided all of it. */
  residual: Doc | null
}

function andFilters(parts: Pushed[]): Pushed | null {
  if (parts.length === 0) return null
  if (parts.length === 1) return parts[0]!
  return { sql: parts.map((part) => `(${part.sql})`).join(' AND '), params: parts.flatMap((part) => part.params), exact: parts.every((part) => part.exact) }
}

/** Splits a leading $match into what SQL decides and what mingo still checks. */
export function narrowMatch(store: SqliteStore, indexes: IndexRegistry, collection: string, match: Doc): NarrowedMatch {
  compileQuery(match) // the same refusals whatever SQL takes over
  const arraysAt = arrayProbe(store, collection)
  const exprFor = (field: string) => indexes.pushdownExpr(collection, field)
  const parts: Pushed[] = []
  const residual: Doc = {}
  for (const [key, condition] of Object.entries(match)) {
    let part: Pushed | null
    try {
      part = pushdown({ [key]: condition }, exprFor, arraysAt)
    } catch {
      part = null // a path SQL cannot address: mingo's alone
    }
    if (part) parts.push(part)
    if (!part?.exact) residual[key] = condition
  }
  const filter = andFilters(parts)
  return { filter, residual: Object.keys(residual).length > 0 ? residual : null }
}

// ---- $lookup ---------------------------------------------------------------

interface LookupSpec {
  from: string
  localField: string
  foreignField: string
}

/** The equality form of a $lookup stage, or null (pipeline form, or anything unusual). */
function lookupSpec(stage: Doc): LookupSpec | null {
  if (Object.keys(stage).length !== 1 || !isPlainObject(stage.$lookup)) return null
  const spec = stage.$lookup
  if ('pipeline' in spec || 'let' in spec) return null
  const { from, localField, foreignField } = spec
  if (typeof from !== 'string' || typeof localField !== 'string' || typeof foreignField !== 'string') return null
  const plainPath = (path: string) => path.length > 0 && path.split('.').every((part) => part !== '' && !part.startsWith('$'))
  if (!plainPath(localField) || !plainPath(foreignField)) return null
  return { from, localField, foreignField }
}

type Key = string | number

/**
 * The distinct values `localField` resolves to over `docs`, or null when one
 * is not a string or finite number (or a path crosses anything but a plain
 * object): then only a full read matches mingo for sure.
 */
function localKeys(docs: Doc[], localField: string): Key[] | null {
  const parts = localField.split('.')
  const keys = new Set<Key>()
  for (const doc of docs) {
    let value: unknown = doc
    for (const part of parts) {
      if (!isPlainObject(value)) return null
      value = value[part]
    }
    if (typeof value === 'string') keys.add(value)
    else if (typeof value === 'number' && Number.isFinite(value) && !Object.is(value, -0)) keys.add(value)
    else return null
  }
  return [...keys]
}

/** The `from` documents a lookup on `keys` can join, in insertion order, or null when SQL cannot select them. */
function lookupCandidates(store: SqliteStore, indexes: IndexRegistry, spec: LookupSpec, keys: Key[]): Doc[] | null {
  if (!store.hasCollection(spec.from)) return []
  if (spec.foreignField.startsWith('_id.')) return null
  let filter: Pushed | null
  try {
    // An unindexed foreignField is still compared in SQL (a scan, but only matches are decoded).
    const exprFor = (field: string) => indexes.pushdownExpr(spec.from, field) ?? extractExpr(field)
    filter = pushdown({ [spec.foreignField]: { $in: keys } }, exprFor, arrayProbe(store, spec.from))
  } catch {
    return null
  }
  if (!filter) return null
  return [...store.select(spec.from, filter, 'INSERTED')].map((row) => decodeStored(row.doc))
}

export interface LookupNarrowing {
  store: SqliteStore
  indexes: IndexRegistry
  /** The whole collection, for lookups that cannot be narrowed (and any other resolver use). */
  resolve: (name: string) => Doc[]
  /** Called with each narrowed lookup's collection and the number of documents read (for tests). */
  onNarrowed?: (from: string, read: number) => void
}

/**
 * Runs `pipeline` over `input` in mingo, each narrowable $lookup fed only its
 * candidates: the stages before it run first, so its local values are known.
 */
export function runWithLookups(input: Doc[], pipeline: Doc[], narrowing: LookupNarrowing): Doc[] {
  const { store, indexes, resolve } = narrowing
  if (!pipeline.some((stage) => lookupSpec(stage))) return runPipeline(input, pipeline, resolve)
  let docs = input
  let start = 0
  pipeline.forEach((stage, i) => {
    const spec = lookupSpec(stage)
    if (!spec) return
    if (i > start) docs = runPipeline(docs, pipeline.slice(start, i), resolve)
    start = i + 1
    const keys = localKeys(docs, spec.localField)
    const candidates = keys && lookupCandidates(store, indexes, spec, keys)
    if (!candidates) {
      docs = runPipeline(docs, [stage], resolve)
      return
    }
    narrowing.onNarrowed?.(spec.from, candidates.length)
    docs = runPipeline(docs, [stage], (name) => (name === spec.from ? candidates : resolve(name)))
  })
  return start < pipeline.length ? runPipeline(docs, pipeline.slice(start), resolve) : docs
}
