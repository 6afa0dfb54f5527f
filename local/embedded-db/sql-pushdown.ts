import { loadBson } from './sdk-modules'
import { arrayGuard, jsonPath, prefixes } from './index-registry'
import { idKey } from './ids'
import type { SqlFilter } from './storage'

// Translates the index-served part of a MongoDB filter into a SQL WHERE that
// selects a superset of the matching rows; mingo then checks the full filter
// on each candidate. Anything that cannot be translated without risking a
// missed match (null, booleans, regexes, $ne, $exists, ...) is simply left to
// mingo. Strings, finite numbers and dates are compared in SQL, each guarded
// by its JSON type so that no other type can pass (json_extract yields 1 for
// true, and an object's or array's JSON text for those).
//
// When every part of the filter is translated and no row holds an array on a
// filtered path (the arrays are what need MongoDB's element matching), the
// WHERE is exact: the caller may then count, skip and limit in SQL without
// mingo looking at any row.

export type ExprFor = (field: string) => string | null
/** Whether any row of the collection holds an array at `prefix` (an index probe). */
export type ArraysAt = (prefix: string) => boolean

export interface Pushed extends SqlFilter {
  /** The WHERE matches exactly the documents the filter matches. */
  exact: boolean
}

type Scalar = string | number

function isScalar(value: unknown): value is Scalar {
  return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value))
}

function isOperatorObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || value instanceof Date || value instanceof RegExp) return false
  const keys = Object.keys(value)
  return keys.length > 0 && keys.every((key) => key.startsWith('$'))
}

