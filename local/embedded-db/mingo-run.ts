import { Aggregator, Query, find } from 'mingo'
import { update as mingoUpdate, type Modifier } from 'mingo/updater'
import type { Options } from 'mingo/types'
import type { Doc } from './ejson'
import { EngineError, invalidOperator, requestFailed } from './errors'

// One place that runs mingo, with the options that match the cloud database
// (no server-side JavaScript), and that turns mingo's exceptions into the
// service's error codes: an unknown operator is DATABASE_INVALID_OPERRATOR,
// anything else mingo rejects is a failed request.

const UNKNOWN_OPERATOR = /unknown (top level |query |update )?operator|unregistered .*operator|is not registered|not a valid operator/i

function baseOptions(extra: Partial<Options> = {}): Partial<Options> {
  return { idKey: '_id', scriptEnabled: false, useStrictMode: true, ...extra }
}

export function translate(error: unknown): EngineError {
  if (error instanceof EngineError) return error
  const message = error instanceof Error ? error.message : String(error)
  if (UNKNOWN_OPERATOR.test(message)) return invalidOperator(message)
  return requestFailed(`[InvalidParameter] ${message}`)
}

function guarded<T>(fn: () => T): T {
  try {
    return fn()
  } catch (error) {
    throw translate(error)
  }
}

export interface Matcher {
  test(doc: Doc): boolean
}

export function compileQuery(query: Doc): Matcher {
  const compiled = guarded(() => new Query(query, baseOptions()))
  return { test: (doc) => guarded(() => compiled.test(doc)) }
}

/** Sorts, pages and projects already-matched documents with MongoDB semantics. */
export function arrange(
  docs: Doc[],
  options: { sort?: Record<string, 1 | -1>; offset?: number; limit?: number; projection?: Doc },
): Doc[] {
  return guarded(() => {
    let cursor = find(docs, {}, options.projection ?? {}, baseOptions())
    if (options.sort && Object.keys(options.sort).length > 0) cursor = cursor.sort(options.sort)
    if (options.offset) cursor = cursor.skip(options.offset)
    if (options.limit !== undefined) cursor = cursor.limit(options.limit)
    return cursor.all() as Doc[]
  })
}

/** Applies update operators to `doc` in place. `condition` resolves positional `$` paths. */
export function applyOperators(doc: Doc, modifier: Doc, condition?: Doc): void {
  guarded(() => mingoUpdate(doc, modifier as Modifier<Doc>, undefined, condition, { cloneMode: 'deep' }))
}

export function runPipeline(docs: Doc[], pipeline: Doc[], resolveCollection: (name: string) => Doc[]): Doc[] {
  return guarded(() => new Aggregator(pipeline, baseOptions({ collectionResolver: resolveCollection })).run(docs))
}
