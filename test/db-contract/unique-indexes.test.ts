import { openContractDb, runId, type ContractDb, type Db } from './setup'

// Runs against the project's indexed collections (server/db/indexes.ts), which
// exist wherever the indexes were created. Values carry a run id so a shared
// cloud environment is not disturbed.

let ctx: ContractDb
let db: Db
let _: Db
const run = runId()

beforeAll(async () => {
  ctx = await openContractDb()
  db = ctx.db
  _ = db.command
})

afterAll(async () => {
  await db.collection('users').where({ openid: db.RegExp({ regexp: `^${run}` }) }).remove()
  await db.collection('members').where({ unitId: db.RegExp({ regexp: `^${run}` }) }).remove()
  await ctx.close()
})

const duplicate = { errCode: -501001, errMsg: expect.stringContaining('DATABASE_DUPLICATE_WRITE') }

describe('users.openid (unique)', () => {
  it('rejects a second document with the same openid and writes nothing', async () => {
    await db.collection('users').add({ data: { openid: `${run}-o1`, name: 'first' } })
    await expect(db.collection('users').add({ data: { openid: `${run}-o1`, name: 'second' } })).rejects.toMatchObject(duplicate)
    expect((await db.collection('users').where({ openid: `${run}-o1` }).count()).total).toBe(1)
  })

  it('rejects an update that would duplicate an openid, leaving the document as it was', async () => {
    await db.collection('users').doc(`${run}-u2`).set({ data: { openid: `${run}-o2` } })
    await db.collection('users').doc(`${run}-u3`).set({ data: { openid: `${run}-o3` } })
    await expect(db.collection('users').doc(`${run}-u3`).update({ data: { openid: `${run}-o2` } })).rejects.toMatchObject(duplicate)
    await expect(db.collection('users').doc(`${run}-u3`).set({ data: { openid: `${run}-o2` } })).rejects.toMatchObject(duplicate)
    await expect(db.collection('users').where({ _id: `${run}-u3` }).update({ data: { openid: `${run}-o2` } })).rejects.toMatchObject(duplicate)
    expect((await db.collection('users').doc(`${run}-u3`).get()).data.openid).toBe(`${run}-o3`)
  })

  it('allows changing a document to a free openid', async () => {
    await db.collection('users').doc(`${run}-u4`).set({ data: { openid: `${run}-o4` } })
    await db.collection('users').doc(`${run}-u4`).update({ data: { openid: `${run}-o4b` } })
    await db.collection('users').add({ data: { openid: `${run}-o4` } })
    expect((await db.collection('users').where({ openid: _.in([`${run}-o4`, `${run}-o4b`]) }).count()).total).toBe(2)
  })
})

describe('members (unitId, mobile) (unique) and unitId', () => {
  it('allows the same mobile in another unit but not twice in one unit', async () => {
    const unitA = `${run}-ua`
    const unitB = `${run}-ub`
    await db.collection('members').add({ data: { unitId: unitA, mobile: '13800000001' } })
    await db.collection('members').add({ data: { unitId: unitB, mobile: '13800000001' } })
    await expect(db.collection('members').add({ data: { unitId: unitA, mobile: '13800000001' } })).rejects.toMatchObject(duplicate)
    expect((await db.collection('members').where({ unitId: unitA }).count()).total).toBe(1)
  })

  it('treats a missing mobile as null, so two members of a unit without one collide (MongoDB semantics)', async () => {
    const unit = `${run}-uc`
    await db.collection('members').add({ data: { unitId: unit, name: 'no mobile' } })
    await expect(db.collection('members').add({ data: { unitId: unit, name: 'also none' } })).rejects.toMatchObject(duplicate)
  })

  it('a multi-document add stops at the duplicate: earlier documents stay, later ones are not written', async () => {
    const unit = `${run}-ud`
    await expect(
      db.collection('members').add({
        data: [
          { unitId: unit, mobile: '1' },
          { unitId: unit, mobile: '2' },
          { unitId: unit, mobile: '1' },
          { unitId: unit, mobile: '3' },
        ],
      }),
    ).rejects.toMatchObject(duplicate)
    const mobiles = (await db.collection('members').where({ unitId: unit }).get()).data.map((m: { mobile: string }) => m.mobile)
    expect(mobiles.sort()).toEqual(['1', '2'])
  })

  it('an indexed field holding an array is still matched by element', async () => {
    const unit = `${run}-ue`
    await db.collection('members').add({ data: { unitId: [unit, 'other'], mobile: 'arr' } })
    await db.collection('members').add({ data: { unitId: unit, mobile: 'plain' } })
    const found = (await db.collection('members').where({ unitId: unit }).get()).data.map((m: { mobile: string }) => m.mobile)
    expect(found.sort()).toEqual(['arr', 'plain'])
    expect((await db.collection('members').where({ unitId: _.in([unit]) }).count()).total).toBe(2)
  })
})
