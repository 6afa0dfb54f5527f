import { loadBson } from './sdk-modules'
import { invalidParam } from './errors'

// The builder sends every query, update and document as canonical Extended
// JSON and parses replies with EJSON.parse. Stored documents are relaxed
// Extended JSON: plain JSON for everything but dates (`{"$date": ...}`), so
// SQLite's json_extract sees ordinary strings and numbers for indexing.

export type Doc = Record<string, unknown>

const SERVER_DATE = '$tcb_server_date'

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false
  const proto = Object.getPrototypeOf(value) as unknown
  return proto === Object.prototype || proto === null
}

function jsRegExpFlags(bsonOptions: string): string {
  // JavaScript has no `x` (extended) or `l` (locale) flags.
  return [...bsonOptions].filter((flag) => 'imsu'.includes(flag)).join('')
}

interface BsonLike {
  _bsontype: string
  pattern?: string
  options?: string
  toHexString?: () => string
  toNumber?: () => number
  valueOf(): unknown
  toString(): string
}

function fromBsonType(value: BsonLike): unknown {
  switch (value._bsontype) {
    case 'BSONRegExp':
      return new RegExp(value.pattern ?? '', jsRegExpFlags(value.options ?? ''))
    case 'ObjectId':
    case 'ObjectID':
      return value.toHexString ? value.toHexString() : value.toString()
    case 'Long':
      return value.toNumber ? value.toNumber() : Number(value.toString())
    case 'Decimal128':
      return Number(value.toString())
    case 'Int32':
    case 'Double':
      return Number(value.valueOf())
    default:
      return value
  }
}

/**
 * Turns parsed Extended JSON into plain JS values mingo understands, and
 * resolves `db.serverDate()` placeholders against `now` (one instant per request).
 */
export function normalize(value: unknown, now: number): unknown {
  if (value === null || typeof value !== 'object') return value
  if (value instanceof Date || value instanceof RegExp) return value
  if (Array.isArray(value)) return value.map((item) => normalize(item, now))
  if (typeof (value as Partial<BsonLike>)._bsontype === 'string') return fromBsonType(value as BsonLike)
  const source = value as Record<string, unknown>
  const keys = Object.keys(source)
  if (keys.length === 1 && keys[0] === SERVER_DATE) {
    const spec = source[SERVER_DATE] as { offset?: unknown } | undefined
    const offset = typeof spec?.offset === 'number' ? spec.offset : 0
    return new Date(now + offset)
  }
  const out: Record<string, unknown> = {}
  for (const key of keys) out[key] = normalize(source[key], now)
  return out
}

/** Parses one Extended JSON text from the builder (a query, an update, a document). */
export function decodeParam(text: unknown, now: number): unknown {
  if (text === undefined || text === null || text === '') return undefined
  if (typeof text !== 'string') return normalize(text, now)
  try {
    return normalize(loadBson().EJSON.parse(text, { relaxed: true }), now)
  } catch (error) {
    throw invalidParam(`malformed Extended JSON parameter: ${(error as Error).message}`)
  }
}

export function decodeObject(text: unknown, now: number, what: string): Doc {
  const value = decodeParam(text, now)
  if (value === undefined) return {}
  if (!isPlainObject(value)) throw invalidParam(`${what} must be an object`)
  return value
}

/** Sentinel: the text holds a wrapper other than an ISO date. */
const NOT_ISO_ONLY = Symbol('not ISO dates only')

/** Turns `{"$date":"<ISO>"}` members into Dates in place (as bson does: Date.parse of the text). */
function reviveIsoDates(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item = reviveIsoDates(value[i])
      if (item === NOT_ISO_ONLY) return NOT_ISO_ONLY
      value[i] = item
    }
    return value
  }
  const object = value as Record<string, unknown>
  for (const key in object) {
    if (key.charCodeAt(0) === 36 /* $ */) {
      const date = object.$date
      return key === '$date' && typeof date === 'string' && Object.keys(object).length === 1 ? new Date(Date.parse(date)) : NOT_ISO_ONLY
    }
    if (key === '__proto__') return NOT_ISO_ONLY // assigning it would set the prototype: bson's path
    const member = object[key]
    if (member === null || typeof member !== 'object') continue
    const revived = reviveIsoDates(member)
    if (revived === NOT_ISO_ONLY) return NOT_ISO_ONLY
    object[key] = revived
  }
  return object
}

/**
 * Reads a stored document: plain JSON.parse when it holds no Extended JSON
 * wrappers, and when its only wrappers are ISO dates (`{"$date":"<ISO>"}`, the
 * common case) JSON.parse and a walk that turns those into Dates as bson does.
 * Stored field names never start with `$` (writes refuse them), so any other
 * `$` member is a wrapper only bson reads right.
 */
export function decodeStored(text: string): Doc {
  if (!text.includes('"$')) return JSON.parse(text) as Doc
  const doc = reviveIsoDates(JSON.parse(text))
  if (doc !== NOT_ISO_ONLY) return doc as Doc
  return normalize(loadBson().EJSON.parse(text, { relaxed: true }), Date.now()) as Doc
}

/** The stored and wire form of a document. */
export function encodeDoc(doc: Doc): string {
  return loadBson().EJSON.stringify(doc, { relaxed: true })
}

export { isPlainObject }
