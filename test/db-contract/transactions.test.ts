import { inTransaction, type Txn } from '../../server/db/transaction'
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

// A write inside a transaction reaches the caller through wx-server-sdk's
// wrapper: errCode -501001, the cloud's code in errMsg.
const conflict = { errCode: -501001, errMsg: expect.stringContaining('DATABASE_TRANSACTION_CONFLICT') }
// What the cloud answers for a transaction it no longer holds: commit and
// rollback reject with the code itself, a document operation (wrapped by
// wx-server-sdk) with -501001 and the cloud's message, which names no code.
const ended = { code: 'DATABASE_TRANSACTION_FAIL', message: expect.stringContaining('TransactionNotExist') }
const endedOp = { errCode: -501001, errMsg: expect.stringContaining('[ResourceUnavailable.TransactionNotExist]') }

it('of two transactions writing one document, the second fails at its write, is aborted and applies nothing', async () => {
  await db.collection(accounts).doc('x1').set({ data: { balance: 0 } })
  await db.collection(accounts).doc('x2').set({ data: { balance: 0 } })
  const first = await db.startTransaction()
  const second = await db.startTransaction()
  const v1 = (await first.collection(accounts).doc('x1').get()).data.balance
  const v2 = (await second.collection(accounts).doc('x1').get()).data.balance
  await second.collection(accounts).doc('x2').update({ data: { balance: 10 } })
  await first.collection(accounts).doc('x1').update({ data: { balance: v1 + 1 } })
  // The first writer holds x1 until it ends.
  await expect(second.collection(accounts).doc('x1').update({ data: { balance: v2 + 10 } })).rejects.toMatchObject(conflict)
  await expect(second.collection(accounts).doc('x2').get()).rejects.toMatchObject(endedOp)
  await expect(second.commit()).rejects.toMatchObject(ended)
  await first.commit()
  expect(await balance('x1')).toBe(1)
  expect(await balance('x2')).toBe(0)
})

it('a write to a document committed by someone else after the transaction started conflicts at the write', async () => {
  await db.collection(accounts).doc('w1').set({ data: { balance: 0 } })
  const late = await db.startTransaction()
  const seen = (await late.collection(accounts).doc('w1').get()).data.balance
  await db.runTransaction(async (transaction: Db) => {
    await transaction.collection(accounts).doc('w1').update({ data: { balance: 5 } })
  })
  await expect(late.collection(accounts).doc('w1').update({ data: { balance: seen + 1 } })).rejects.toMatchObject(conflict)
  // Also a document created after the start: add() of that id conflicts, it does not overwrite.
  const other = await db.startTransaction()
  await db.collection(accounts).add({ data: { _id: 'w2', balance: 1 } })
  await expect(other.collection(accounts).add({ data: { _id: 'w2', balance: 2 } })).rejects.toMatchObject(conflict)
  expect(await balance('w1')).toBe(5)
  expect(await balance('w2')).toBe(1)
})

it('the lock is released when its holder ends, so the next transaction may write', async () => {
  await db.collection(accounts).doc('k1').set({ data: { balance: 0 } })
  const holder = await db.startTransaction()
  await holder.collection(accounts).doc('k1').update({ data: { balance: 1 } })
  await holder.rollback()
  await db.runTransaction(async (transaction: Db) => {
    await transaction.collection(accounts).doc('k1').update({ data: { balance: 2 } })
  })
  expect(await balance('k1')).toBe(2)
})

it('a write outside any transaction also makes a transaction that wrote the document fail', async () => {
  await db.collection(accounts).doc('y1').set({ data: { balance: 0 } })
  const transaction = await db.startTransaction()
  await transaction.collection(accounts).doc('y1').update({ data: { balance: 5 } })
  await db.collection(accounts).doc('y1').update({ data: { balance: 7 } })
  await expect(transaction.commit()).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' })
  expect(await balance('y1')).toBe(7)
})