const RANGE_SQL: Record<string, string> = { $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' }

const EXACT_TRUE: Pushed = { sql: '1', params: [], exact: true }

function and(parts: Array<Pushed | null>): Pushed | null {
  const present = parts.filter((part): part is Pushed => part !== null)
  const exact = parts.every((part) => part?.exact === true)
  if (present.length === 0) return null
  if (present.length === 1) return { ...present[0]!, exact }
  return { sql: present.map((part) => `(${part.sql})`).join(' AND '), params: present.flatMap((part) => part.params), exact }
}

function or(parts: Array<Pushed | null>): Pushed | null {
  if (parts.length === 0 || parts.some((part) => part === null)) return null
  const present = parts as Pushed[]
  return { sql: present.map((part) => `(${part.sql})`).join(' OR '), params: present.flatMap((part) => part.params), exact: present.every((part) => part.exact) }
}

// ---- Dates -----------------------------------------------------------------
// Stored dates are relaxed Extended JSON: {"$date":"<ISO>"} for years 1970–9999
// (milliseconds dropped when zero, so the text is not in time order within a
// second), {"$date":{"$numberLong":"<ms>"}} otherwise. An index on the field
// holds that object's JSON text; a text range narrows to the right seconds and
// an exact millisecond comparison (dateMs) decides.

const ISO_MAX_MS = 253402300800000 // 10000-01-01: four-digit years only
const DATE_TEXT = '{"$date":"'
const LONG_TEXT = { from: '{"$date":{', to: '{"$date":|' }

function isIsoDate(value: unknown): value is Date {
  return value instanceof Date && value.getTime() >= 0 && value.getTime() < ISO_MAX_MS
}

/** The JSON text of `date` as stored (the builder's own bson writes both). */
function storedDateText(date: Date): string {
  return loadBson().EJSON.stringify(date, { relaxed: true })
}

/** The text every stored date inside `date`'s second starts with (`…:SS`). */
function secondText(ms: number): string {
  return DATE_TEXT + new Date(ms).toISOString().slice(0, 19)
}

/** Milliseconds since the epoch of the date at `path` (either stored form); the caller checks it is a date. */
export function dateMs(path: string): string {
  const inner = `${path}."$date"`
  return `(CASE json_type(doc, '${inner}') WHEN 'text' THEN CAST(round(unixepoch(json_extract(doc, '${inner}'), 'subsec') * 1000) AS INTEGER) ELSE CAST(json_extract(doc, '${inner}."$numberLong"') AS INTEGER) END)`
}

// Type checks are written `+json_type(...)` so that SQLite never serves them
// from a guard index (one entry per row of that type) instead of the value's.

/** Whether the value at `path` is a stored date (an object with a "$date" member). */
export function isDateSql(path: string): string {
  return `+json_type(doc, '${path}') = 'object' AND json_type(doc, '${path}."$date"') IS NOT NULL`
}

function dateCondition(expr: string, path: string, op: string, date: Date): Pushed {
  const ms = date.getTime()
  const exact = { sql: `${isDateSql(path)} AND ${dateMs(path)} ${op === '$eq' ? '=' : RANGE_SQL[op]} ?`, params: [ms] }
  // The index-served part: a superset of the stored texts that can match.
  let narrow: SqlFilter
  if (op === '$eq') narrow = { sql: `${expr} = ?`, params: [storedDateText(date)] }
  else if (op === '$gt' || op === '$gte') narrow = { sql: `${expr} >= ?`, params: [secondText(ms)] } // long forms sort after every ISO text
  else {
    const below = ms + 1000 < ISO_MAX_MS ? secondText(ms + 1000) : LONG_TEXT.from
    narrow = { sql: `(${expr} >= ? AND ${expr} < ?) OR (${expr} >= ? AND ${expr} < ?)`, params: [DATE_TEXT, below, LONG_TEXT.from, LONG_TEXT.to] }
  }
  return { sql: `(${narrow.sql}) AND ${exact.sql}`, params: [...narrow.params, ...exact.params], exact: true }
}

// ---- Strings and numbers ---------------------------------------------------

/** The json_type() check that keeps other types out of a comparison with `values`, when one could get in. */
function typeCheck(path: string, values: Scalar[], range: boolean): string | null {
  // True and false extract as 1 and 0; an object's or array's text starts with { or [.
  const reachable = (value: Scalar) => range || (typeof value === 'string' ? /^[[{]/.test(value) : value === 0 || value === 1)
  if (!values.some(reachable)) return null
  const allowed = new Set(values.map((value) => (typeof value === 'string' ? "'text'" : "'integer', 'real'")))
  return `+json_type(doc, '${path}') IN (${[...allowed].join(', ')})`
}

// SQLite limits the parameters of one statement (32,766 in the bundled build,
// shared by every list in it), and `in` over a batch of ids can be long: a
// list past IN_PARAMS_MAX goes in as one JSON array parameter, read back by
// json_each, whose values have the same types and texts as json_extract's
// (and as the key texts for `_id`), so the same rows compare equal and the
// index still serves each value.
export const IN_PARAMS_MAX = 100

/** `<expr> IN (...)` over `values`, as parameters or, when long, one JSON array. */
export function inSql(expr: string, values: readonly unknown[]): SqlFilter {
  if (values.length > IN_PARAMS_MAX) return { sql: `${expr} IN (SELECT value FROM json_each(?))`, params: [JSON.stringify(values)] }
  return { sql: `${expr} IN (${values.map(() => '?').join(', ')})`, params: [...values] }
}

function compare(expr: string, path: string, sqlOp: string, values: Scalar[], range: boolean): Pushed {
  const check = typeCheck(path, values, range)
  const base = sqlOp === 'IN' ? inSql(expr, values) : { sql: `${expr} ${sqlOp} ?`, params: values }
  return { sql: check ? `${base.sql} AND ${check}` : base.sql, params: base.params, exact: true }
}

function inList(expr: string, path: string, values: unknown[]): Pushed | null {
  if (!values.every(isScalar)) return null
  if (values.length === 0) return { sql: '0', params: [], exact: true }
  return compare(expr, path, 'IN', values, false)
}

/** `_id` lives in the primary key: exact for strings, and never an array. */
function idCondition(value: unknown): Pushed | null {
  if (isScalar(value)) return { sql: 'id = ?', params: [idKey(value)], exact: true }
  if (!isOperatorObject(value)) return null
  const parts: Array<Pushed | null> = []
  for (const [op, operand] of Object.entries(value)) {
    if (op === '$eq' && isScalar(operand)) parts.push({ sql: 'id = ?', params: [idKey(operand)], exact: true })
    else if (op === '$in' && Array.isArray(operand)) parts.push(operand.every(isScalar) ? (operand.length ? { ...inSql('id', operand.map(idKey)), exact: true } : { sql: '0', params: [], exact: true }) : null)
    // Numeric ids are stored as tagged text below every string key, so only
    // string ranges map onto key order, and an upper bound also reaches them.
    else if (op in RANGE_SQL && typeof operand === 'string') parts.push({ sql: `id ${RANGE_SQL[op]} ?`, params: [operand], exact: op === '$gt' || op === '$gte' })
    else parts.push(null)
  }
  return and(parts)
}

function fieldCondition(field: string, expr: string, value: unknown, arraysAt: ArraysAt | undefined): Pushed | null {
  const path = jsonPath(field)
  let condition: Pushed | null = null
  if (isScalar(value)) condition = compare(expr, path, '=', [value], false)
  else if (isIsoDate(value)) condition = dateCondition(expr, path, '$eq', value)
  else if (isOperatorObject(value)) {
    const parts: Array<Pushed | null> = []
    for (const [op, operand] of Object.entries(value)) {
      if (op === '$eq' && isScalar(operand)) parts.push(compare(expr, path, '=', [operand], false))
      else if ((op === '$eq' || op in RANGE_SQL) && isIsoDate(operand)) parts.push(dateCondition(expr, path, op, operand))
      else if (op === '$in' && Array.isArray(operand)) parts.push(inList(expr, path, operand))
      else if (op in RANGE_SQL && isScalar(operand)) parts.push(compare(expr, path, RANGE_SQL[op]!, [operand], true))
      else parts.push(null)
    }
    condition = and(parts)
  }
  if (!condition) return null
  // MongoDB matches a condition against each element of an array on the path;
  // rows with one there stay candidates for mingo.
  const guarded = prefixes(field).filter((prefix) => !arraysAt || arraysAt(prefix)).map(arrayGuard)
  if (guarded.length === 0) return condition
  return { sql: [condition.sql, ...guarded].map((sql) => `(${sql})`).join(' OR '), params: condition.params, exact: false }
}

function pushParts(query: Record<string, unknown>, exprFor: ExprFor, arraysAt: ArraysAt | undefined): Pushed | null {
  const parts: Array<Pushed | null> = []
  for (const [key, value] of Object.entries(query)) {
    if (key === '$and' && Array.isArray(value) && value.length > 0) {
      parts.push(and(value.map((sub) => (isPlainQuery(sub) ? pushParts(sub, exprFor, arraysAt) : null))))
    } else if (key === '$or' && Array.isArray(value) && value.length > 0) {
      parts.push(or(value.map((sub) => (isPlainQuery(sub) ? pushParts(sub, exprFor, arraysAt) : null))))
    } else if (key === '_id') {
      parts.push(idCondition(value))
    } else {
      const expr = key.startsWith('$') ? null : exprFor(key)
      parts.push(expr ? fieldCondition(key, expr, value, arraysAt) : null)
    }
  }
  if (parts.length === 0) return EXACT_TRUE
  return and(parts)
}

/**
 * The SQL superset filter for `query` (null when no index narrows it), and
 * whether it is exact. Without `arraysAt` every array guard stays in.
 */
export function pushdown(query: Record<string, unknown>, exprFor: ExprFor, arraysAt?: ArraysAt): Pushed | null {
  return pushParts(query, exprFor, arraysAt)
}

function isPlainQuery(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
