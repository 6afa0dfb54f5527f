import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as cloud from 'wx-server-sdk'
import { EmbeddedEngine, installEmbeddedDatabase, uninstallEmbeddedDatabase } from '../../local/embedded-db'
import { INDEXES } from '../../server/db/indexes'

// The one place the contract suite knows it runs on the embedded engine.
// Everything else talks to `cloud.database()` only, so pointing this helper at
// a real environment (DB_CONTRACT_ENV) runs the same assertions in the cloud.

// The SDK's typings model callback overloads (`Promise<T> | void`); the suite
// asserts on the runtime shapes instead.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Db = any

export interface ContractDb {
  cloud: typeof cloud
  db: Db
  /** A collection name private to this run, created if missing. */
  collection(base: string): Promise<string>
  /** Embedded only: closes and reopens the database file, as a process restart does. */
  restart(): Promise<void>
  close(): Promise<void>
  /** Embedded only: the database file (undefined against the cloud). */
  file?: string
  /** Embedded only: the engine itself (undefined against the cloud). */
  engine?: EmbeddedEngine
}

const cloudEnv = process.env.DB_CONTRACT_ENV

export function runId(): string {
  return Math.random().toString(36).slice(2, 8)
}

export interface ContractOptions {
  file?: string
  /** Embedded only: the engine's clock, so a test can move time instead of waiting. */
  clock?: () => number
}

export async function openContractDb(options: ContractOptions = {}): Promise<ContractDb> {
  let engine: EmbeddedEngine | undefined
  let dir: string | undefined
  let file: string | undefined
  if (!cloudEnv) {
    dir = options.file ? undefined : mkdtempSync(join(tmpdir(), 'db-contract-'))
    file = options.file ?? join(dir!, 'db.sqlite')
    engine = EmbeddedEngine.open({ file, clock: options.clock })
    engine.declareIndexes(INDEXES)
    installEmbeddedDatabase(engine)
  }
  cloud.init({ env: cloudEnv ?? 'local-contract' })
  const db: Db = cloud.database()
  const id = runId()

  return {
    cloud,
    db,
    file,
    get engine() {
      return engine
    },
    async collection(base) {
      const name = `${base}_${id}`
      try {
        await db.createCollection(name)
      } catch (error) {
        if (!/ALREADY_EXIST/.test(String((error as { errMsg?: string }).errMsg ?? error))) throw error
      }
      return name
    },
    async restart() {
      if (!engine || !file) return
      engine.close()
      engine = EmbeddedEngine.open({ file, clock: options.clock })
      installEmbeddedDatabase(engine)
    },
    async close() {
      engine?.close()
      uninstallEmbeddedDatabase()
      if (dir) rmSync(dir, { recursive: true, force: true })
    },
  }
}

/**
 * Opens the database before the tests around it (a file, or a describe
 * block) and closes it after; `opened` receives it once open.
 */
export function useContractDb(opened: (ctx: ContractDb) => void, options?: ContractOptions): void {
  let ctx: ContractDb | undefined
  beforeAll(async () => {
    ctx = await openContractDb(options)
    opened(ctx)
  })
  afterAll(async () => {
    await ctx?.close()
  })
}

/**
 * Tests of the embedded engine itself: skipped against a real cloud
 * environment. A function, so this file also loads outside jest (the kill -9
 * writer in durability.test.ts imports it in a child process).
 */
export function describeEmbedded(name: string, body: () => void): void {
  ;(process.env.DB_CONTRACT_ENV ? describe.skip : describe)(name, body)
}

/** A small deterministic generator (mulberry32), so a failing random case replays. */
export function random(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
