import { useContractDb, type ContractDb, type Db } from './setup'

let ctx: ContractDb
let db: Db
let _: Db

useContractDb((opened) => {
  ctx = opened
  db = opened.db
  _ = db.command
})

describe('add', () => {
  it('inserts one document and returns a generated 32-hex id', async () => {
    const items = await ctx.collection('items')
    const res = await db.collection(items).add({ data: { name: 'a', n: 1 } })
    expect(res._id).toMatch(/^[0-9a-f]{32}$/)
    const got = await db.collection(items).doc(res._id).get()
    expect(got.data).toEqual({ _id: res._id, name: 'a', n: 1 })
  })

  it('inserts several documents when given an array', async () => {
    const items = await ctx.collection('many')
    const res = await db.collection(items).add({ data: [{ k: 1 }, { k: 2 }, { _id: 'mine', k: 3 }] })
    expect(res._ids).toHaveLength(3)
    expect(res._ids[2]).toBe('mine')
    const { total } = await db.collection(items).count()
    expect(total).toBe(3)
  })

  it('keeps a caller-chosen _id and rejects a second document with it', async () => {
    const items = await ctx.collection('ids')
    await db.collection(items).add({ data: { _id: 'x1', v: 1 } })
    await expect(db.collection(items).add({ data: { _id: 'x1', v: 2 } })).rejects.toMatchObject({
      errMsg: expect.stringContaining('DATABASE_DUPLICATE_WRITE'),
    })
  })
})

describe('doc()', () => {
  let coll: string
  beforeAll(async () => {
    coll = await ctx.collection('docs')
  })

  it('set creates a document by id, then replaces it entirely', async () => {
    const first = await db.collection(coll).doc('d1').set({ data: { a: 1, b: { c: 2 } } })
    expect(first.stats).toEqual({ updated: 0, created: 1 })
    const second = await db.collection(coll).doc('d1').set({ data: { z: true } })
    expect(second.stats).toEqual({ updated: 1, created: 0 })
    expect((await db.collection(coll).doc('d1').get()).data).toEqual({ _id: 'd1', z: true })
  })

  it('update merges fields, including nested ones, and leaves the rest', async () => {
    await db.collection(coll).doc('d2').set({ data: { a: 1, nested: { x: 1, y: 2 }, keep: 'k' } })
    const res = await db.collection(coll).doc('d2').update({ data: { a: 2, nested: { y: 3 } } })
    expect(res.stats.updated).toBe(1)
    expect((await db.collection(coll).doc('d2').get()).data).toEqual({ _id: 'd2', a: 2, nested: { x: 1, y: 3 }, keep: 'k' })
  })

  it('update with _.set replaces a nested object instead of merging', async () => {
    await db.collection(coll).doc('d3').set({ data: { nested: { x: 1, y: 2 } } })
    await db.collection(coll).doc('d3').update({ data: { nested: _.set({ y: 9 }) } })
    expect((await db.collection(coll).doc('d3').get()).data.nested).toEqual({ y: 9 })
  })

  it('update reports 0 when nothing changes and when the document is missing', async () => {
    await db.collection(coll).doc('d4').set({ data: { a: 1 } })
    expect((await db.collection(coll).doc('d4').update({ data: { a: 1 } })).stats.updated).toBe(0)
    expect((await db.collection(coll).doc('missing').update({ data: { a: 1 } })).stats.updated).toBe(0)
  })

  it('get of a missing document rejects as the SDK does', async () => {
    await expect(db.collection(coll).doc('nope').get()).rejects.toMatchObject({
      errMsg: expect.stringContaining('does not exist'),
    })
  })

  it('remove deletes one document and reports the count', async () => {
    await db.collection(coll).doc('d5').set({ data: { a: 1 } })
    expect((await db.collection(coll).doc('d5').remove()).stats.removed).toBe(1)
    expect((await db.collection(coll).doc('d5').remove()).stats.removed).toBe(0)
  })

  it('field() projects a single document', async () => {
    await db.collection(coll).doc('d6').set({ data: { a: 1, b: 2, c: 3 } })
    const got = await db.collection(coll).doc('d6').field({ a: true, c: true }).get()
    expect(got.data).toEqual({ _id: 'd6', a: 1, c: 3 })
  })
})

