import { openContractDb, type ContractDb, type Db } from './setup'

// The platform's page sizes: a bug that silently stops at 100 or 1000 rows in
// the cloud must stop there locally too.

const TOTAL = 1500

let ctx: ContractDb
let db: Db
let _: Db
let coll: string

beforeAll(async () => {
  ctx = await openContractDb()
  db = ctx.db
  _ = db.command
  coll = await ctx.collection('bulk')
  for (let start = 0; start < TOTAL; start += 500) {
    const batch = Array.from({ length: 500 }, (_unused, i) => ({ seq: start + i, group: (start + i) % 30 }))
    await db.collection(coll).add({ data: batch })
  }
})

afterAll(async () => {
  await ctx.close()
})

it('get() returns 100 documents by default', async () => {
  expect((await db.collection(coll).get()).data).toHaveLength(100)
  expect((await db.collection(coll).where({ group: _.gte(0) }).get()).data).toHaveLength(100)
})

it('get() returns at most 1000 documents, whatever limit is asked for', async () => {
  expect((await db.collection(coll).limit(5000).get()).data).toHaveLength(1000)
  expect((await db.collection(coll).limit(1000).get()).data).toHaveLength(1000)
})

it('paging with skip reaches every document', async () => {
  const seen = new Set<number>()
  for (let offset = 0; ; offset += 1000) {
    const page = (await db.collection(coll).orderBy('seq', 'asc').skip(offset).limit(1000).get()).data
    for (const doc of page) seen.add(doc.seq)
    if (page.length < 1000) break
  }
  expect(seen.size).toBe(TOTAL)
})

it('keyset paging on _id reaches every document', async () => {
  const seen = new Set<string>()
  let after: string | undefined
  for (;;) {
    const where = after === undefined ? {} : { _id: _.gt(after) }
    const page = (await db.collection(coll).where(where).orderBy('_id', 'asc').limit(1000).get()).data
    for (const doc of page) seen.add(doc._id)
    if (page.length < 1000) break
    after = page[page.length - 1]._id
  }
  expect(seen.size).toBe(TOTAL)
})

it('count() counts everything', async () => {
  expect((await db.collection(coll).count()).total).toBe(TOTAL)
  expect((await db.collection(coll).where({ group: 0 }).count()).total).toBe(TOTAL / 30)
})

it('aggregate() returns 20 rows unless the pipeline has a limit', async () => {
  const $ = db.command.aggregate
  expect((await db.collection(coll).aggregate().end()).list).toHaveLength(20)
  const grouped = await db.collection(coll).aggregate().group({ _id: '$group', n: $.sum(1) }).end()
  expect(grouped.list).toHaveLength(20)
  const limited = await db.collection(coll).aggregate().group({ _id: '$group', n: $.sum(1) }).limit(100).end()
  expect(limited.list).toHaveLength(30)
  expect((await db.collection(coll).aggregate().match({ group: 1 }).limit(1000).end()).list).toHaveLength(TOTAL / 30)
})