it('runTransaction retries a conflict found at commit', async () => {
  await db.collection(accounts).doc('y2').set({ data: { balance: 0 } })
  let runs = 0
  await db.runTransaction(async (transaction: Db) => {
    runs++
    const current = (await transaction.collection(accounts).doc('y2').get()).data.balance
    await transaction.collection(accounts).doc('y2').update({ data: { balance: current + 1 } })
    // A write outside any transaction does not wait for the lock (see the README); commit catches it.
    if (runs === 1) await db.collection(accounts).doc('y2').update({ data: { balance: 10 } })
  })
  expect(runs).toBe(2)
  expect(await balance('y2')).toBe(11)
})

it('runTransaction does not retry a conflict found at a write; the product\'s inTransaction does, so concurrent increments all land', async () => {
  await db.collection(accounts).doc('z1').set({ data: { balance: 0 } })
  const body = async (transaction: Txn | Db) => {
    const current = (await transaction.collection(accounts).doc('z1').get()).data.balance
    await pause()
    await transaction.collection(accounts).doc('z1').update({ data: { balance: current + 1 } })
  }
  const bare = await Promise.allSettled([db.runTransaction(body), db.runTransaction(body)])
  expect(bare.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected'])
  expect(bare.find((result) => result.status === 'rejected')).toMatchObject({ reason: conflict })
  expect(await balance('z1')).toBe(1)

  await Promise.all([inTransaction(db, body), inTransaction(db, body), inTransaction(db, body)])
  expect(await balance('z1')).toBe(4)
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

it('a write that would break a unique index fails at the write, aborts the transaction and applies nothing', async () => {
  await db.collection('users').add({ data: { _id: 'tx-u1', openid: 'tx-openid-1' } })
  const transaction = await db.startTransaction()
  await transaction.collection('users').add({ data: { _id: 'tx-u2', openid: 'tx-openid-2' } })
  await expect(transaction.collection('users').add({ data: { _id: 'tx-u3', openid: 'tx-openid-1' } })).rejects.toMatchObject({
    errCode: -501001,
    errMsg: expect.stringContaining('DATABASE_DUPLICATE_WRITE'),
  })
  // Against the transaction's own earlier writes too.
  const own = await db.startTransaction()
  await own.collection('users').add({ data: { _id: 'tx-u4', openid: 'tx-openid-4' } })
  await expect(own.collection('users').doc('tx-u5').set({ data: { openid: 'tx-openid-4' } })).rejects.toMatchObject({ errMsg: expect.stringContaining('DATABASE_DUPLICATE_WRITE') })
  await expect(transaction.commit()).rejects.toMatchObject(ended)
  await expect(own.commit()).rejects.toMatchObject(ended)
  expect((await db.collection('users').where({ _id: _.in(['tx-u2', 'tx-u3', 'tx-u4', 'tx-u5']) }).count()).total).toBe(0)
  await db.collection('users').doc('tx-u1').remove()
})

it('a unique key freed earlier in the same transaction may be taken by a later write', async () => {
  await db.collection('users').add({ data: { _id: 'tx-f1', openid: 'tx-openid-free' } })
  await db.runTransaction(async (transaction: Db) => {
    await transaction.collection('users').doc('tx-f1').update({ data: { openid: 'tx-openid-moved' } })
    await transaction.collection('users').add({ data: { _id: 'tx-f2', openid: 'tx-openid-free' } })
  })
  expect((await db.collection('users').doc('tx-f2').get()).data.openid).toBe('tx-openid-free')
  await db.collection('users').where({ _id: _.in(['tx-f1', 'tx-f2']) }).remove()
})

it('nothing can be done in a transaction after its commit or rollback', async () => {
  await db.collection(accounts).doc('e1').set({ data: { balance: 1 } })
  const committed = await db.startTransaction()
  await committed.collection(accounts).doc('e1').update({ data: { balance: 2 } })
  await committed.commit()
  await expect(committed.collection(accounts).doc('e1').update({ data: { balance: 3 } })).rejects.toMatchObject(endedOp)
  await expect(committed.collection(accounts).add({ data: { balance: 3 } })).rejects.toMatchObject(endedOp)
  await expect(committed.commit()).rejects.toMatchObject(ended)
  const aborted = await db.startTransaction()
  await aborted.rollback()
  await expect(aborted.collection(accounts).doc('e1').remove()).rejects.toMatchObject(endedOp)
  await expect(aborted.rollback()).rejects.toMatchObject(ended)
  expect(await balance('e1')).toBe(2)
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