describe('where() queries', () => {
  let coll: string
  beforeAll(async () => {
    coll = await ctx.collection('people')
    await db.collection(coll).add({
      data: [
        { _id: 'p1', name: 'Ann', age: 30, city: 'hz', tags: ['a', 'b'], addr: { zip: '310000', street: 'x' } },
        { _id: 'p2', name: 'Bob', age: 25, city: 'wz', tags: ['b'], addr: { zip: '543000' } },
        { _id: 'p3', name: 'Cid', age: 40, city: 'hz', tags: [], vip: true },
        { _id: 'p4', name: 'Dee', age: 35, city: 'sh' },
      ],
    })
  })

  const ids = (res: { data: Array<{ _id: string }> }) => res.data.map((d) => d._id).sort()

  it('matches plain equality, nested fields by object and by dotted path', async () => {
    expect(ids(await db.collection(coll).where({ city: 'hz' }).get())).toEqual(['p1', 'p3'])
    expect(ids(await db.collection(coll).where({ addr: { zip: '543000' } }).get())).toEqual(['p2'])
    expect(ids(await db.collection(coll).where({ 'addr.zip': '310000' }).get())).toEqual(['p1'])
  })

  it('supports the comparison commands', async () => {
    expect(ids(await db.collection(coll).where({ age: _.gt(30) }).get())).toEqual(['p3', 'p4'])
    expect(ids(await db.collection(coll).where({ age: _.gte(30) }).get())).toEqual(['p1', 'p3', 'p4'])
    expect(ids(await db.collection(coll).where({ age: _.lt(30) }).get())).toEqual(['p2'])
    expect(ids(await db.collection(coll).where({ age: _.lte(30) }).get())).toEqual(['p1', 'p2'])
    expect(ids(await db.collection(coll).where({ age: _.eq(25) }).get())).toEqual(['p2'])
    expect(ids(await db.collection(coll).where({ city: _.neq('hz') }).get())).toEqual(['p2', 'p4'])
    expect(ids(await db.collection(coll).where({ city: _.in(['wz', 'sh']) }).get())).toEqual(['p2', 'p4'])
    expect(ids(await db.collection(coll).where({ city: _.nin(['wz', 'sh']) }).get())).toEqual(['p1', 'p3'])
    expect(ids(await db.collection(coll).where({ age: _.gt(26).and(_.lt(36)) }).get())).toEqual(['p1', 'p4'])
  })

  it('supports and / or / exists and array membership', async () => {
    expect(ids(await db.collection(coll).where(_.or([{ city: 'sh' }, { age: 25 }])).get())).toEqual(['p2', 'p4'])
    expect(ids(await db.collection(coll).where(_.and([{ city: 'hz' }, { age: _.gt(35) }])).get())).toEqual(['p3'])
    expect(ids(await db.collection(coll).where({ vip: _.exists(true) }).get())).toEqual(['p3'])
    expect(ids(await db.collection(coll).where({ tags: 'b' }).get())).toEqual(['p1', 'p2'])
    expect(ids(await db.collection(coll).where({ age: _.or(_.lt(26), _.gt(39)) }).get())).toEqual(['p2', 'p3'])
  })

  it('orders, skips and limits', async () => {
    const res = await db.collection(coll).orderBy('age', 'desc').skip(1).limit(2).get()
    expect(res.data.map((d: { _id: string }) => d._id)).toEqual(['p4', 'p1'])
    const byCity = await db.collection(coll).orderBy('city', 'asc').orderBy('age', 'desc').get()
    expect(byCity.data.map((d: { _id: string }) => d._id)).toEqual(['p3', 'p1', 'p4', 'p2'])
  })

  it('field() includes or excludes fields', async () => {
    const inc = await db.collection(coll).where({ _id: 'p1' }).field({ name: true }).get()
    expect(inc.data).toEqual([{ _id: 'p1', name: 'Ann' }])
    const exc = await db.collection(coll).where({ _id: 'p2' }).field({ tags: false, addr: false }).get()
    expect(exc.data).toEqual([{ _id: 'p2', name: 'Bob', age: 25, city: 'wz' }])
  })

  it('counts with a filter', async () => {
    expect((await db.collection(coll).where({ city: 'hz' }).count()).total).toBe(2)
  })
})

