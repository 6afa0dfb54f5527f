import { openContractDb, type ContractDb, type Db } from './setup'

let ctx: ContractDb
let db: Db
let _: Db
let accounts: string

const pause = () => new Promise((resolve) => setTimeout(resolve, 5))

beforeAll(async () => {
  ctx = await openContractDb()
  db = ctx.db
  _ = db.command
  accounts = await ctx.collection('accounts')
})

afterAll(async () => {
  await ctx.close()
})

async function balance(id: string): Promise<number> {
  return (await db.collection(accounts).doc(id).get()).data.balance
}

it('runTransaction commits reads and writes across documents together', async () => {
  await db.collection(accounts).doc('a1').set({ data: { balance: 100 } })
  await db.collection(accounts).doc('b1').set({ data: { balance: 0 } })
  const result = await db.runTransaction(async (transaction: Db) => {
    const from = (await transaction.collection(accounts).doc('a1').get()).data
    await transaction.collection(accounts).doc('a1').update({ data: { balance: from.balance - 30 } })
    await transaction.collection(accounts).doc('b1').update({ data: { balance: _.inc(30) } })
    await transaction.collection(accounts).add({ data: { _id: 'log1', amount: 30 } })
    return 'moved'
  })
  expect(result).toBe('moved')
  expect(await balance('a1')).toBe(70)
  expect(await balance('b1')).toBe(30)
  expect((await db.collection(accounts).doc('log1').get()).data.amount).toBe(30)
})

it('a transaction sees its own writes but nobody else does until commit', async () => {
  await db.collection(accounts).doc('c1').set({ data: { balance: 1 } })
  const transaction = await db.startTransaction()
  await transaction.collection(accounts).doc('c1').update({ data: { balance: 2 } })
  await transaction.collection(accounts).add({ data: { _id: 'c2', balance: 5 } })
  expect((await transaction.collection(accounts).doc('c1').get()).data.balance).toBe(2)
  expect((await transaction.collection(accounts).doc('c2').get()).data.balance).toBe(5)
  expect(await balance('c1')).toBe(1)
  await expect(db.collection(accounts).doc('c2').get()).rejects.toBeDefined()
  await transaction.commit()
  expect(await balance('c1')).toBe(2)
  expect(await balance('c2')).toBe(5)
})

it('rollback discards every write', async () => {
  await db.collection(accounts).doc('r1').set({ data: { balance: 10 } })
  const transaction = await db.startTransaction()
  await transaction.collection(accounts).doc('r1').update({ data: { balance: 0 } })
  await transaction.collection(accounts).doc('r2').set({ data: { balance: 99 } })
  await transaction.rollback()
  expect(await balance('r1')).toBe(10)
  expect((await db.collection(accounts).where({ _id: 'r2' }).count()).total).toBe(0)
})

it('runTransaction rolls back when the callback throws or calls rollback', async () => {
  await db.collection(accounts).doc('t1').set({ data: { balance: 10 } })
  await expect(
    db.runTransaction(async (transaction: Db) => {
      await transaction.collection(accounts).doc('t1').update({ data: { balance: 0 } })
      throw new Error('business rule failed')
    }),
  ).rejects.toThrow('business rule failed')
  expect(await balance('t1')).toBe(10)
  await expect(
    db.runTransaction(async (transaction: Db) => {
      await transaction.collection(accounts).doc('t1').update({ data: { balance: 0 } })
      await transaction.rollback('not enough')
    }),
  ).rejects.toBe('not enough')
  expect(await balance('t1')).toBe(10)
})

it('reads in a transaction see the database as of its start (snapshot isolation)', async () => {
  await db.collection(accounts).doc('s1').set({ data: { balance: 1 } })
  const transaction = await db.startTransaction()
  expect((await transaction.collection(accounts).doc('s1').get()).data.balance).toBe(1)
  await db.collection(accounts).doc('s1').update({ data: { balance: 2 } })
  await db.collection(accounts).doc('s3').set({ data: { balance: 3 } })
  expect((await transaction.collection(accounts).doc('s1').get()).data.balance).toBe(1)
  await expect(transaction.collection(accounts).doc('s3').get()).rejects.toBeDefined()
  await transaction.rollback()
})

