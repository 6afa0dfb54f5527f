import type { Doc } from './ejson'
import { jsonPath } from './index-registry'
import type { SqlFilter, SqliteStore } from './storage'
import { collectionTable } from './storage'

// The fast path of aggregate: a pipeline that starts with an optional $match
// and a $group counting or summing by one field, e.g.
//   [{ $match: { status: 'active' } }, { $group: { _id: '$unitId', n: { $sum: 1 } } }, { $sort: ... }, ...]
// is grouped by SQLite (GROUP BY over json_extract) instead of decoding every
// document for mingo; mingo then runs the rest of the pipeline on the grouped
// rows. The answer must be exactly mingo's, so the fast path takes only what
// it can decide exactly and returns null (run everything in mingo) otherwise:
// - $match: fields compared with a string or finite number ($eq, $in; ranges
//   for numbers only), ANDed. SQL checks the JSON type too, so 1 never
//   matches '1' or true, and 5 < 'a' never holds (MongoDB's type bracketing).
// - $group: _id '$path' or null; every accumulator { $sum: <integer> } or
//   { $sum: '$path' }. A missing key groups with null, as in mingo.
// - If any document in play holds an array or an object where a path looks
//   (MongoDB would match or group by elements), or a non-integer summand (the
//   order of float additions would differ), or a sum beyond 2^53: null.
// Groups come out in the order of their first document in insertion order,
// the order mingo sees when aggregate reads the collection (by rowid).

type Scalar = string | number

interface GroupPlan {
  where: SqlFilter
  /** Paths whose prefixes must hold no array in any matched document. */
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

function typed(path: string, value: Scalar): string {
  return typeof value === 'string' ? `${typeOf(path)} = 'text'` : `${typeOf(path)} IN ('integer', 'real')`
}

function comparison(path: string, op: string, operand: unknown): SqlFilter | null {
  if (op === '$eq' && isScalar(operand)) return { sql: `${typed(path, operand)} AND ${valueOf(path)} = ?`, params: [operand] }
  if (op === '$in' && Array.isArray(operand) && operand.every(isScalar)) {
    if (operand.length === 0) return { sql: '0', params: [] }
    const parts = (['string', 'number'] as const)
      .map((kind) => operand.filter((value) => typeof value === kind))
      .filter((values) => values.length > 0)
      .map((values) => ({ sql: `(${typed(path, values[0]!)} AND ${valueOf(path)} IN (${values.map(() => '?').join(', ')}))`, params: values }))
    return { sql: parts.map((part) => part.sql).join(' OR '), params: parts.flatMap((part) => part.params) }
  }
  const range: Record<string, string> = { $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' }
  if (op in range && typeof operand === 'number' && Number.isFinite(operand)) {
    return { sql: `${typed(path, operand)} AND ${valueOf(path)} ${range[op]} ?`, params: [operand] }
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

/** Whether any document in `collection` holds an array at a prefix of `field` (index-served where declared). */
function anyArrayAt(store: SqliteStore, collection: string, field: string): boolean {
  const checks = prefixes(jsonPath(field)).map((prefix) => `${typeOf(prefix)} = 'array'`)
  return store.prepare(`SELECT 1 FROM ${collectionTable(collection)} WHERE ${checks.join(' OR ')} LIMIT 1`).get() !== undefined
}

interface GroupRow {
  first: number
  keyType: string | null
  keyValue: unknown
  unsafe: number
  [sum: string]: unknown
}

function keyOf(type: string | null, value: unknown): unknown {
  if (type === 'true') return true
  if (type === 'false') return false
  if (type === null || type === 'null') return null
  return value
}

/**
 * The grouped rows of `[$match?, $group]` at the head of `pipeline`, computed
 * in SQL, and how many stages they replace; null when only mingo is exact.
 */
export function groupInSql(store: SqliteStore, collection: string, pipeline: Doc[]): { rows: Doc[]; consumed: number } | null {
  const leadingMatch = pipeline[0] && '$match' in pipeline[0] && Object.keys(pipeline[0]).length === 1
  const groupStage = pipeline[leadingMatch ? 1 : 0]
  if (!groupStage || !('$group' in groupStage) || Object.keys(groupStage).length !== 1) return null
  const match = leadingMatch ? pipeline[0]!.$match : {}
  if (Object.prototype.toString.call(match) !== '[object Object]') return null
  const plan = planGroup(match as Doc, groupStage.$group)
  if (!plan) return null
  if (plan.matchPaths.some((field) => anyArrayAt(store, collection, field))) return null

  // Per group: where it first appears, its key's JSON type and value, whether
  // anything in it needs mingo, and each sum.
  const keyPath = plan.key
  const unsafe: string[] = []
  if (keyPath) unsafe.push(...prefixes(keyPath).map((prefix) => `${typeOf(prefix)} = 'array'`), `${typeOf(keyPath)} = 'object'`)
  const columns = ['min(rowid) AS first']
  columns.push(keyPath ? `${typeOf(keyPath)} AS keyType, ${valueOf(keyPath)} AS keyValue` : `NULL AS keyType, NULL AS keyValue`)
  plan.sums.forEach((sum, i) => {
    if ('times' in sum) {
      columns.push(`count(*) * ${sum.times} AS s${i}`)
      return
    }
    unsafe.push(`${typeOf(sum.path)} = 'real'`, ...prefixes(sum.path).map((prefix) => `${typeOf(prefix)} = 'array'`))
    columns.push(`ifnull(sum(CASE WHEN ${typeOf(sum.path)} = 'integer' THEN ${valueOf(sum.path)} END), 0) AS s${i}`)
  })
  columns.push(`max(${unsafe.length ? unsafe.map((sql) => `(${sql})`).join(' OR ') : '0'}) AS unsafe`)
  // Numbers group together whatever their JSON type (1 and 1.0), strings apart from them.
  const keyClass = keyPath
    ? `CASE ${typeOf(keyPath)} WHEN 'integer' THEN 'number' WHEN 'real' THEN 'number' WHEN 'null' THEN NULL ELSE ${typeOf(keyPath)} END`
    : 'NULL'
  const sql =
    `SELECT ${columns.join(', ')} FROM ${collectionTable(collection)} WHERE ${plan.where.sql}` +
    ` GROUP BY ${keyClass}${keyPath ? `, ${valueOf(keyPath)}` : ''} ORDER BY first`

  let grouped: GroupRow[]
  try {
    grouped = store.prepare(sql).all(...plan.where.params) as GroupRow[]
  } catch {
    return null // e.g. an integer sum past 2^63: mingo answers that one
  }
  if (grouped.some((row) => row.unsafe)) return null
  const rows: Doc[] = []
  for (const row of grouped) {
    const doc: Doc = { _id: keyOf(row.keyType, row.keyValue) }
    for (const [i, sum] of plan.sums.entries()) {
      const value = row[`s${i}`]
      if (typeof value !== 'number' || !Number.isSafeInteger(value)) return null
      doc[sum.name] = value
    }
    rows.push(doc)
  }
  return { rows, consumed: leadingMatch ? 2 : 1 }
}
