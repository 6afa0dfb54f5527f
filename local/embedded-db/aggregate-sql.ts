import type { Doc } from './ejson'
import { jsonPath } from './index-registry'
import type { SqlFilter, SqliteStore } from './storage'
import { collectionTable } from './storage'

// The fast path of aggregate: a pipeline that starts with an optional $match
// and a $group counting or summing by one field, e.g.
//   [{ $match: { status: 'active' } }, { $group: { _id: '$unitId', n: { $sum: 1 } } }, { $sort: ... }, ...]
// is grouped by SQLite (GROUP BY over the key's JSON text) instead of decoding
// every document for mingo; mingo then runs the rest of the pipeline on the
// grouped rows. The answer must be exactly mingo's, so the fast path takes only what
// it can decide exactly and returns null (run everything in mingo) otherwise:
// - $match: fields compared with a string or finite number ($eq, $in; ranges
//   for numbers only), ANDed. The JSON type counts, so 1 never matches '1'
//   or true, and 5 < 'a' never holds (MongoDB's type bracketing).
// - $group: _id '$path' or null; every accumulator { $sum: <integer> } or
//   { $sum: '$path' }. A missing key groups with null, as in mingo.
// - If any document in play holds an array on the way to a path (MongoDB
//   would match or group by elements), an object key, a non-finite number
//   ({ $numberDouble }) where SQL compares, a non-integer summand (the order
//   of float additions would differ), or a sum beyond 2^53: null.
// Groups come out in the order of their first document in insertion order,
// the order mingo sees when aggregate reads the collection (by rowid). The
// caller may pass the index-served superset filter of the $match to narrow
// the scan; the exact conditions still decide.

type Scalar = string | number

interface GroupPlan {
  where: SqlFilter
  /** Fields the $match compares, checked with unmatchableAt. */
  matchPaths: string[]
  key: string | null
  sums: Array<{ name: string; times: number } | { name: string; path: string }>
}

const isScalar = (value: unknown): value is Scalar => typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value))

function fieldPath(path: unknown): string | null {
  if (typeof path !== 'string' || !path.startsWith('$') || path.startsWith('$$')) return null
  return safePath(path.slice(1))
}

/** The JSON path for a field, or null for names the engine cannot address exactly. */
function safePath(field: string): string | null {
  try {
    return jsonPath(field)
  } catch {
    return null
  }
}

const typeOf = (path: string) => `json_type(doc, '${path}')`
const valueOf = (path: string) => `json_extract(doc, '${path}')`

