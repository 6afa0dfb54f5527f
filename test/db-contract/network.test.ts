import { get } from 'node:http'
import { Socket } from 'node:net'
import { openContractDb, type ContractDb } from './setup'

// Offline, wx-server-sdk 4.0.2's HTTP transport fails with an unhandled
// rejection that ends Node, and cloud.init() probes Tencent Cloud's metadata
// host. With the embedded transport installed neither may happen.

const embedded = !process.env.DB_CONTRACT_ENV
const connects: string[] = []
const unhandled: unknown[] = []
const originalConnect = Socket.prototype.connect
const onUnhandled = (reason: unknown) => unhandled.push(reason)

beforeAll(() => {
  Socket.prototype.connect = function (this: Socket, ...args: unknown[]) {
    // Record before anything can throw: the options object may not serialise.
    const target = (Array.isArray(args[0]) ? args[0][0] : args[0]) as { host?: string; port?: number; path?: string } | undefined
    connects.push(`${target?.host ?? target?.path ?? '?'}:${target?.port ?? ''}`)
    return (originalConnect as (...a: unknown[]) => Socket).apply(this, args)
  } as typeof Socket.prototype.connect
  process.on('unhandledRejection', onUnhandled)
})

afterAll(() => {
  Socket.prototype.connect = originalConnect
  process.off('unhandledRejection', onUnhandled)
})

it('the connection probe itself works', async () => {
  await new Promise<void>((resolve) => {
    const request = get({ host: '127.0.0.1', port: 9, path: '/' })
    request.on('error', () => resolve())
    request.on('response', () => resolve())
  })
  expect(connects.length).toBe(1)
  connects.length = 0
})

;(embedded ? it : it.skip)('init and database calls, failing ones included, touch no network', async () => {
  let ctx: ContractDb | undefined
  try {
    ctx = await openContractDb()
    const db = ctx.db
    const coll = await ctx.collection('offline')
    await db.collection(coll).add({ data: { a: 1 } })
    await db.collection(coll).where({ a: 1 }).get()
    await db.collection(coll).aggregate().end()
    await db.runTransaction(async (t: typeof db) => t.collection(coll).doc('x').set({ data: { b: 1 } }))
    await expect(db.collection('missing_everywhere').get()).rejects.toBeDefined()
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(connects).toEqual([])
    expect(unhandled).toEqual([])
  } finally {
    await ctx?.close()
  }
})