describe('where().update() and remove()', () => {
  it('updates every match with update commands', async () => {
    const coll = await ctx.collection('counters')
    await db.collection(coll).add({ data: [{ g: 1, n: 1, list: [1], set: ['x'] }, { g: 1, n: 5, list: [2], set: [] }, { g: 2, n: 0 }] })
    const res = await db.collection(coll).where({ g: 1 }).update({
      data: { n: _.inc(2), list: _.push([9]), set: _.addToSet('x'), flag: true },
    })
    expect(res.stats.updated).toBe(2)
    const docs = (await db.collection(coll).where({ g: 1 }).orderBy('n', 'asc').get()).data
    expect(docs.map((d: { n: number }) => d.n)).toEqual([3, 7])
    expect(docs[0]).toMatchObject({ list: [1, 9], set: ['x'], flag: true })
    expect(docs[1]).toMatchObject({ list: [2, 9], set: ['x'], flag: true })
  })

  it('supports _.remove, _.pull and _.mul', async () => {
    const coll = await ctx.collection('ops')
    await db.collection(coll).doc('o').set({ data: { a: 1, b: 2, list: [1, 2, 3, 2], price: 10 } })
    await db.collection(coll).doc('o').update({ data: { a: _.remove(), list: _.pull(2), price: _.mul(3) } })
    expect((await db.collection(coll).doc('o').get()).data).toEqual({ _id: 'o', b: 2, list: [1, 3], price: 30 })
  })

  it('adds to and pulls from an array on every match, only where the array exists', async () => {
    const coll = await ctx.collection('mirrors')
    await db.collection(coll).add({ data: [{ _id: 'a', g: 1, keys: ['u:1'] }, { _id: 'b', g: 1, keys: [] }, { _id: 'c', g: 1 }, { _id: 'd', g: 2, keys: [] }] })
    const added = await db.collection(coll).where({ g: 1, keys: _.exists(true) }).update({ data: { keys: _.addToSet('u:2') } })
    expect(added.stats.updated).toBe(2)
    await db.collection(coll).where({ g: 1, keys: _.exists(true) }).update({ data: { keys: _.addToSet('u:2') } })
    const keysOf = async () => (await db.collection(coll).orderBy('_id', 'asc').get()).data.map((d: { keys?: string[] }) => d.keys ?? null)
    expect(await keysOf()).toEqual([['u:1', 'u:2'], ['u:2'], null, []])
    await db.collection(coll).where({ g: 1, keys: _.exists(true) }).update({ data: { keys: _.pull('u:1') } })
    expect(await keysOf()).toEqual([['u:2'], ['u:2'], null, []])
  })

  it('removes every match', async () => {
    const coll = await ctx.collection('trash')
    await db.collection(coll).add({ data: [{ k: 'x' }, { k: 'x' }, { k: 'y' }] })
    expect((await db.collection(coll).where({ k: 'x' }).remove()).stats.removed).toBe(2)
    expect((await db.collection(coll).count()).total).toBe(1)
  })
})

