import type { Doc } from './ejson'
import { dollarField } from './errors'

// The one storage rule on names that the cloud enforces and JSON does not: a
// field name may not start with `$` (MongoDB reserves those for operators),
// at any depth, arrays included. It is checked on the document as it is about
// to be stored, after update operators have run, so one check covers add, set,
// update, every operator ($set, $push, $addToSet, $rename, ...) and
// transactions alike, and positional paths (`a.$.b`), which are resolved by
// then, stay allowed. Extended JSON wrappers ({ $date }) are decoded to values
// before this point, so any `$` key left is a name the caller chose.

// By tag, not prototype: documents pass through structuredClone, whose
// objects belong to the host realm even when the engine runs in a vm (jest).
function isObjectLiteral(value: unknown): value is Record<string, unknown> {
  return Object.prototype.toString.call(value) === '[object Object]'
}

function check(value: unknown, path: string): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => check(item, `${path}.${i}`))
    return
  }
  if (!isObjectLiteral(value)) return
  for (const [key, inner] of Object.entries(value)) {
    const at = path ? `${path}.${key}` : key
    if (key.startsWith('$')) throw dollarField(key, at)
    check(inner, at)
  }
}

/** Throws the cloud's storage error when any field name in `doc` starts with `$`. */
export function assertStorable(doc: Doc): void {
  check(doc, '')
}
