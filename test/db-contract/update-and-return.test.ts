import { openContractDb, type ContractDb, type Db } from './setup'

// updateAndReturn (action database.modifyAndReturnDoc) exists in the builder
// (@cloudbase/database Query) but wx-server-sdk 4.0.2's Query wrapper does not
// expose it; it is reached through the wrapped builder query (`_collection`).

let ctx: ContractDb
let db: Db
let _: Db
let coll: string

beforeAll(async () => {
  ctx = await openContractDb()
  db = ctx.db
  _ = db.command
  coll = await ctx.collection('uar')
  await db.collection(coll).add({ data: [{ _id: 'q1', kind: 'ticket', n: 1 }, { _id: 'q2', kind: 'other', n: 1 }] })
})

afterAll(async () => {
  await ctx.close()
})

const builder = (name: string) => db.collection(name)._collection

it('updates the first match and returns it as it is after the update', async () => {
  const res = await builder(coll).where({ kind: 'ticket' }).updateAndReturn({ n: _.inc(1), at: new Date('2024-01-01T00:00:00Z') })
  expect(res.updated).toBe(1)
  expect(res.doc).toEqual({ _id: 'q1', kind: 'ticket', n: 2, at: new Date('2024-01-01T00:00:00Z') })
  expect((await db.collection(coll).doc('q1').get()).data.n).toBe(2)
})

it('returns no document when nothing matches', async () => {
  const res = await builder(coll).where({ kind: 'none' }).updateAndReturn({ n: 5 })
  expect(res.updated).toBe(0)
  expect(res.doc).toBeNull()
})
