import type { FastifyInstance } from 'fastify'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Fail, Result } from '../../../src/domain/result'
import type { Database } from '../../../server/kernel/database'
import { buildLocalApp } from '../../../local/runtime/app'
import { openLocalDatabase } from '../../../local/runtime/open-database'

// Drives the real local runtime: the fastify bridge (POST /api/<fn>) on a
// temporary embedded database, signed in through /dev/login like a person
// choosing a demo user. Only the HTTP face is used, as the h5 client does.

export const TEST_CARD_SECRET = 'integration-test-card-secret'

export interface Caller {
  readonly openid: string
  call<T = unknown>(fn: string, input: unknown): Promise<Result<T>>
  /** Calls and expects success; returns the data. */
  ok<T = unknown>(fn: string, input: unknown): Promise<T>
  /** Calls and expects a failure; returns it. */
  fail(fn: string, input: unknown): Promise<Fail>
}

export interface Harness {
  app: FastifyInstance
  db: Database
  /** The server's clock; tests move it. */
  clock: { now: Date }
  asUser(openid: string): Caller
  close(): Promise<void>
}

export interface HarnessOptions {
  seed?: (db: Database) => Promise<void>
  cardSecret?: string
  now?: Date
}

async function signIn(app: FastifyInstance, openid: string): Promise<string> {
  const response = await app.inject({
    method: 'POST',
    url: '/dev/login',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: `openid=${encodeURIComponent(openid)}`,
  })
  if (response.statusCode !== 303) throw new Error(`sign-in as ${openid} failed: ${response.statusCode} ${response.body}`)
  const setCookie = response.headers['set-cookie']
  const first = Array.isArray(setCookie) ? setCookie[0] : setCookie
  if (!first) throw new Error(`sign-in as ${openid} set no cookie`)
  return first.split(';')[0]!
}

export async function openHarness(options: HarnessOptions = {}): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'sbd-integration-'))
  const { db, close } = openLocalDatabase(join(dir, 'db.sqlite'))
  if (options.seed) await options.seed(db)
  const clock = { now: options.now ?? new Date('2026-03-16T02:00:00Z') }
  const app = await buildLocalApp({
    db,
    secrets: { sessionSecret: 'integration-test-session-secret-0123456789', cardSecret: options.cardSecret ?? TEST_CARD_SECRET },
    now: () => new Date(clock.now.getTime()),
  })
  const cookies = new Map<string, string>()

  const asUser = (openid: string): Caller => {
    const call = async <T>(fn: string, input: unknown): Promise<Result<T>> => {
      let cookie = cookies.get(openid)
      if (!cookie) {
        cookie = await signIn(app, openid)
        cookies.set(openid, cookie)
      }
      const response = await app.inject({ method: 'POST', url: `/api/${fn}`, headers: { cookie }, payload: input as object })
      return response.json() as Result<T>
    }
    return {
      openid,
      call,
      async ok<T>(fn: string, input: unknown) {
        const result = await call<T>(fn, input)
        if (!result.ok) throw new Error(`${openid} ${fn} ${JSON.stringify(input).slice(0, 200)} failed: ${result.code} ${result.message}`)
        return result.data
      },
      async fail(fn: string, input: unknown) {
        const result = await call(fn, input)
        if (result.ok) throw new Error(`${openid} ${fn} ${JSON.stringify(input).slice(0, 200)} unexpectedly succeeded: ${JSON.stringify(result.data).slice(0, 300)}`)
        return result
      },
    }
  }

  return {
    app,
    db,
    clock,
    asUser,
    async close() {
      await app.close()
      close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
