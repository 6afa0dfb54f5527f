import { groupInSql } from './aggregate-sql'
import type { Doc } from './ejson'
import { decodeParam, decodeStored, encodeDoc, isPlainObject } from './ejson'
import { invalidOperator, invalidParam } from './errors'
import type { IndexRegistry } from './index-registry'
import { AGGREGATE_DEFAULT_LIMIT } from './limits'
import { narrowMatch, runWithLookups } from './aggregate-narrow'
import type { SqlFilter, SqliteStore } from './storage'

// database.aggregateDocuments. The builder sends stages as
// `{ stageKey: '$group', stageValue: '<EJSON>' }`. The platform returns 20 rows
// unless the pipeline has a $limit, which is what makes an unpaged group or
// lookup silently short in the cloud, so the engine does the same.

// The stages @cloudbase/database's Aggregate can build; others never reach the cloud.
const STAGES = new Set([
  '$addFields',
  '$bucket',
  '$bucketAuto',
  '$count',
  '$geoNear',
  '$group',
  '$limit',
  '$lookup',
  '$match',
  '$project',
  '$replaceRoot',
  '$sample',
  '$skip',
  '$sort',
  '$sortByCount',
  '$unwind',
])

interface WireStage {
  stageKey?: unknown
  stageValue?: unknown
}

function parseStages(stages: unknown, now: number): Doc[] {
  if (stages === undefined) return []
  if (!Array.isArray(stages)) throw invalidParam('stages must be an array')
  return stages.map((stage: WireStage) => {
    if (typeof stage?.stageKey !== 'string') throw invalidParam('each stage needs a stageKey')
    const name = stage.stageKey.startsWith('$') ? stage.stageKey : `$${stage.stageKey}`
    if (!STAGES.has(name)) throw invalidOperator(`unsupported aggregation stage: ${name}`)
    return { [name]: decodeParam(stage.stageValue, now) }
  })
}

export interface AggregateProbe {
  /** The SQL filter the candidate rows were read with (null: every row). */
  filter?: SqlFilter | null
  /** The leading $match as mingo still runs it (null: SQL decided it, or there is none). */
  residualMatch?: Doc | null
  /** Whether the leading $match + $group was grouped in SQL. */
  groupedInSql?: boolean
  /** Each narrowed $lookup's collection and how many of its documents were read. */
  lookups: Array<{ from: string; read: number }>
}

export function aggregate(store: SqliteStore, indexes: IndexRegistry, collection: string, stages: unknown, now: number): { list: string[] } {
  const pipeline = parseStages(stages, now)
  if (!pipeline.some((stage) => '$limit' in stage)) pipeline.push({ $limit: AGGREGATE_DEFAULT_LIMIT })
  return { list: runAggregate(store, indexes, collection, pipeline).map(encodeDoc) }
}

/** Runs a decoded pipeline; `probe`, when given, records how it was narrowed. */
export function runAggregate(store: SqliteStore, indexes: IndexRegistry, collection: string, pipeline: Doc[], probe?: AggregateProbe): Doc[] {
  const foreign = new Map<string, Doc[]>()
  const resolve = (name: string): Doc[] => {
    let docs = foreign.get(name)
    if (!docs) {
      docs = store.hasCollection(name) ? [...store.select(name, null, 'INSERTED')].map((row) => decodeStored(row.doc)) : []
      foreign.set(name, docs)
    }
    return docs
  }
  const run = (input: Doc[], rest: Doc[]) => runWithLookups(input, rest, { store, indexes, resolve, onNarrowed: probe && ((from, read) => probe.lookups.push({ from, read })) })

  // A leading $match narrows the scan the way reads do (aggregate-narrow.ts):
  // what SQL decides exactly is not checked again by mingo. A leading $match +
  // $group that SQL can answer exactly is grouped there, and mingo finishes
  // the rest of the pipeline on the grouped rows.
  const leading = pipeline[0] && Object.keys(pipeline[0]).length === 1 ? pipeline[0].$match : undefined
  const narrowed = isPlainObject(leading) ? narrowMatch(store, indexes, collection, leading) : null
  const filter = narrowed?.filter ?? null
  if (probe) Object.assign(probe, { filter, residualMatch: narrowed ? narrowed.residual : null })
  const grouped = groupInSql(store, collection, pipeline, filter)
  if (probe) probe.groupedInSql = grouped !== null
  if (grouped) return run(grouped.rows, pipeline.slice(grouped.consumed))

  // Otherwise mingo runs the rest of the pipeline, its input in insertion
  // order so that groups come out in the same order on both paths.
  const input = [...store.select(collection, filter, 'INSERTED')].map((row) => decodeStored(row.doc))
  const rest = !narrowed ? pipeline : narrowed.residual ? [{ $match: narrowed.residual }, ...pipeline.slice(1)] : pipeline.slice(1)
  return run(input, rest)
}
