import type { Doc } from './ejson'
import { encodeDoc, isPlainObject } from './ejson'
import { invalidOperator, invalidParam, requestFailed } from './errors'
import { idKey } from './ids'
import { applyOperators } from './mingo-run'

// How a stored document changes under modifyDocument: `merge: true` applies
// update operators (the builder turns plain fields into $set on dotted
// paths), `merge: false` replaces the whole document but keeps its _id.

// The operators the cloud database accepts; anything else is rejected before
// it reaches mingo, so a typo never silently does nothing.
const UPDATE_OPERATORS = new Set([
  '$set',
  '$unset',
  '$inc',
  '$mul',
  '$push',
  '$pull',
  '$pullAll',
  '$pop',
  '$addToSet',
  '$rename',
  '$max',
  '$min',
  '$bit',
  '$currentDate',
])

export function isOperatorUpdate(update: Doc): boolean {
  const keys = Object.keys(update)
  const operators = keys.filter((key) => key.startsWith('$'))
  if (operators.length > 0 && operators.length !== keys.length) {
    throw invalidParam('an update cannot mix operators ($set, $inc, ...) with plain fields')
  }
  return operators.length > 0
}

function checkOperators(update: Doc): void {
  for (const [op, fields] of Object.entries(update)) {
    if (!UPDATE_OPERATORS.has(op)) throw invalidOperator(`unknown update operator: ${op}`)
    if (!isPlainObject(fields)) throw invalidParam(`${op} expects an object of fields`)
  }
}

function usesPositional(update: Doc): boolean {
  return Object.values(update).some((fields) => isPlainObject(fields) && Object.keys(fields).some((path) => /(^|\.)\$(\[|$|\.)/.test(path)))
}

function keepId(before: Doc, after: Doc): void {
  if (idKey(after._id) !== idKey(before._id)) {
    throw requestFailed("[InvalidParameter] Performing an update on the path '_id' would modify the immutable field '_id'")
  }
}

/** The document after a merge update; `before` is left untouched. */
export function applyUpdate(before: Doc, update: Doc, condition: Doc): Doc {
  const modifier = isOperatorUpdate(update) ? update : { $set: update }
  checkOperators(modifier)
  const after = structuredClone(before)
  applyOperators(after, modifier, usesPositional(modifier) ? condition : undefined)
  keepId(before, after)
  return after
}

/** The document after a replacement (`set`): the new fields, the old _id. */
export function applyReplace(id: unknown, replacement: Doc): Doc {
  if (isOperatorUpdate(replacement)) throw invalidOperator('a replacement document (set) cannot contain update operators')
  const { _id: _ignored, ...fields } = replacement
  return { _id: id, ...fields }
}

/** Whether an update actually changed the stored form (the cloud counts only real changes). */
export function changed(before: Doc, after: Doc): boolean {
  return encodeDoc(before) !== encodeDoc(after)
}
