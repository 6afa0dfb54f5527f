import { find } from 'mingo'
import { describeEmbedded, random, useContractDb, type ContractDb, type Db } from './setup'

// Filters and sorts the embedded engine answers in SQL (local/embedded-db/
// sql-pushdown.ts, sql-order.ts) must give what the cloud gives, whatever the
// stored types: dates in both stored forms (ISO text, milliseconds before 1970),
// whole seconds next to milliseconds, strings that look like dates, numbers,
// booleans, null, missing fields and arrays. The fields are indexed here (in
// the embedded engine), so each shape takes the SQL path; the expected values
// are MongoDB's.

let ctx: ContractDb
let db: Db
let _: Db

useContractDb((opened) => {
  ctx = opened
  db = opened.db
  _ = db.command
})

const at = (iso: string) => new Date(iso)

/** A private collection whose fields `at`, `n`, `s` (and `k` + `at`) are indexed in the embedded engine. */
async function indexed(base: string, docs: Array<Record<string, unknown>>): Promise<string> {
  const name = await ctx.collection(base)
  ctx.engine?.declareIndexes([
    { collection: name, keys: { at: 1 }, name: 'at' },
    { collection: name, keys: { n: 1 }, name: 'n' },
    { collection: name, keys: { s: 1 }, name: 's' },
    { collection: name, keys: { k: 1, at: -1 }, name: 'k_at' },
  ])
  for (let i = 0; i < docs.length; i += 100) await db.collection(name).add({ data: docs.slice(i, i + 100) })
  return name
}

async function ids(query: { get(): Promise<{ data: Array<{ _id: string }> }> }): Promise<string[]> {
  return (await query.get()).data.map((doc) => doc._id)
}

describe('dates compared in SQL', () => {
  let name: string
  beforeAll(async () => {
    name = await indexed('dates', [
      { _id: 'whole', k: 'a', at: at('2026-06-01T02:00:00Z') },
      { _id: 'ms', k: 'a', at: at('2026-06-01T02:00:00.500Z') },
      { _id: 'later', k: 'a', at: at('2026-06-01T02:00:01Z') },
      { _id: 'old', k: 'a', at: at('1955-03-04T00:00:00Z') },
      { _id: 'epoch', k: 'b', at: at('1970-01-01T00:00:00Z') },
      { _id: 'text', k: 'a', at: '{"$date":"2026-06-01T02:00:00.500Z"}' },
      { _id: 'number', k: 'a', at: 1780279200500 },
      { _id: 'null', k: 'a', at: null },
      { _id: 'missing', k: 'a' },
      { _id: 'true', k: 'a', at: true },
    ])
  })

  const where = (filter: object) => ids(db.collection(name).where(filter).orderBy('_id', 'asc'))
  const count = async (filter: object) => (await db.collection(name).where(filter).count()).total

  it('matches only dates, in time order to the millisecond, in both stored forms', async () => {
    const half = at('2026-06-01T02:00:00.500Z')
    expect(await where({ at: _.gt(at('2026-06-01T02:00:00Z')) })).toEqual(['later', 'ms'])
    expect(await where({ at: _.gte(half) })).toEqual(['later', 'ms'])
    expect(await where({ at: _.lt(half) })).toEqual(['epoch', 'old', 'whole'])
    expect(await where({ at: _.lte(half) })).toEqual(['epoch', 'ms', 'old', 'whole'])
    expect(await where({ at: _.gte(at('1970-01-01T00:00:00Z')).and(_.lt(at('2026-06-01T02:00:00.001Z'))) })).toEqual(['epoch', 'whole'])
    expect(await where({ at: half })).toEqual(['ms'])
    expect(await where({ at: _.eq(at('1970-01-01T00:00:00Z')) })).toEqual(['epoch'])
    expect(await count({ at: _.lte(half) })).toBe(4)
    expect(await count({ k: 'a', at: _.gt(at('2000-01-01T00:00:00Z')) })).toBe(3)
  })

  it('combines a date range with other conditions, $or and $and', async () => {
    expect(await where(_.or([{ at: _.lt(at('1960-01-01T00:00:00Z')) }, { at: _.gt(at('2026-06-01T02:00:00.600Z')) }]))).toEqual(['later', 'old'])
    expect(await where(_.and([{ k: 'a' }, { at: _.lte(at('2026-06-01T02:00:00Z')) }]))).toEqual(['old', 'whole'])
    expect(await count(_.or([{ k: 'b' }, { at: null }]))).toBe(3)
  })

  it('sorts mixed types in MongoDB order: null and missing, numbers, strings, booleans, dates', async () => {
    const asc = await ids(db.collection(name).orderBy('at', 'asc').orderBy('_id', 'asc'))
    expect(asc).toEqual(['missing', 'null', 'number', 'text', 'true', 'old', 'epoch', 'whole', 'ms', 'later'])
    const desc = await ids(db.collection(name).orderBy('at', 'desc').orderBy('_id', 'asc'))
    expect(desc).toEqual(['later', 'ms', 'whole', 'epoch', 'old', 'true', 'text', 'number', 'missing', 'null'])
  })

  it('pages a filtered, sorted list with skip and limit, and counts it', async () => {
    const page = (skip: number) => ids(db.collection(name).where({ k: 'a', at: _.gt(at('1900-01-01T00:00:00Z')) }).orderBy('at', 'desc').orderBy('_id', 'asc').skip(skip).limit(2))
    expect(await page(0)).toEqual(['later', 'ms'])
    expect(await page(2)).toEqual(['whole', 'old'])
    expect(await page(4)).toEqual([])
  })
})