const RANGE: Record<string, string> = { $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' }

// Equality compares JSON texts (`->`), so type and value match at once; ranges
// are for numbers only, with the type checked first (MongoDB's type bracketing:
// 5 < 'a' never holds).
function comparison(path: string, op: string, operand: unknown): SqlFilter | null {
  if (op === '$eq' && isScalar(operand)) return { sql: `doc -> '${path}' = ?`, params: [JSON.stringify(operand)] }
  if (op === '$in' && Array.isArray(operand) && operand.every(isScalar)) {
    if (operand.length === 0) return { sql: '0', params: [] }
    return { sql: `doc -> '${path}' IN (${operand.map(() => '?').join(', ')})`, params: operand.map((value) => JSON.stringify(value)) }
  }
  if (op in RANGE && typeof operand === 'number' && Number.isFinite(operand)) {
    return { sql: `${typeOf(path)} IN ('integer', 'real') AND ${valueOf(path)} ${RANGE[op]} ?`, params: [operand] }
  }
  return null
}

function isOperatorObject(value: unknown): value is Record<string, unknown> {
  if (Object.prototype.toString.call(value) !== '[object Object]') return false
  const keys = Object.keys(value as object)
  return keys.length > 0 && keys.every((key) => key.startsWith('$'))
}

/** An exact SQL translation of `match`, or null. */
function translateMatch(match: Doc, paths: string[]): SqlFilter | null {
  const parts: SqlFilter[] = []
  for (const [field, condition] of Object.entries(match)) {
    if (field === '$and' && Array.isArray(condition)) {
      for (const sub of condition) {
        const inner = Object.prototype.toString.call(sub) === '[object Object]' ? translateMatch(sub as Doc, paths) : null
        if (!inner) return null
        parts.push(inner)
      }
      continue
    }
    const path = field.startsWith('$') ? null : safePath(field)
    if (!path) return null
    paths.push(field)
    const operators = isOperatorObject(condition) ? Object.entries(condition) : [['$eq', condition] as const]
    for (const [op, operand] of operators) {
      const part = comparison(path, op, operand)
      if (!part) return null
      parts.push(part)
    }
  }
  return { sql: parts.length ? parts.map((part) => `(${part.sql})`).join(' AND ') : '1', params: parts.flatMap((part) => part.params) }
}

function planGroup(match: Doc, group: unknown): GroupPlan | null {
  if (Object.prototype.toString.call(group) !== '[object Object]') return null
  const { _id: id, ...accumulators } = group as Doc
  const key = id === null ? null : fieldPath(id)
  if (id !== null && !key) return null
  const sums: GroupPlan['sums'] = []
  for (const [name, spec] of Object.entries(accumulators)) {
    const keys = Object.prototype.toString.call(spec) === '[object Object]' ? Object.keys(spec as object) : []
    if (keys.length !== 1 || keys[0] !== '$sum') return null
    const operand = (spec as Doc).$sum
    if (typeof operand === 'number' && Number.isSafeInteger(operand)) sums.push({ name, times: operand })
    else {
      const path = fieldPath(operand)
      if (!path) return null
      sums.push({ name, path })
    }
  }
  const matchPaths: string[] = []
  const where = translateMatch(match, matchPaths)
  return where && { where, matchPaths, key, sums }
}

function prefixes(path: string): string[] {
  const parts = path.slice(2).split('.')
  return parts.map((_, i) => `$.${parts.slice(0, i + 1).join('.')}`)
}

/**
 * Whether any document in `collection` holds, for `field`, what SQL would
 * compare differently from mingo: an array at a prefix (matched by element),
 * or a non-finite number (stored as { $numberDouble }). Index-served where declared.
 */
function unmatchableAt(store: SqliteStore, collection: string, field: string): boolean {
  const path = jsonPath(field)
  const checks = [...prefixes(path).map((prefix) => `${typeOf(prefix)} = 'array'`), `${typeOf(`${path}."$numberDouble"`)} IS NOT NULL`]
  return store.prepare(`SELECT 1 FROM ${collectionTable(collection)} WHERE ${checks.join(' OR ')} LIMIT 1`).get() !== undefined
}

interface GroupRow {
  first: number
  /** The key as JSON text; null when missing. */
  k: string | null
  unsafe: number
  [sum: string]: unknown
}

/**
 * The grouped rows of `[$match?, $group]` at the head of `pipeline`, computed
 * in SQL, and how many stages they replace; null when only mingo is exact.
 */
export function groupInSql(store: SqliteStore, collection: string, pipeline: Doc[], narrow: SqlFilter | null = null): { rows: Doc[]; consumed: number } | null {
  const leadingMatch = pipeline[0] && '$match' in pipeline[0] && Object.keys(pipeline[0]).length === 1
  const groupStage = pipeline[leadingMatch ? 1 : 0]
  if (!groupStage || !('$group' in groupStage) || Object.keys(groupStage).length !== 1) return null
  const match = leadingMatch ? pipeline[0]!.$match : {}
  if (Object.prototype.toString.call(match) !== '[object Object]') return null
  const plan = planGroup(match as Doc, groupStage.$group)
  if (!plan) return null
  if (plan.matchPaths.some((field) => unmatchableAt(store, collection, field))) return null

  // One pass, grouped by the key as JSON text (`->`), which names type and
  // value at once and is canonical, since the engine writes every document
  // with JSON.stringify: "1" and 1 and true differ, 1 groups with 1. Anything
  // mingo would treat differently (an array on the way to a path, a float
  // summand) marks its group unsafe, and one unsafe group sends the whole
  // pipeline to mingo; so does an object or array key, seen in the key text.
  const keyPath = plan.key
  const unsafe: string[] = []
  if (keyPath) unsafe.push(...prefixes(keyPath).slice(0, -1).map((prefix) => `${typeOf(prefix)} = 'array'`))
  const sums = plan.sums.map((sum, i) => {
    if ('times' in sum) return `count(*) * ${sum.times} AS s${i}`
    unsafe.push(`${typeOf(sum.path)} IN ('real', 'array', 'object')`, ...prefixes(sum.path).slice(0, -1).map((prefix) => `${typeOf(prefix)} = 'array'`))
    return `ifnull(sum(CASE WHEN ${typeOf(sum.path)} = 'integer' THEN ${valueOf(sum.path)} END), 0) AS s${i}`
  })
  const where = narrow ? { sql: `(${narrow.sql}) AND (${plan.where.sql})`, params: [...narrow.params, ...plan.where.params] } : plan.where
  const sql =
    `SELECT min(rowid) AS first, ${keyPath ? `doc -> '${keyPath}'` : 'NULL'} AS k` +
    `, max(${unsafe.length ? unsafe.map((part) => `(${part})`).join(' OR ') : '0'}) AS unsafe${sums.map((sum) => `, ${sum}`).join('')}` +
    ` FROM ${collectionTable(collection)} WHERE ${where.sql} GROUP BY k`

  let grouped: GroupRow[]
  try {
    grouped = store.prepare(sql).all(...where.params) as GroupRow[]
  } catch {
    return null // e.g. an integer sum past 2^63: mingo answers that one
  }
  // A missing key (SQL NULL) and a null one are one group, as in mingo.
  const byKey = new Map<string, GroupRow>()
  for (const row of grouped) {
    const k = row.k ?? 'null'
    if (row.unsafe || k.startsWith('{') || k.startsWith('[')) return null
    const same = byKey.get(k)
    if (!same) {
      byKey.set(k, { ...row, k })
      continue
    }
    same.first = Math.min(same.first, row.first)
    plan.sums.forEach((_sum, i) => (same[`s${i}`] = (same[`s${i}`] as number) + (row[`s${i}`] as number)))
  }
  const rows: Doc[] = []
  for (const row of [...byKey.values()].sort((a, b) => a.first - b.first)) {
    const doc: Doc = { _id: JSON.parse(row.k ?? 'null') as unknown }
    for (const [i, sum] of plan.sums.entries()) {
      const value = row[`s${i}`]
      if (typeof value !== 'number' || !Number.isSafeInteger(value)) return null
      doc[sum.name] = value
    }
    rows.push(doc)
  }
  return { rows, consumed: leadingMatch ? 2 : 1 }
}
