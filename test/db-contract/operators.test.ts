import { openContractDb, type ContractDb, type Db } from './setup'

// An operator the database does not know is an error, never a silent no-op.
// The builder has no command for an unknown operator, but a plain object with
// a `$` key passes straight through it, which is how such typos reach the cloud.

let ctx: ContractDb
let db: Db
let coll: string

const invalidOperator = { errCode: -502002, errMsg: expect.stringContaining('DATABASE_INVALID_OPERRATOR') }

beforeAll(async () => {
  ctx = await openContractDb()
  db = ctx.db
  coll = await ctx.collection('ops')
  await db.collection(coll).doc('a').set({ data: { n: 1, tags: ['x'] } })
})

afterAll(async () => {
  await ctx.close()
})

it('rejects an unknown query operator on a field and at the top level', async () => {
  await expect(db.collection(coll).where({ n: { $greater: 0 } }).get()).rejects.toMatchObject(invalidOperator)
  await expect(db.collection(coll).where({ $either: [{ n: 1 }] }).get()).rejects.toMatchObject(invalidOperator)
  await expect(db.collection(coll).where({ n: { $greater: 0 } }).count()).rejects.toMatchObject(invalidOperator)
  await expect(db.collection(coll).where({ n: { $greater: 0 } }).remove()).rejects.toMatchObject(invalidOperator)
})

it('rejects an unknown update operator and leaves the document unchanged', async () => {
  await expect(db.collection(coll).doc('a').update({ data: { $increment: { n: 1 } } })).rejects.toMatchObject(invalidOperator)
  await expect(db.collection(coll).where({ n: 1 }).update({ data: { $increment: { n: 1 } } })).rejects.toMatchObject(invalidOperator)
  await expect(db.collection(coll).where({ n: 999 }).update({ data: { $increment: { n: 1 } } })).rejects.toMatchObject(invalidOperator)
  expect((await db.collection(coll).doc('a').get()).data).toEqual({ _id: 'a', n: 1, tags: ['x'] })
})

it('rejects an unknown operator inside an aggregation', async () => {
  // wx-server-sdk's aggregate wrapper reports every failure as errCode -1; the code stays in errMsg.
  await expect(db.collection(coll).aggregate().match({ n: { $greater: 0 } }).end()).rejects.toMatchObject({
    errMsg: expect.stringContaining('DATABASE_INVALID_OPERRATOR'),
  })
  await expect(
    db.collection(coll).aggregate().group({ _id: null, total: { $summation: '$n' } }).end(),
  ).rejects.toMatchObject({ errMsg: expect.stringContaining('DATABASE_INVALID_OPERRATOR') })
})

it('does not run server-side JavaScript ($where)', async () => {
  await expect(db.collection(coll).where({ $where: 'this.n === 1' }).get()).rejects.toMatchObject({ errCode: expect.any(Number) })
})