describe('strings and numbers compared in SQL', () => {
  let name: string
  beforeAll(async () => {
    name = await indexed('scalars', [
      { _id: 'one', n: 1, s: 'a' },
      { _id: 'real', n: 1.5, s: '{x' },
      { _id: 'true', n: true, s: true },
      { _id: 'false', n: false, s: false },
      { _id: 'zero', n: 0, s: '' },
      { _id: 'text', n: '1', s: 'b' },
      { _id: 'object', n: { v: 1 }, s: { v: 'a' } },
      { _id: 'null', n: null, s: null },
    ])
  })
  const where = (filter: object) => ids(db.collection(name).where(filter).orderBy('_id', 'asc'))

  it('keeps booleans out of number comparisons and objects out of string comparisons', async () => {
    expect(await where({ n: 1 })).toEqual(['one'])
    expect(await where({ n: 0 })).toEqual(['zero'])
    expect(await where({ n: _.in([0, 1]) })).toEqual(['one', 'zero'])
    expect(await where({ n: _.gte(0) })).toEqual(['one', 'real', 'zero'])
    expect(await where({ n: _.lt(5) })).toEqual(['one', 'real', 'zero'])
    expect(await where({ s: _.gte('') })).toEqual(['one', 'real', 'text', 'zero'])
    expect(await where({ s: _.in(['{x', 'b']) })).toEqual(['real', 'text'])
    expect((await db.collection(name).where({ n: _.gte(0) }).count()).total).toBe(3)
  })

  it('sorts booleans after strings and numbers, and orders objects in MongoDB order', async () => {
    expect(await ids(db.collection(name).orderBy('n', 'asc').orderBy('_id', 'asc'))).toEqual(['null', 'zero', 'one', 'real', 'text', 'object', 'false', 'true'])
  })
})

describe('arrays on a pushed-down path', () => {
  it('matches a condition against each element and sorts by the least element ascending', async () => {
    const name = await indexed('arrays', [
      { _id: 'plain', at: at('2026-01-01T00:00:00Z'), n: 3 },
      { _id: 'list', at: [at('2020-01-01T00:00:00Z'), at('2030-01-01T00:00:00Z')], n: [1, 9] },
      { _id: 'none', at: [], n: [] },
    ])
    expect(await ids(db.collection(name).where({ at: _.lt(at('2021-01-01T00:00:00Z')) }))).toEqual(['list'])
    expect(await ids(db.collection(name).where({ n: _.gt(5) }))).toEqual(['list'])
    expect((await db.collection(name).where({ n: _.gt(0) }).count()).total).toBe(2)
    expect(await ids(db.collection(name).where({ n: _.gt(0) }).orderBy('n', 'asc'))).toEqual(['list', 'plain'])
  })
})

// ---- The SQL path against mingo on random data (embedded only) -------------


