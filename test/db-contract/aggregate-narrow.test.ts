import { Aggregator } from 'mingo'
import { encodeDoc } from '../../local/embedded-db/ejson'
import { loadBson } from '../../local/embedded-db/sdk-modules'
import { describeEmbedded, random, useContractDb, type ContractDb, type Db } from './setup'

const bson = loadBson()

// Aggregates narrowed in SQL (local/embedded-db/aggregate-narrow.ts): a
// leading $match pushed down condition by condition (what SQL decides exactly
// is not checked again), and a $lookup with localField/foreignField that reads
// only the `from` documents the rows reaching it can join. Both must answer
// exactly what mingo answers over whole collections, whatever the stored
// types: arrays (matched and joined by element), null and missing fields,
// numbers next to strings that look like them, objects, dates, booleans,
// numeric and string `_id`s. Each random pipeline runs through the real
// builder and, as the reference, in mingo over every stored document in
// insertion order. The probe shows the narrowing is used. Embedded only: the
// paths are the engine's.


type Doc = Record<string, unknown>

describeEmbedded('aggregate: narrowed in SQL, exactly as mingo answers', () => {
  let ctx: ContractDb
  let db: Db
  let _: Db

  useContractDb((opened) => {
    ctx = opened
    db = opened.db
    _ = db.command
  })

  /** A private collection with `k`, `n`, `ref`, `key` and `nest.key` indexed; `u` and `free` are not. */
  async function collection(base: string, docs: Doc[]): Promise<string> {
    const name = await ctx.collection(base)
    ctx.engine!.declareIndexes([
      { collection: name, keys: { k: 1 }, name: 'k' },
      { collection: name, keys: { n: 1, k: 1 }, name: 'n_k' },
      { collection: name, keys: { ref: 1 }, name: 'ref' },
      { collection: name, keys: { key: 1 }, name: 'key', unique: false },
      { collection: name, keys: { 'nest.key': 1 }, name: 'nest_key' },
    ])
    for (let i = 0; i < docs.length; i += 100) await db.collection(name).add({ data: docs.slice(i, i + 100) })
    return name
  }

  /** The documents as stored (types as the engine keeps them), in insertion order. */
  async function stored(name: string, order: Doc[]): Promise<Doc[]> {
    const all: Doc[] = []
    for (let skip = 0; ; skip += 1000) {
      const page = (await db.collection(name).skip(skip).limit(1000).get()).data as Doc[]
      all.push(...page)
      if (page.length < 1000) break
    }
    const byId = new Map(all.map((doc) => [JSON.stringify(doc._id), doc]))
    return order.map((doc) => byId.get(JSON.stringify(doc._id))!)
  }

  function mingo(pipeline: Doc[], input: Doc[], collections: Record<string, Doc[]>): Doc[] {
    return new Aggregator(pipeline, { idKey: '_id', collectionResolver: (name: string) => collections[name] ?? [] }).run(input) as Doc[]
  }

  // ---- random data ---------------------------------------------------------

  function generator(seed: number, withArrays: boolean) {
    const rnd = random(seed)
    const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!
    const scalar = (): unknown => pick([0, 1, 2, 2.5, -1, '1', '2', 'a', 'b', '', '社区', 'f3', 3, 'f7', 7, true, false, null, new Date(Date.UTC(2026, 0, 1 + Math.floor(rnd() * 3)))])
    const value = (): unknown =>
      pick([
        scalar,
        scalar,
        scalar,
        () => undefined,
        () => ({ v: pick([1, 'a']) }),
        ...(withArrays ? [() => [scalar(), scalar()], () => [], () => [[pick([1, 'a'])]]] : []),
      ])()
    const set = (doc: Doc, field: string, v: unknown) => {
      if (v !== undefined) doc[field] = v
    }
    const local = (i: number): Doc => {
      const doc: Doc = { _id: `l${String(i).padStart(4, '0')}` }
      for (const field of ['k', 'n', 'ref', 'u']) set(doc, field, value())
      if (rnd() < 0.7) doc.o = pick([{ r: scalar() }, { r: value() }, 5, null, ...(withArrays ? [[{ r: 1 }, { r: 'f3' }]] : [])])
      return doc
    }
    const foreign = (i: number): Doc => {
      // Numeric and string ids, inserted numeric first so insertion order is the stored order.
      const doc: Doc = { _id: i < 8 ? i : `f${i}` }
      set(doc, 'key', value())
      set(doc, 'free', value())
      if (rnd() < 0.7) doc.nest = pick([{ key: scalar() }, { key: value() }, 'x', null, ...(withArrays ? [[{ key: 1 }, { key: 'a' }]] : [])])
      return doc
    }
    const operand = (): unknown => pick([0, 1, 2, '1', 'a', 'b', 'f3', 3, 7, null, true])
    const many = (): unknown[] => Array.from({ length: 150 }, () => pick([() => operand(), () => Math.floor(rnd() * 400), () => `l${String(Math.floor(rnd() * 400)).padStart(4, '0')}`])())
    const condition = (): Doc => {
      const field = pick(['k', 'n', 'ref', 'u', '_id'])
      const op = pick(['plain', '$eq', '$gt', '$lt', '$in', '$in', 'many', '$ne'])
      if (op === 'plain') return { [field]: operand() }
      if (op === '$in') return { [field]: { $in: [operand(), operand()] } }
      if (op === 'many') return { [field]: { $in: field === '_id' ? many().filter((v) => typeof v === 'string') : many() } }
      if (op === '$gt' || op === '$lt') return { [field]: { [op]: pick([1, 'a']) } }
      return { [field]: { [op]: operand() } }
    }
    const match = (): Doc =>
      pick([() => condition(), () => ({ ...condition(), ...condition() }), () => ({ ...condition(), $or: [condition(), condition()] }), () => ({ $and: [condition(), condition()] }), () => ({})])()
    return { local, foreign, match, pick, rnd }
  }

  /** Mongo-shaped filter → the builder's: operators through db.command. */
  function toSdk(filter: Doc): unknown {
    const ops: Record<string, (v: unknown) => unknown> = { $size: (v) => _.size(v), $eq: (v) => _.eq(v), $ne: (v) => _.neq(v), $gt: (v) => _.gt(v), $lt: (v) => _.lt(v), $in: (v) => _.in(v) }
    const field = (spec: unknown) => {
      if (typeof spec !== 'object' || spec === null || spec instanceof Date || Array.isArray(spec)) return spec
      const [[op, v]] = Object.entries(spec as Doc) as [[string, unknown]]
      return ops[op]!(v)
    }
    const parts: unknown[] = []
    const plain: Doc = {}
    for (const [key, spec] of Object.entries(filter)) {
      if (key === '$or') parts.push(_.or((spec as Doc[]).map(toSdk)))
      else if (key === '$and') parts.push(_.and((spec as Doc[]).map(toSdk)))
      else plain[key] = field(spec)
    }
    return parts.length === 0 ? plain : _.and([plain, ...parts])
  }

  // Pipelines as plain stages, and the same through the builder.
  type Stage = Doc
  function build(name: string, stages: Stage[]): Db {
    let agg = db.collection(name).aggregate()
    for (const stage of stages) {
      const [[key, value]] = Object.entries(stage) as [[string, unknown]]
      if (key === '$match') agg = agg.match(toSdk(value as Doc))
      else agg = agg[key.slice(1)](value)
    }
    return agg
  }

  for (const [seed, withArrays] of [
    [11, false],
    [12, false],
    [13, true],
    [14, true],
  ] as const) {
    it(`gives mingo's answers on random data (seed ${seed}${withArrays ? ', arrays' : ''})`, async () => {
      const gen = generator(seed, withArrays)
      const localDocs = Array.from({ length: 400 }, (_unused, i) => gen.local(i))
      const foreignDocs = Array.from({ length: 120 }, (_unused, i) => gen.foreign(i))
      const local = await collection(`narrow_l${seed}`, localDocs)
      const foreign = await collection(`narrow_f${seed}`, foreignDocs)
      const collections = { [local]: await stored(local, localDocs), [foreign]: await stored(foreign, foreignDocs) }
      let narrowedLookups = 0
      let decidedMatches = 0
      for (let q = 0; q < 50; q++) {
        const lookup = { from: foreign, localField: gen.pick(['ref', 'k', 'n', 'o.r', 'r']), foreignField: gen.pick(['_id', 'key', 'free', 'nest.key']), as: 'joined' }
        const match = gen.match()
        const stages: Stage[] = gen.pick([
          () => [{ $match: match }, { $sort: { _id: 1 } }, { $limit: 1000 }],
          () => [{ $match: match }, { $lookup: lookup }, { $limit: 1000 }],
          () => [{ $match: match }, { $project: { r: gen.pick(['$ref', '$k', '$n']), k: 1 } }, { $lookup: { ...lookup, localField: 'r' } }, { $limit: 1000 }],
          () => [{ $lookup: lookup }, { $match: { joined: { $size: 1 } } }, { $limit: 1000 }],
          // Local values that are all strings or numbers: always narrowed, whatever the foreign side holds.
          () => [{ $match: match }, { $addFields: { r: { $cond: [{ $in: [{ $type: `$${lookup.localField}` }, ['string', 'int', 'double', 'long']] }, `$${lookup.localField}`, 'none'] } } }, { $lookup: { ...lookup, localField: 'r' } }, { $limit: 1000 }],
          () => [{ $addFields: { r: { $cond: [{ $in: [{ $type: '$n' }, ['string', 'int', 'double', 'long']] }, '$n', 0] } } }, { $lookup: { ...lookup, localField: 'r' } }, { $limit: 1000 }],
          () => [{ $match: match }, { $group: { _id: '$k', n: { $sum: 1 } } }, { $sort: { n: -1, _id: 1 } }, { $limit: 1000 }],
          () => [{ $match: match }, { $lookup: lookup }, { $lookup: { ...lookup, localField: 'u', as: 'again' } }, { $limit: 1000 }],
        ])()
        const context = JSON.stringify(stages)
        const expected = mingo(stages, collections[local]!, collections)
        const got = (await build(local, stages).end()).list as Doc[]
        // As the wire carries them (Extended JSON both ways: undefined arrives as null).
        expect({ context, got }).toEqual({ context, got: expected.map((doc) => bson.EJSON.parse(encodeDoc(doc), { relaxed: true })) })
        const probe = ctx.engine!.aggregateProbe(local, stages)
        expect({ context, rows: probe.rows }).toEqual({ context, rows: expected })
        narrowedLookups += probe.lookups.length
        if ('$match' in stages[0]! && probe.residualMatch === null) decidedMatches += 1
      }
      // Both paths were taken, not only the fallbacks.
      expect(narrowedLookups).toBeGreaterThan(0)
      expect(decidedMatches).toBeGreaterThan(0)
    })
  }

  // ---- what the narrowing does ---------------------------------------------

  describe('the probe', () => {
    let local: string
    let foreign: string
    const ids = Array.from({ length: 1200 }, (_unused, i) => `m${String(i).padStart(5, '0')}`)

    beforeAll(async () => {
      foreign = await collection('narrow_probe_f', Array.from({ length: 500 }, (_unused, i) => ({ _id: `a${i}`, key: `a${i}`, title: `活动${i}` })))
      local = await collection(
        'narrow_probe_l',
        ids.map((id, i) => ({ _id: `t${i}`, k: id, ref: `a${i % 500}`, u: i % 7 === 0 ? 'x' : 'y' })),
      )
    })

    const inBatch = ids.slice(100, 1100) // 1,000 values: past the parameter list, one JSON array

    it('answers a leading `in` over 1,000 values through the index, and mingo checks only the rest', () => {
      const probe = ctx.engine!.aggregateProbe(local, [{ $match: { k: { $in: inBatch }, u: { $ne: 'x' } } }, { $limit: 5000 }])
      expect(probe.plan.join('\n')).toMatch(/USING INDEX "?ix:narrow_probe_l_\w+:k"?/)
      expect(probe.plan.join('\n')).not.toMatch(/^SCAN "?c:narrow_probe_l/m)
      expect(probe.filter?.params).toHaveLength(1) // the list as one JSON array, not 1,000 parameters
      expect(probe.residualMatch).toEqual({ u: { $ne: 'x' } })
      expect(probe.rows).toHaveLength(inBatch.filter((_id, i) => (i + 100) % 7 !== 0).length)
    })

    it('leaves nothing for mingo when SQL decides the whole $match', () => {
      const probe = ctx.engine!.aggregateProbe(local, [{ $match: { k: { $in: inBatch }, _id: { $in: ['t100', 't5', 't1099', 't1100'] } } }, { $limit: 5000 }])
      expect(probe.residualMatch).toBeNull()
      expect(probe.rows.map((row) => row._id)).toEqual(['t100', 't1099'])
    })

    it('reads only the joined documents of a $lookup on _id and on an indexed field', () => {
      for (const foreignField of ['_id', 'key']) {
        const probe = ctx.engine!.aggregateProbe(local, [{ $match: { k: { $in: ids.slice(0, 20) } } }, { $lookup: { from: foreign, localField: 'ref', foreignField, as: 'a' } }, { $limit: 100 }])
        expect(probe.lookups).toEqual([{ from: foreign, read: 20 }])
        expect(probe.rows.map((row) => (row.a as Doc[]).map((a) => a._id))).toEqual(ids.slice(0, 20).map((_id, i) => [`a${i}`]))
      }
    })

    it('reads the whole collection when a local value is missing, null or an array, or the lookup has a pipeline', async () => {
      const mixed = await collection('narrow_probe_mixed', [
        { _id: 'p1', ref: 'a1' },
        { _id: 'p2', ref: null },
        { _id: 'p3' },
        { _id: 'p4', ref: ['a2', 'a3'] },
      ])
      for (const match of [{ _id: { $in: ['p1', 'p2'] } }, { _id: { $in: ['p1', 'p3'] } }, { _id: { $in: ['p1', 'p4'] } }]) {
        const probe = ctx.engine!.aggregateProbe(mixed, [{ $match: match }, { $lookup: { from: foreign, localField: 'ref', foreignField: '_id', as: 'a' } }, { $limit: 10 }])
        expect(probe.lookups).toEqual([])
      }
      const piped = ctx.engine!.aggregateProbe(mixed, [{ $lookup: { from: foreign, let: { r: '$ref' }, pipeline: [{ $match: { $expr: { $eq: ['$_id', '$$r'] } } }], as: 'a' } }, { $limit: 10 }])
      expect(piped.lookups).toEqual([])
      expect(piped.rows.find((row) => row._id === 'p1')!.a).toEqual([{ _id: 'a1', key: 'a1', title: '活动1' }])
    })
  })
})
