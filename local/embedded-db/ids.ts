import { randomBytes } from 'node:crypto'
import { invalidParam } from './errors'

// Cloud-generated ids are 32 lowercase hex characters.
export function generateId(): string {
  return randomBytes(16).toString('hex')
}

// Numeric ids sort below every string key (\u0001 < any printable character),
// as numbers sort below strings in MongoDB, and never collide with string ids.
const NUMBER_PREFIX = '\u0001n:'

export type DocId = string | number

export function isDocId(value: unknown): value is DocId {
  return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value))
}

/** The primary-key text for an `_id`: strings as themselves, numbers tagged. */
export function idKey(id: unknown): string {
  if (typeof id === 'string') return id
  if (typeof id === 'number' && Number.isFinite(id)) return `${NUMBER_PREFIX}${id}`
  throw invalidParam(`_id must be a string or a number, got ${JSON.stringify(id)}`)
}

/** Whether a key came from a non-string `_id` (then SQL order on the key is not MongoDB order). */
export const NUMBER_KEY_RANGE = { from: '\u0001', to: '\u0002' } as const
