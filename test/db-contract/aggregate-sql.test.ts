import { describeEmbedded, openContractDb, type ContractDb, type Db } from './setup'

// The aggregate fast path (a leading $match + $group counted or summed in SQL)
// must answer exactly what mingo answers over every document. Each pipeline
// runs twice through the real builder: as written, and behind a leading
// $match that only mingo can evaluate (`_id` exists: every document), which
// forces the whole pipeline through mingo. The engine also says which path
// served the first run, so a case meant for SQL cannot quietly fall back.
// Embedded only: the path is the engine's.

describeEmbedded('aggregate: grouped in SQL, exactly as mingo groups', () => {
  let ctx: ContractDb
  let db: Db
  let _: Db
  let $: Db
  let plain: string
  let arrays: string

  // Keys of every JSON type, missing and null keys, numbers that look like
  // strings, summands that are not numbers, nested paths through scalars.
  const tricky = [
    { _id: 't01', k: 'b', v: 2, status: 'active', n: 1, a: { b: 'x' } },
    { _id: 't02', v: 1, status: 'active', n: 2 },
    { _id: 't03', k: null, v: 'x', status: 'moved', n: '3', a: { b: 'y' } },
    { _id: 't04', k: 'a', v: true, status: 'active', n: 4, a: 5 },
    { _id: 't05', k: 1, v: null, status: 'active', n: 5, a: { b: 1 } },
    { _id: 't06', k: 1, v: 3, status: 'moved', n: 6, a: { c: 1 } },
    { _id: 't07', k: '1', v: -4, status: 'active', n: 'x', a: { b: 'x' } },
    { _id: 't08', k: true, v: 10, status: 'active', n: 8 },
    { _id: 't09', k: false, v: 1, status: 'active', n: 9, a: null },
    { _id: 't10', k: 'b', v: 7, status: 'active', n: 10, a: { b: '1' } },
    { _id: 't11', k: 0, v: 0, status: 'active', n: 0 },
    { _id: 't12', k: '', v: 5, status: 'active', n: -1 },
  ]

  beforeAll(async () => {
    ctx = await openContractDb()
    db = ctx.db
    _ = db.command
    $ = _.aggregate
    plain = await ctx.collection('agg_sql')
    arrays = await ctx.collection('agg_sql_arrays')
    // Out of _id order on purpose: groups come out in insertion order.
    await db.collection(plain).add({ data: [...tricky].reverse() })
    await db.collection(arrays).add({
      data: [
        { _id: 'r1', k: 'a', v: 1, tags: ['x'] },
        { _id: 'r2', k: ['a', 'b'], v: 1.5, tags: 'x' },
        { _id: 'r3', k: { nested: 1 }, v: [1, 2], tags: ['y', 'x'] },
        { _id: 'r4', k: 'a', v: Infinity, n: Infinity },
      ],
    })
  })

  afterAll(async () => {
    await ctx.close()
  })

  type Build = (aggregate: Db) => Db
  const viaMingo = (collection: string, build: Build) => build(db.collection(collection).aggregate().match({ _id: _.exists(true) })).end()
  const asWritten = (collection: string, build: Build) => build(db.collection(collection).aggregate()).end()

  async function compare(collection: string, build: Build, stages: Array<Record<string, unknown>>, path: 'sql' | 'mingo') {
    const fast = (await asWritten(collection, build)).list
    const reference = (await viaMingo(collection, build)).list
    expect(fast).toEqual(reference)
    expect(ctx.engine!.groupsInSql(collection, stages)).toBe(path === 'sql')
    return fast
  }

  it('counts and sums by a key of every type, null and missing keys together, in first-seen order', async () => {
    const rows = await compare(plain, (a) => a.group({ _id: '$k', n: $.sum(1), total: $.sum('$v'), twice: $.sum(2) }).limit(100), [{ $group: { _id: '$k', n: { $sum: 1 }, total: { $sum: '$v' }, twice: { $sum: 2 } } }], 'sql')
    expect(rows).toEqual([
      { _id: '', n: 1, total: 5, twice: 2 },
      { _id: 0, n: 1, total: 0, twice: 2 },
      { _id: 'b', n: 2, total: 9, twice: 4 },
      { _id: false, n: 1, total: 1, twice: 2 },
      { _id: true, n: 1, total: 10, twice: 2 },
      { _id: '1', n: 1, total: -4, twice: 2 },
      { _id: 1, n: 2, total: 3, twice: 4 },
      { _id: 'a', n: 1, total: 0, twice: 2 },
      { _id: null, n: 2, total: 1, twice: 4 },
    ])
  })

  it('a leading $match on strings and numbers, then sort, skip, limit and project on the grouped rows', async () => {
    await compare(
      plain,
      (a) => a.match({ status: 'active', n: _.gte(1) }).group({ _id: '$k', n: $.sum(1) }).sort({ n: -1, _id: 1 }).skip(1).limit(3).project({ _id: 0, key: '$_id', n: 1 }),
      [{ $match: { status: 'active', n: { $gte: 1 } } }, { $group: { _id: '$k', n: { $sum: 1 } } }],
      'sql',
    )
    // Type bracketing: n: 1 matches the number only, never '1' or true; $in keeps each type apart.
    await compare(plain, (a) => a.match({ k: _.in([1, 'b', '']) }).group({ _id: '$k', s: $.sum('$n') }).limit(10), [{ $match: { k: { $in: [1, 'b', ''] } } }, { $group: { _id: '$k', s: { $sum: '$n' } } }], 'sql')
    await compare(plain, (a) => a.match({ k: 1 }).group({ _id: '$status', n: $.sum(1) }).limit(10), [{ $match: { k: 1 } }, { $group: { _id: '$status', n: { $sum: 1 } } }], 'sql')
    await compare(plain, (a) => a.match({ n: _.lt(5).and(_.gt(-5)) }).group({ _id: null, n: $.sum(1) }), [{ $match: { n: { $lt: 5, $gt: -5 } } }, { $group: { _id: null, n: { $sum: 1 } } }], 'sql')
  })

  it('groups by a nested path that is missing, null or a scalar in some documents', async () => {
    await compare(plain, (a) => a.group({ _id: '$a.b', n: $.sum(1) }).limit(20), [{ $group: { _id: '$a.b', n: { $sum: 1 } } }], 'sql')
  })

  it('without a $limit, the platform default of 20 rows applies to the grouped rows too', async () => {
    await compare(plain, (a) => a.group({ _id: '$_id', n: $.sum(1) }), [{ $group: { _id: '$_id', n: { $sum: 1 } } }], 'sql')
    expect((await asWritten(plain, (a) => a.group({ _id: '$_id', n: $.sum(1) }))).list).toHaveLength(12)
  })

  it('falls back to mingo for array or object keys, float or array summands, fractional constants and array-valued match fields', async () => {
    await compare(arrays, (a) => a.group({ _id: '$k', n: $.sum(1) }).limit(10), [{ $group: { _id: '$k', n: { $sum: 1 } } }], 'mingo')
    await compare(arrays, (a) => a.match({ _id: 'r1' }).group({ _id: '$k', s: $.sum('$v') }).limit(10), [{ $match: { _id: 'r1' } }, { $group: { _id: '$k', s: { $sum: '$v' } } }], 'sql')
    await compare(arrays, (a) => a.match({ _id: _.in(['r1', 'r2']) }).group({ _id: null, s: $.sum('$v') }), [{ $match: { _id: { $in: ['r1', 'r2'] } } }, { $group: { _id: null, s: { $sum: '$v' } } }], 'mingo')
    await compare(plain, (a) => a.group({ _id: '$k', h: $.sum(0.5) }).limit(20), [{ $group: { _id: '$k', h: { $sum: 0.5 } } }], 'mingo')
    // Infinity is stored as { $numberDouble }: mingo compares and sums it as a number.
    expect(await compare(arrays, (a) => a.match({ n: _.gt(5) }).group({ _id: null, n: $.sum(1) }), [{ $match: { n: { $gt: 5 } } }, { $group: { _id: null, n: { $sum: 1 } } }], 'mingo')).toEqual([{ _id: null, n: 1 }])
    await compare(arrays, (a) => a.match({ _id: 'r4' }).group({ _id: '$k', s: $.sum('$v') }), [{ $match: { _id: 'r4' } }, { $group: { _id: '$k', s: { $sum: '$v' } } }], 'mingo')
    // tags is an array in some documents: { tags: 'x' } matches by element there.
    const byElement = await compare(arrays, (a) => a.match({ tags: 'x' }).group({ _id: null, n: $.sum(1) }), [{ $match: { tags: 'x' } }, { $group: { _id: null, n: { $sum: 1 } } }], 'mingo')
    expect(byElement).toEqual([{ _id: null, n: 3 }])
  })

  it('a $match on an indexed field narrows the scan through the index and stays exact', async () => {
    await db.collection('users').add({
      data: [
        { _id: 'agg-u1', openid: 'agg-o1', role: 'staff' },
        { _id: 'agg-u2', openid: 'agg-o2', role: 'member' },
        { _id: 'agg-u3', openid: 'agg-o3', role: 'staff' },
      ],
    })
    const rows = await compare('users', (a) => a.match({ openid: _.in(['agg-o1', 'agg-o3', 'agg-o2']) }).group({ _id: '$role', n: $.sum(1) }).sort({ _id: 1 }), [{ $match: { openid: { $in: ['agg-o1', 'agg-o3', 'agg-o2'] } } }, { $group: { _id: '$role', n: { $sum: 1 } } }], 'sql')
    expect(rows).toEqual([{ _id: 'member', n: 1 }, { _id: 'staff', n: 2 }])
    await db.collection('users').where({ _id: _.in(['agg-u1', 'agg-u2', 'agg-u3']) }).remove()
  })

  it('leaves other accumulators and non-leading groups to mingo', async () => {
    await compare(plain, (a) => a.group({ _id: '$k', most: $.max('$v') }).limit(20), [{ $group: { _id: '$k', most: { $max: '$v' } } }], 'mingo')
    await compare(plain, (a) => a.sort({ n: 1 }).group({ _id: '$status', n: $.sum(1) }), [{ $sort: { n: 1 } }, { $group: { _id: '$status', n: { $sum: 1 } } }], 'mingo')
  })
})