it('of two transactions writing one document, the second to commit fails and applies nothing', async () => {
  await db.collection(accounts).doc('x1').set({ data: { balance: 0 } })
  await db.collection(accounts).doc('x2').set({ data: { balance: 0 } })
  const first = await db.startTransaction()
  const second = await db.startTransaction()
  const v1 = (await first.collection(accounts).doc('x1').get()).data.balance
  const v2 = (await second.collection(accounts).doc('x1').get()).data.balance
  await first.collection(accounts).doc('x1').update({ data: { balance: v1 + 1 } })
  await second.collection(accounts).doc('x1').update({ data: { balance: v2 + 10 } })
  await second.collection(accounts).doc('x2').update({ data: { balance: 10 } })
  await first.commit()
  await expect(second.commit()).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' })
  expect(await balance('x1')).toBe(1)
  expect(await balance('x2')).toBe(0)
})

it('a write outside any transaction also makes a transaction that wrote the document fail', async () => {
  await db.collection(accounts).doc('y1').set({ data: { balance: 0 } })
  const transaction = await db.startTransaction()
  await transaction.collection(accounts).doc('y1').update({ data: { balance: 5 } })
  await db.collection(accounts).doc('y1').update({ data: { balance: 7 } })
  await expect(transaction.commit()).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' })
  expect(await balance('y1')).toBe(7)
})

it('runTransaction retries a conflicting transaction, so concurrent increments all land', async () => {
  await db.collection(accounts).doc('z1').set({ data: { balance: 0 } })
  const increment = () =>
    db.runTransaction(async (transaction: Db) => {
      const current = (await transaction.collection(accounts).doc('z1').get()).data.balance
      await pause()
      await transaction.collection(accounts).doc('z1').update({ data: { balance: current + 1 } })
    })
  await Promise.all([increment(), increment(), increment()])
  expect(await balance('z1')).toBe(3)
})

it('where() queries are rejected inside a transaction', async () => {
  const transaction = await db.startTransaction()
  await expect(transaction.collection(accounts).where({ balance: _.gt(0) }).get()).rejects.toMatchObject({
    errCode: -502002,
    errMsg: expect.stringContaining('single-document'),
  })
  await expect(transaction.collection(accounts).get()).rejects.toMatchObject({ errCode: -502002 })
  await transaction.rollback()
})

it('set and remove by id inside a transaction', async () => {
  await db.collection(accounts).doc('d1').set({ data: { balance: 1 } })
  await db.runTransaction(async (transaction: Db) => {
    await transaction.collection(accounts).doc('d1').remove()
    await transaction.collection(accounts).doc('d2').set({ data: { balance: 2 } })
  })
  expect((await db.collection(accounts).where({ _id: _.in(['d1', 'd2']) }).get()).data).toEqual([{ _id: 'd2', balance: 2 }])
})

it('a commit that would break a unique index fails and applies nothing', async () => {
  await db.collection('users').add({ data: { _id: 'tx-u1', openid: 'tx-openid-1' } })
  const transaction = await db.startTransaction()
  await transaction.collection('users').add({ data: { _id: 'tx-u2', openid: 'tx-openid-2' } })
  await transaction.collection('users').add({ data: { _id: 'tx-u3', openid: 'tx-openid-1' } })
  await expect(transaction.commit()).rejects.toMatchObject({ code: 'DATABASE_DUPLICATE_WRITE' })
  expect((await db.collection('users').where({ _id: _.in(['tx-u2', 'tx-u3']) }).count()).total).toBe(0)
  await db.collection('users').doc('tx-u1').remove()
})

it('the older Transaction class (get/set/update/delete in transaction) works too', async () => {
  const { Transaction } = require('@cloudbase/database/dist/commonjs/transaction') as { Transaction: new (db: unknown) => Db }
  await db.collection(accounts).doc('l1').set({ data: { balance: 1 } })
  await db.collection(accounts).doc('l2').set({ data: { balance: 2 } })
  const transaction = new Transaction(db._db)
  await transaction.init()
  const ref = (id: string) => db._db.collection(accounts).doc(id)
  expect((await transaction.get(ref('l1'))).data()).toEqual({ _id: 'l1', balance: 1 })
  expect((await transaction.update(ref('l1'), { balance: 11 })).updated).toBe(1)
  expect((await transaction.set(ref('l3'), { balance: 3 })).upserted).toEqual([{ _id: 'l3' }])
  expect((await transaction.delete(ref('l2'))).deleted).toBe(1)
  await transaction.commit()
  expect(await balance('l1')).toBe(11)
  expect(await balance('l3')).toBe(3)
  expect((await db.collection(accounts).where({ _id: 'l2' }).count()).total).toBe(0)
})
