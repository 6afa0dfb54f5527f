import { openContractDb, type ContractDb, type Db } from './setup'

// What the cloud refuses and a lenient engine would let through, so that code
// which passes here cannot fail only once deployed. Nothing a refused request
// asked for is written.

let ctx: ContractDb
let db: Db
let _: Db
let coll: string

// MongoDB's storage rule under CloudBase: DATABASE_REQUEST_FAILED, -502001 through wx-server-sdk.
const dollarField = (field: string) => ({ errCode: -502001, errMsg: expect.stringContaining(`The dollar ($) prefixed field '${field}'`) })
const noWhere = { errCode: -501007, errMsg: expect.stringContaining("param.query can't be empty") }

beforeAll(async () => {
  ctx = await openContractDb()
  db = ctx.db
  _ = db.command
  coll = await ctx.collection('refusals')
})

afterAll(async () => {
  await ctx.close()
})

const docOf = async (id: string) => (await db.collection(coll).where({ _id: id }).get()).data[0]

describe('field names starting with $', () => {
  beforeEach(async () => {
    await db.collection(coll).doc('d').set({ data: { n: 1, profile: { city: '梧州' }, list: [{ k: 1, v: 1 }] } })
  })

  const unchanged = { _id: 'd', n: 1, profile: { city: '梧州' }, list: [{ k: 1, v: 1 }] }

  it('are refused in add, at the top, nested and inside arrays', async () => {
    await expect(db.collection(coll).add({ data: { _id: 'a1', $bad: 1 } })).rejects.toMatchObject(dollarField('$bad'))
    await expect(db.collection(coll).add({ data: { _id: 'a2', answers: { $where: 'x' } } })).rejects.toMatchObject(dollarField('$where'))
    await expect(db.collection(coll).add({ data: { _id: 'a3', rows: [[{ ok: 1 }, { $k: 1 }]] } })).rejects.toMatchObject({
      errMsg: expect.stringContaining("'$k' in 'rows.0.1.$k'"),
    })
    expect((await db.collection(coll).where({ _id: _.in(['a1', 'a2', 'a3']) }).count()).total).toBe(0)
  })

  it('are refused in set, whether the document exists or not', async () => {
    await expect(db.collection(coll).doc('d').set({ data: { profile: { $city: '梧州' } } })).rejects.toMatchObject(dollarField('$city'))
    await expect(db.collection(coll).doc('new').set({ data: { tags: [{ $t: 1 }] } })).rejects.toMatchObject(dollarField('$t'))
    expect(await docOf('d')).toEqual(unchanged)
    expect(await docOf('new')).toBeUndefined()
  })

  it('are refused in update, from user data used as keys, by id and by where()', async () => {
    const userKey = '$ne' // e.g. a form field name chosen by a user
    await expect(db.collection(coll).doc('d').update({ data: { profile: { [userKey]: 1 } } })).rejects.toMatchObject(dollarField(userKey))
    await expect(db.collection(coll).where({ n: 1 }).update({ data: { answers: { [userKey]: 1 } } })).rejects.toMatchObject(dollarField(userKey))
    // updateAndReturn is the builder's own (wx-server-sdk does not expose it): its error is the unwrapped reply.
    await expect(db.collection(coll)._collection.where({ n: 1 }).updateAndReturn({ profile: { [userKey]: 1 } })).rejects.toMatchObject({
      code: 'DATABASE_REQUEST_FAILED',
      message: expect.stringContaining('is not valid for storage'),
    })
    expect(await docOf('d')).toEqual(unchanged)
  })

  it('are refused inside update operators', async () => {
    const d = db.collection(coll).doc('d')
    await expect(d.update({ data: { profile: _.set({ $city: 'x' }) } })).rejects.toMatchObject(dollarField('$city'))
    await expect(d.update({ data: { list: _.push([{ $k: 2 }]) } })).rejects.toMatchObject(dollarField('$k'))
    await expect(d.update({ data: { list: _.addToSet({ $k: 3 }) } })).rejects.toMatchObject(dollarField('$k'))
    await expect(d.update({ data: { list: _.unshift([{ k: 2, nested: { $v: 1 } }]) } })).rejects.toMatchObject(dollarField('$v'))
    await expect(d.update({ data: { n: _.rename('$n') } })).rejects.toMatchObject({ errCode: -502001, errMsg: expect.stringContaining("'$n'") })
    expect(await docOf('d')).toEqual(unchanged)
  })

  it('are refused inside a transaction at the write, and the transaction is aborted', async () => {
    const transaction = await db.startTransaction()
    await expect(transaction.collection(coll).doc('d').update({ data: { profile: { $city: 'x' } } })).rejects.toMatchObject(dollarField('$city'))
    await expect(transaction.commit()).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_FAIL' })
    expect(await docOf('d')).toEqual(unchanged)
  })

  it('still allow `$` inside names, values that start with `$`, and positional paths', async () => {
    await db.collection(coll).doc('d').update({ data: { 'price$': 1, note: '$5', profile: { tag: '$x' } } })
    await db.collection(coll).where({ 'list.k': 1 }).update({ data: { 'list.$.v': 2 } })
    expect(await docOf('d')).toEqual({ ...unchanged, price$: 1, note: '$5', profile: { city: '梧州', tag: '$x' }, list: [{ k: 1, v: 2 }] })
  })
})

describe('collection-wide writes without where()', () => {
  beforeAll(async () => {
    await db.collection(coll).add({ data: [{ _id: 'w1', n: 1 }, { _id: 'w2', n: 2 }] })
  })

  it('collection.update() is refused and changes nothing', async () => {
    await expect(db.collection(coll).update({ data: { n: 0 } })).rejects.toMatchObject(noWhere)
    expect((await db.collection(coll).where({ n: 0 }).count()).total).toBe(0)
  })

  it('collection.remove() is refused and removes nothing', async () => {
    const before = (await db.collection(coll).count()).total
    await expect(db.collection(coll).remove()).rejects.toMatchObject(noWhere)
    expect((await db.collection(coll).count()).total).toBe(before)
  })

  it("the builder's updateAndReturn() without where() is refused too", async () => {
    await expect(db.collection(coll)._collection.updateAndReturn({ n: 0 })).rejects.toMatchObject({ code: 'INVALID_PARAM', message: "param.query can't be empty" })
    expect((await db.collection(coll).where({ n: 0 }).count()).total).toBe(0)
  })

  it('an explicit where() with a condition still updates and removes', async () => {
    expect((await db.collection(coll).where({ _id: _.in(['w1', 'w2']) }).update({ data: { seen: true } })).stats.updated).toBe(2)
    expect((await db.collection(coll).where({ _id: 'w2' }).remove()).stats.removed).toBe(1)
  })
})
