import { dateMs, isDateSql } from './sql-pushdown'
import { arrayGuards, jsonPath } from './index-registry'
import type { SqlFilter } from './storage'

// MongoDB's sort order in SQL. Each sort field becomes a type rank (null and
// missing < numbers < strings < booleans < dates) and a value within the type
// (dates in milliseconds, whichever form they are stored in). Arrays (sorted
// by their least or greatest element) and other objects (compared member by
// member) have no SQL form: the caller probes the candidates with `unsortable`
// and leaves the sort to mingo when any has one.

function rank(path: string): string {
  return `(CASE json_type(doc, '${path}') WHEN 'integer' THEN 2 WHEN 'real' THEN 2 WHEN 'text' THEN 3 WHEN 'true' THEN 8 WHEN 'false' THEN 8 WHEN 'object' THEN 9 ELSE 1 END)`
}

function value(path: string): string {
  return `(CASE json_type(doc, '${path}') WHEN 'object' THEN ${dateMs(path)} WHEN 'true' THEN 1 WHEN 'false' THEN 0 WHEN 'null' THEN NULL ELSE json_extract(doc, '${path}') END)`
}

export interface SqlSort {
  /** The ORDER BY terms, ties in insertion order unless `_id` breaks them. */
  orderBy: string
  /** Rows whose sort values SQL cannot order, none of which may be among the candidates (null: no such rows, an _id sort). */
  unsortable: SqlFilter | null
}

/**
 * The SQL form of `sort`, or null when a field cannot be addressed in SQL or
 * `_id` order is wanted but some keys are numeric (tagged keys sort as text).
 */
export function sqlSort(sort: Record<string, 1 | -1>, numericKeys: () => boolean): SqlSort | null {
  const terms: string[] = []
  const unsortable: string[] = []
  for (const [field, direction] of Object.entries(sort)) {
    const dir = direction === -1 ? 'DESC' : 'ASC'
    if (field === '_id') {
      if (numericKeys()) return null
      terms.push(`id ${dir}`)
      continue
    }
    let path: string
    try {
      path = jsonPath(field)
      unsortable.push(...arrayGuards(field))
    } catch {
      return null
    }
    terms.push(`${rank(path)} ${dir}`, `${value(path)} ${dir}`)
    unsortable.push(`(json_type(doc, '${path}') = 'object' AND NOT (${isDateSql(path)}))`)
  }
  // Ties in insertion order, as mingo's stable sort leaves them over a scan of the whole table.
  if (!('_id' in sort)) terms.push('rowid')
  return { orderBy: terms.join(', '), unsortable: unsortable.length ? { sql: unsortable.join(' OR '), params: [] } : null }
}