describeEmbedded('SQL path and mingo path', () => {
  const BASE = Date.parse('2026-06-01T00:00:00Z')
  const SECOND = 1000

  function generator(seed: number, withArrays: boolean, withObjects: boolean) {
    const rnd = random(seed)
    const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!
    // Few distinct values, so equality and ties are common; whole seconds and milliseconds within them.
    const date = () => new Date(BASE + Math.floor(rnd() * 6) * SECOND + pick([0, 0, 1, 500, 999]))
    const value = (): unknown =>
      pick([
        () => date(),
        () => date(),
        () => new Date(Date.parse('1960-01-01T00:00:00Z') + Math.floor(rnd() * 3) * SECOND),
        () => pick([0, 1, 2, 2.5, -1]),
        () => pick(['a', 'b', '社区', '{"$date":"2026-06-01T00:00:01Z"}', '']),
        () => pick([true, false]),
        () => null,
        () => undefined,
        ...(withObjects ? [() => ({ v: pick([1, 'a']) })] : []),
        ...(withArrays ? [() => [date(), pick([1, 'a'])]] : []),
      ])()
    const doc = (i: number) => {
      const d: Record<string, unknown> = { _id: `d${String(i).padStart(4, '0')}`, k: pick(['a', 'b', 'c']) }
      for (const field of ['at', 'n', 's']) {
        const v = value()
        if (v !== undefined) d[field] = v
      }
      return d
    }
    const operand = () => pick([() => date(), () => pick([0, 1, 2]), () => pick(['a', 'b', ''])])()
    const condition = (): Record<string, unknown> => {
      const field = pick(['at', 'n', 's', 'k'])
      const op = pick(['$eq', '$gt', '$gte', '$lt', '$lte', '$in', 'plain'])
      if (op === 'plain') return { [field]: operand() }
      if (op === '$in') return { [field]: { $in: [operand(), operand()] } }
      return rnd() < 0.3 ? { [field]: { [op]: operand(), $lte: date() } } : { [field]: { [op]: operand() } }
    }
    const filter = (): Record<string, unknown> =>
      pick([() => condition(), () => ({ ...condition(), ...condition() }), () => ({ $or: [condition(), condition()] }), () => ({ $and: [condition(), { $or: [condition(), condition()] }] })])()
    const sort = (): Record<string, 1 | -1> => (rnd() < 0.2 ? { _id: pick([1, -1] as const) } : { [pick(['at', 'n', 's', 'k'])]: pick([1, -1] as const), _id: 1 })
    return { doc, filter, sort, rnd }
  }

  /** Mongo-shaped filter → the builder's: operators through db.command. */
  function toSdk(filter: Record<string, unknown>): unknown {
    const ops: Record<string, (v: unknown) => unknown> = { $eq: (v) => _.eq(v), $gt: (v) => _.gt(v), $gte: (v) => _.gte(v), $lt: (v) => _.lt(v), $lte: (v) => _.lte(v), $in: (v) => _.in(v) }
    const field = (spec: unknown) => {
      if (typeof spec !== 'object' || spec === null || spec instanceof Date) return spec
      const parts = Object.entries(spec).map(([op, v]) => ops[op]!(v) as { and(other: unknown): unknown })
      return parts.slice(1).reduce((acc: { and(other: unknown): unknown }, part) => acc.and(part) as never, parts[0]!)
    }
    if (filter.$or) return _.or((filter.$or as Array<Record<string, unknown>>).map(toSdk))
    if (filter.$and) return _.and((filter.$and as Array<Record<string, unknown>>).map(toSdk))
    return Object.fromEntries(Object.entries(filter).map(([key, spec]) => [key, field(spec)]))
  }

  for (const [seed, withArrays, withObjects] of [[1, false, false], [2, false, false], [3, false, true], [4, true, true]] as const) {
    it(`gives the same pages and counts on random data (seed ${seed}${withArrays ? ', arrays' : ''}${withObjects ? ', objects' : ''})`, async () => {
      const gen = generator(seed, withArrays, withObjects)
      const docs = Array.from({ length: 300 }, (_unused, i) => gen.doc(i))
      const name = await indexed(`random${seed}`, docs)
      const stored = (await db.collection(name).orderBy('_id', 'asc').limit(1000).get()).data as Array<Record<string, unknown>>
      for (let q = 0; q < 60; q++) {
        const filter = gen.filter()
        const sort = gen.sort()
        const skip = Math.floor(gen.rnd() * 20)
        const expected = find(stored, filter, {}, { idKey: '_id' }).sort(sort).skip(skip).limit(10).all().map((d) => d._id)
        const total = find(stored, filter, {}, { idKey: '_id' }).all().length
        let query = db.collection(name).where(toSdk(filter))
        for (const [field, dir] of Object.entries(sort)) query = query.orderBy(field, dir === 1 ? 'asc' : 'desc')
        const got = await ids(query.skip(skip).limit(10))
        const context = JSON.stringify({ filter, sort, skip })
        expect({ context, got }).toEqual({ context, got: expected })
        expect({ context, total: (await db.collection(name).where(toSdk(filter)).count()).total }).toEqual({ context, total })
        // Unsorted, the order is unspecified: the same documents.
        const all = (await ids(db.collection(name).where(toSdk(filter)).limit(1000))).sort()
        expect({ context, all }).toEqual({ context, all: find(stored, filter, {}, { idKey: '_id' }).all().map((d) => d._id as string).sort() })
      }
    })
  }
})
