import { openContractDb, type ContractDb, type Db } from './setup'

// CloudBase aborts a transaction that is neither committed nor aborted within
// 30 s of its start, and whatever it held is released. The engine's clock is
// injected so the test moves time instead of waiting; so this runs embedded only.

const describeEmbedded = process.env.DB_CONTRACT_ENV ? describe.skip : describe

describeEmbedded('transaction lifetime', () => {
  let now = Date.UTC(2026, 0, 1)
  let ctx: ContractDb
  let db: Db
  let coll: string

  const ended = { code: 'DATABASE_TRANSACTION_FAIL', message: expect.stringContaining('30 seconds') }
  const held = () => ctx.engine!.transactionsHeld()
  const balance = async (id: string) => (await db.collection(coll).doc(id).get()).data.balance

  beforeAll(async () => {
    ctx = await openContractDb({ clock: () => now })
    db = ctx.db
    coll = await ctx.collection('lifetime')
  })

  afterAll(async () => {
    await ctx.close()
  })

  it('a transaction still open 30 s after its start is aborted: nothing applies and its lock is free', async () => {
    await db.collection(coll).doc('a').set({ data: { balance: 1 } })
    const slow = await db.startTransaction()
    await slow.collection(coll).doc('a').update({ data: { balance: 2 } })
    now += 29_999
    expect((await slow.collection(coll).doc('a').get()).data.balance).toBe(2)
    now += 1
    await expect(slow.commit()).rejects.toMatchObject(ended)
    expect(await balance('a')).toBe(1)
    await db.runTransaction(async (transaction: Db) => {
      await transaction.collection(coll).doc('a').update({ data: { balance: 3 } })
    })
    expect(await balance('a')).toBe(3)
  })

  it('an abandoned transaction releases its lock and snapshot at the next request after its lifetime', async () => {
    await db.collection(coll).doc('b').set({ data: { balance: 0 } })
    const abandoned = await db.startTransaction()
    await abandoned.collection(coll).doc('b').update({ data: { balance: 1 } })
    for (let i = 0; i < 5; i++) await db.collection(coll).doc(`other-${i}`).set({ data: { balance: i } })
    expect(held()).toMatchObject({ transactions: 1, locks: 1 })
    expect(held().snapshotEntries).toBeGreaterThan(0)
    now += 30_000
    await db.collection(coll).doc('b').get() // any request, in any collection
    expect(held()).toEqual({ transactions: 0, locks: 0, snapshotEntries: 0 })
  })

  it('a transaction that fails at a write holds nothing afterwards', async () => {
    await db.collection(coll).doc('c').set({ data: { balance: 0 } })
    const first = await db.startTransaction()
    const second = await db.startTransaction()
    await first.collection(coll).doc('c').update({ data: { balance: 1 } })
    await expect(second.collection(coll).doc('c').update({ data: { balance: 2 } })).rejects.toMatchObject({
      errMsg: expect.stringContaining('DATABASE_TRANSACTION_CONFLICT'),
    })
    expect(held()).toMatchObject({ transactions: 1, locks: 1 })
    await first.commit()
    expect(held()).toEqual({ transactions: 0, locks: 0, snapshotEntries: 0 })
  })
})
