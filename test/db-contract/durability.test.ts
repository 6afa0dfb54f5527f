import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { openContractDb, type ContractDb, type Db } from './setup'

// What a write returned is on disk: across a clean restart, and across kill -9
// in the middle of a stream of writes. Against the cloud, restart is a no-op
// and the kill test is skipped (there is no local file to reopen).

const embedded = !process.env.DB_CONTRACT_ENV

async function allIds(db: Db, collection: string): Promise<Set<string>> {
  const _ = db.command
  const ids = new Set<string>()
  let after: string | undefined
  for (;;) {
    const where = after === undefined ? {} : { _id: _.gt(after) }
    const page = (await db.collection(collection).where(where).orderBy('_id', 'asc').limit(1000).field({ _id: true }).get()).data
    for (const doc of page) ids.add(doc._id)
    if (page.length < 1000) return ids
    after = page[page.length - 1]._id
  }
}

describe('restart', () => {
  let ctx: ContractDb
  beforeAll(async () => {
    ctx = await openContractDb()
  })
  afterAll(async () => {
    await ctx.close()
  })

  it('everything written before a close is there after reopening the file', async () => {
    const coll = await ctx.collection('kept')
    const { _id } = await ctx.db.collection(coll).add({ data: { when: new Date('2024-05-01T00:00:00Z'), list: [1, 2] } })
    await ctx.db.collection(coll).doc('fixed').set({ data: { v: 1 } })
    await ctx.db.collection(coll).doc('fixed').update({ data: { v: ctx.db.command.inc(1) } })
    await ctx.db.collection(coll).doc('gone').set({ data: { v: 1 } })
    await ctx.db.collection(coll).doc('gone').remove()
    await ctx.restart()
    const db: Db = ctx.cloud.database()
    expect((await db.collection(coll).doc(_id).get()).data).toEqual({ _id, when: new Date('2024-05-01T00:00:00Z'), list: [1, 2] })
    expect((await db.collection(coll).doc('fixed').get()).data.v).toBe(2)
    expect((await db.collection(coll).count()).total).toBe(2)
  })

  it('unique indexes still hold after reopening', async () => {
    await ctx.db.collection('users').add({ data: { openid: 'restart-openid' } })
    await ctx.restart()
    const db: Db = ctx.cloud.database()
    await expect(db.collection('users').add({ data: { openid: 'restart-openid' } })).rejects.toMatchObject({
      errMsg: expect.stringContaining('DATABASE_DUPLICATE_WRITE'),
    })
  })
})

;(embedded ? describe : describe.skip)('kill -9', () => {
  const dir = mkdtempSync(join(tmpdir(), 'db-contract-kill-'))
  const file = join(dir, 'db.sqlite')
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('loses no acknowledged write when the writer is killed mid-stream', async () => {
    const acked = await new Promise<string[]>((resolvePromise, reject) => {
      const child = spawn(process.execPath, ['-r', '@swc-node/register', resolve(__dirname, 'fixtures/ack-writer.ts'), file], {
        cwd: resolve(__dirname, '../..'),
        stdio: ['ignore', 'pipe', 'pipe'],
      })
      const ids: string[] = []
      let pending = ''
      let stderr = ''
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString()
      })
      child.stdout.on('data', (chunk: Buffer) => {
        pending += chunk.toString()
        const lines = pending.split('\n')
        pending = lines.pop() ?? ''
        for (const line of lines) {
          const [word, , id] = line.split(' ')
          if (word === 'ack' && id) ids.push(id)
        }
        if (ids.length >= 300 && !child.killed) child.kill('SIGKILL')
      })
      child.on('error', reject)
      child.on('exit', (code, signal) => {
        if (signal === 'SIGKILL') resolvePromise(ids)
        else reject(new Error(`writer exited on its own (code ${code}): ${stderr}`))
      })
    })
    expect(acked.length).toBeGreaterThanOrEqual(300)

    const ctx = await openContractDb({ file })
    try {
      const stored = await allIds(ctx.db, 'acks')
      const missing = acked.filter((id) => !stored.has(id))
      expect(missing).toEqual([])
      expect(stored.size).toBeGreaterThanOrEqual(acked.length)
    } finally {
      await ctx.close()
    }
  }, 60_000)
})
