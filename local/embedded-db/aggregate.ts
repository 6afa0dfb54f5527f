import { groupInSql } from './aggregate-sql'
import type { Doc } from './ejson'
import { decodeParam, decodeStored, encodeDoc } from './ejson'
import { invalidOperator, invalidParam } from './errors'
import type { IndexRegistry } from './index-registry'
import { AGGREGATE_DEFAULT_LIMIT } from './limits'
import { runPipeline } from './mingo-run'
import { pushdown } from './sql-pushdown'
import type { SqliteStore } from './storage'

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

export function aggregate(store: SqliteStore, indexes: IndexRegistry, collection: string, stages: unknown, now: number): { list: string[] } {
  const pipeline = parseStages(stages, now)
  if (!pipeline.some((stage) => '$limit' in stage)) pipeline.push({ $limit: AGGREGATE_DEFAULT_LIMIT })

  const foreign = new Map<string, Doc[]>()
  const resolve = (name: string): Doc[] => {
    let docs = foreign.get(name)
    if (!docs) {
      docs = store.hasCollection(name) ? [...store.select(name, null)].map((row) => decodeStored(row.doc)) : []
      foreign.set(name, docs)
    }
    return docs
  }
  // A leading $match narrows the scan through the indexes on either path. A
  // leading $match + $group that SQL can answer exactly is grouped there, and
  // mingo finishes the rest of the pipeline on the grouped rows.
  const leading = pipeline[0]?.$match
  const filter =
    leading && typeof leading === 'object' ? pushdown(leading as Doc, (field) => indexes.pushdownExpr(collection, field)) : null
  const grouped = groupInSql(store, collection, pipeline, filter)
  if (grouped) return { list: runPipeline(grouped.rows, pipeline.slice(grouped.consumed), resolve).map(encodeDoc) }

  // Otherwise the whole pipeline runs in mingo, its input in insertion order
  // so that groups come out in the same order on both paths.
  const input = [...store.select(collection, filter, 'INSERTED')].map((row) => decodeStored(row.doc))
  return { list: runPipeline(input, pipeline, resolve).map(encodeDoc) }
}
