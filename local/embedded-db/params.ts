import type { Doc } from './ejson'
import { decodeObject, decodeParam } from './ejson'
import { emptyQuery, invalidParam } from './errors'

// Readers for the loosely typed parameters the builder sends with each action.

export type Params = Record<string, unknown>

export function collectionName(params: Params): string {
  const name = params.collectionName
  if (typeof name !== 'string' || name === '') throw invalidParam('collectionName is required')
  return name
}

export function optionalString(params: Params, key: string): string | undefined {
  const value = params[key]
  if (value === undefined || value === null || value === '') return undefined
  if (typeof value !== 'string') throw invalidParam(`${key} must be a string`)
  return value
}

export function query(params: Params, now: number): Doc {
  return decodeObject(params.query, now, 'query')
}

/**
 * A where-write (update, updateAndReturn, remove) must carry a query: the
 * builder sends none for collection.update()/remove() without where(), and
 * the cloud refuses that rather than touching the whole collection.
 */
export function requireWhere(params: Params): void {
  if (params.query === undefined || params.query === null || params.query === '') throw emptyQuery()
}

export function sortSpec(params: Params, now: number): Record<string, 1 | -1> | undefined {
  const order = decodeParam(params.order, now)
  if (order === undefined) return undefined
  if (typeof order !== 'object' || order === null || Array.isArray(order)) throw invalidParam('order must be an object')
  const sort: Record<string, 1 | -1> = {}
  for (const [field, direction] of Object.entries(order)) {
    if (direction !== 1 && direction !== -1) throw invalidParam(`sort direction for ${field} must be 1 or -1`)
    sort[field] = direction
  }
  return sort
}

export function projection(params: Params, now: number): Doc | undefined {
  const value = decodeParam(params.projection, now)
  if (value === undefined) return undefined
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalidParam('projection must be an object')
  return Object.keys(value).length > 0 ? (value as Doc) : undefined
}

export function flag(params: Params, key: string, fallback: boolean): boolean {
  const value = params[key]
  return typeof value === 'boolean' ? value : fallback
}