describe('more commands', () => {
  it('array update commands: push with options, pop, shift, unshift, pullAll', async () => {
    const coll = await ctx.collection('arrays')
    await db.collection(coll).doc('a').set({ data: { list: [3, 1], q: [1, 2, 3], r: [1, 2, 3], s: [1, 2, 2, 3] } })
    await db.collection(coll).doc('a').update({
      data: { list: _.push({ each: [2, 5], sort: 1, slice: 3 }), q: _.pop(), r: _.shift(), s: _.pullAll([2]) },
    })
    await db.collection(coll).doc('a').update({ data: { q: _.unshift([0]) } })
    expect((await db.collection(coll).doc('a').get()).data).toEqual({ _id: 'a', list: [1, 2, 3], q: [0, 1, 2], r: [2, 3], s: [1, 3] })
  })

  it('max, min and rename', async () => {
    const coll = await ctx.collection('maxmin')
    await db.collection(coll).doc('m').set({ data: { hi: 5, lo: 5, old: 'v' } })
    await db.collection(coll).doc('m').update({ data: { hi: _.max(9), lo: _.min(2), old: _.rename('renamed') } })
    expect((await db.collection(coll).doc('m').get()).data).toEqual({ _id: 'm', hi: 9, lo: 2, renamed: 'v' })
  })

  it('array and pattern queries: all, elemMatch, size, RegExp', async () => {
    const coll = await ctx.collection('patterns')
    await db.collection(coll).add({
      data: [
        { _id: 'r1', name: 'Zhang San', tags: ['a', 'b'], scores: [{ s: 90 }, { s: 40 }] },
        { _id: 'r2', name: 'li si', tags: ['a'], scores: [{ s: 50 }] },
      ],
    })
    const ids = async (where: object) => (await db.collection(coll).where(where).get()).data.map((d: { _id: string }) => d._id).sort()
    expect(await ids({ tags: _.all(['a', 'b']) })).toEqual(['r1'])
    expect(await ids({ scores: _.elemMatch({ s: _.gt(80) }) })).toEqual(['r1'])
    expect(await ids({ tags: _.size(1) })).toEqual(['r2'])
    expect(await ids({ name: db.RegExp({ regexp: '^li', options: 'i' }) })).toEqual(['r2'])
    expect(await ids({ name: /san$/i })).toEqual(['r1'])
  })

  it('numeric _id values work with doc() and where()', async () => {
    const coll = await ctx.collection('numeric')
    await db.collection(coll).doc(7).set({ data: { v: 'seven' } })
    await db.collection(coll).doc('7').set({ data: { v: 'string seven' } })
    expect((await db.collection(coll).doc(7).get()).data).toEqual({ _id: 7, v: 'seven' })
    expect((await db.collection(coll).where({ _id: '7' }).get()).data).toEqual([{ _id: '7', v: 'string seven' }])
    const ordered = await db.collection(coll).orderBy('_id', 'asc').get()
    expect(ordered.data.map((d: { _id: unknown }) => d._id)).toEqual([7, '7'])
  })
})

describe('dates', () => {
  it('round-trips Date values and compares them in queries', async () => {
    const coll = await ctx.collection('dated')
    const when = new Date('2024-03-01T08:00:00.000Z')
    await db.collection(coll).doc('e1').set({ data: { when, nested: { at: when } } })
    await db.collection(coll).doc('e2').set({ data: { when: new Date('2025-01-01T00:00:00.000Z') } })
    const got = (await db.collection(coll).doc('e1').get()).data
    expect(got.when).toBeInstanceOf(Date)
    expect(got.when.getTime()).toBe(when.getTime())
    expect(got.nested.at.getTime()).toBe(when.getTime())
    const later = await db.collection(coll).where({ when: _.gt(new Date('2024-06-01T00:00:00Z')) }).get()
    expect(later.data.map((d: { _id: string }) => d._id)).toEqual(['e2'])
  })

  it('stores db.serverDate() as the server time, in add, set and update', async () => {
    const coll = await ctx.collection('stamped')
    const before = Date.now()
    const { _id } = await db.collection(coll).add({ data: { createdAt: db.serverDate() } })
    await db.collection(coll).doc(_id).update({ data: { touchedAt: db.serverDate({ offset: 60_000 }) } })
    const got = (await db.collection(coll).doc(_id).get()).data
    expect(got.createdAt).toBeInstanceOf(Date)
    expect(got.createdAt.getTime()).toBeGreaterThanOrEqual(before)
    expect(got.createdAt.getTime()).toBeLessThanOrEqual(Date.now())
    expect(got.touchedAt.getTime() - got.createdAt.getTime()).toBeGreaterThanOrEqual(59_000)
  })
})

describe('collections', () => {
  it('a collection that was never created fails as in the cloud (-502005)', async () => {
    await expect(db.collection('never_created_here').get()).rejects.toMatchObject({ errCode: -502005 })
    await expect(db.collection('never_created_here').add({ data: { a: 1 } })).rejects.toMatchObject({ errCode: -502005 })
  })

  it('createCollection makes one, and a second create fails', async () => {
    const name = `made_${Date.now()}`
    await expect(db.createCollection(name)).resolves.toMatchObject({ errMsg: 'createCollection:ok' })
    expect((await db.collection(name).count()).total).toBe(0)
    await expect(db.createCollection(name)).rejects.toMatchObject({ errMsg: expect.stringContaining('ALREADY_EXIST') })
  })
})
