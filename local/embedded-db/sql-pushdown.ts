import { arrayGuards } from './index-registry'
import { idKey } from './ids'
import type { SqlFilter } from './storage'

// Translates the index-served part of a MongoDB filter into a SQL WHERE that
// selects a superset of the matching rows; mingo then checks the full filter
// on each candidate. Anything that cannot be translated without risking a
// missed match (null, booleans, dates, regexes, $ne, $exists, ...) is simply
// left to mingo. Only strings and finite numbers are compared in SQL:
// json_extract yields exactly those for JSON strings and numbers.

export type ExprFor = (field: string) => string | null

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

function and(parts: Array<SqlFilter | null>): SqlFilter | null {
  const present = parts.filter((part): part is SqlFilter => part !== null)
  if (present.length === 0) return null
  if (present.length === 1) return present[0]!
  return { sql: present.map((part) => `(${part.sql})`).join(' AND '), params: present.flatMap((part) => part.params) }
}

function or(parts: Array<SqlFilter | null>): SqlFilter | null {
  if (parts.length === 0 || parts.some((part) => part === null)) return null
  const present = parts as SqlFilter[]
  return { sql: present.map((part) => `(${part.sql})`).join(' OR '), params: present.flatMap((part) => part.params) }
}

function inList(expr: string, values: unknown[], key: (value: Scalar) => Scalar): SqlFilter | null {
  if (!values.every(isScalar)) return null
  if (values.length === 0) return { sql: '0', params: [] }
  return { sql: `${expr} IN (${values.map(() => '?').join(', ')})`, params: values.map(key) }
}

/** `_id` lives in the primary key: exact for strings, and never an array. */
function idCondition(value: unknown): SqlFilter | null {
  if (isScalar(value)) return { sql: 'id = ?', params: [idKey(value)] }
  if (!isOperatorObject(value)) return null
  const parts: Array<SqlFilter | null> = []
  for (const [op, operand] of Object.entries(value)) {
    if (op === '$eq' && isScalar(operand)) parts.push({ sql: 'id = ?', params: [idKey(operand)] })
    else if (op === '$in' && Array.isArray(operand)) parts.push(inList('id', operand, idKey))
    // Numeric ids are stored as tagged text, so only string ranges map onto key order.
    else if (op in RANGE_SQL && typeof operand === 'string') parts.push({ sql: `id ${RANGE_SQL[op]} ?`, params: [operand] })
  }
  return and(parts)
}

function fieldCondition(field: string, expr: string, value: unknown): SqlFilter | null {
  let condition: SqlFilter | null = null
  if (isScalar(value)) condition = { sql: `${expr} = ?`, params: [value] }
  else if (isOperatorObject(value)) {
    const parts: Array<SqlFilter | null> = []
    for (const [op, operand] of Object.entries(value)) {
      if (op === '$eq' && isScalar(operand)) parts.push({ sql: `${expr} = ?`, params: [operand] })
      else if (op === '$in' && Array.isArray(operand)) parts.push(inList(expr, operand, (v) => v))
      else if (op in RANGE_SQL && isScalar(operand)) parts.push({ sql: `${expr} ${RANGE_SQL[op]} ?`, params: [operand] })
    }
    condition = and(parts)
  }
  if (!condition) return null
  return { sql: [condition.sql, ...arrayGuards(field)].map((sql) => `(${sql})`).join(' OR '), params: condition.params }
}

/** The SQL superset filter for `query`, or null when no index narrows it. */
export function pushdown(query: Record<string, unknown>, exprFor: ExprFor): SqlFilter | null {
  const parts: Array<SqlFilter | null> = []
  for (const [key, value] of Object.entries(query)) {
    if (key === '$and' && Array.isArray(value)) {
      parts.push(and(value.map((sub) => (isPlainQuery(sub) ? pushdown(sub, exprFor) : null))))
    } else if (key === '$or' && Array.isArray(value)) {
      parts.push(or(value.map((sub) => (isPlainQuery(sub) ? pushdown(sub, exprFor) : null))))
    } else if (key === '_id') {
      parts.push(idCondition(value))
    } else if (!key.startsWith('$')) {
      const expr = exprFor(key)
      if (expr) parts.push(fieldCondition(key, expr, value))
    }
  }
  return and(parts)
}

function isPlainQuery(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
