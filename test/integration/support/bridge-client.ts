import type { FastifyInstance } from 'fastify'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Fail, Result } from '../../../src/domain/result'
import type { ActionCall, ActionName, ActionResult, FunctionName } from '../../../src/domain/contracts'
import type { Database } from '../../../server/kernel/database'
import { buildLocalApp } from '../../../local/runtime/app'
import { openLocalDatabase } from '../../../local/runtime/open-database'
import { openLocalStorage } from '../../../local/runtime/open-storage'
import type { FileStore } from '../../../local/embedded-storage'
import type { BootstrapData } from '../../../src/domain/contracts/bootstrap.contract'
import { uploadPath, type UploadKind } from '../../../src/domain/upload-kinds'
import { messagesToWrongRoles } from './message-recipients'

// Drives the real local runtime: the fastify bridge (POST /api/<fn>) on a
// temporary embedded database, signed in through /dev/login like a person
// choosing a demo user. Only the HTTP face is used, as the h5 client does.

export const TEST_CARD_SECRET = 'integration-test-card-secret'

/**
 * A signed-in user's calls, typed from the contracts as the client's
 * CallFunction is: `ok('report', { action: 'confirm', ... })` is the confirm
 * result. Input no contract allows (the bad-input tests) goes through the raw pair.
 */
export interface Caller {
  readonly openid: string
  call<F extends FunctionName, A extends ActionName<F>>(fn: F, input: ActionCall<F, A>): Promise<Result<ActionResult<F, A>>>
  /** Calls and expects success; returns the data. */
  ok<F extends FunctionName, A extends ActionName<F>>(fn: F, input: ActionCall<F, A>): Promise<ActionResult<F, A>>
  /** Calls and expects a failure; returns it. */
  fail<F extends FunctionName, A extends ActionName<F>>(fn: F, input: ActionCall<F, A>): Promise<Fail>
  /** Calls with any input, even one no contract allows (a missing action, a wrong type); returns the answer. */
  rawCall(fn: string, input: unknown): Promise<Result<unknown>>
  /** Calls with any input and expects a failure; returns it. */
  rawFail(fn: string, input: unknown): Promise<Fail>
  /** Uploads a file as the h5 client does (PUT /storage/upload under the caller's own folder); returns the answer. */
  upload(kind: UploadKind, fileName: string, bytes: Buffer, cloudPath?: string): Promise<Result<{ fileID: string }>>
  /** Uploads and expects success; returns the fileID. */
  uploaded(kind: UploadKind, fileName: string, bytes: Buffer): Promise<string>
}

export interface Harness {
  app: FastifyInstance
  db: Database
  files: FileStore
  /** The server's clock; tests move it. */
  clock: { now: Date }
  asUser(openid: string): Caller
  close(): Promise<void>
}

export interface HarnessOptions {
  /** Writes the test's data; `files` is the harness's file store (the demo seed puts its images there). */
  seed?: (db: Database, files: FileStore) => Promise<void>
  cardSecret?: string
  /** The deployment's 首次设置码 (none when omitted). */
  setupCode?: string
  now?: Date
}

/** `new-<label>` signs in as a WeChat user the system does not know yet (the dev page's 新微信用户). */
async function signIn(app: FastifyInstance, openid: string): Promise<string> {
  const payload = openid.startsWith('new-') ? `newUser=${encodeURIComponent(openid.slice('new-'.length))}` : `openid=${encodeURIComponent(openid)}`
  const response = await app.inject({
    method: 'POST',
    url: '/dev/login',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload,
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
  const clock = { now: options.now ?? new Date('2026-03-16T02:00:00Z') }
  const now = () => new Date(clock.now.getTime())
  const storage = openLocalStorage({ dataDir: dir, secret: 'integration-test-storage-secret', baseUrl: 'http://127.0.0.1:8080', now })
  if (options.seed) await options.seed(db, storage.store)
  const app = await buildLocalApp({
    db,
    secrets: { sessionSecret: 'integration-test-session-secret-0123456789', cardSecret: options.cardSecret ?? TEST_CARD_SECRET, setupCode: options.setupCode },
    files: storage.store,
    now,
  })
  const cookies = new Map<string, string>()
  const userIds = new Map<string, string>()
  let uploads = 0

  const cookieOf = async (openid: string): Promise<string> => {
    let cookie = cookies.get(openid)
    if (!cookie) {
      cookie = await signIn(app, openid)
      cookies.set(openid, cookie)
    }
    return cookie
  }

  const asUser = (openid: string): Caller => {
    const call = async <T>(fn: string, input: unknown): Promise<Result<T>> => {
      const response = await app.inject({ method: 'POST', url: `/api/${fn}`, headers: { cookie: await cookieOf(openid) }, payload: input as object })
      return response.json() as Result<T>
    }
    const fail = async (fn: string, input: unknown): Promise<Fail> => {
      const result = await call(fn, input)
      if (result.ok) throw new Error(`${openid} ${fn} ${JSON.stringify(input).slice(0, 200)} unexpectedly succeeded: ${JSON.stringify(result.data).slice(0, 300)}`)
      return result
    }
    // The client learns its user id from bootstrap, and uploads under it.
    const userId = async (): Promise<string> => {
      if (!userIds.has(openid)) {
        const boot = await call<BootstrapData>('bootstrap', { action: 'get' })
        userIds.set(openid, boot.ok && boot.data.user ? boot.data.user.id : 'unknown')
      }
      return userIds.get(openid)!
    }
    const upload = async (kind: UploadKind, fileName: string, bytes: Buffer, cloudPath?: string): Promise<Result<{ fileID: string }>> => {
      const path = cloudPath ?? uploadPath(kind, await userId(), fileName, now(), `t${++uploads}`)
      const response = await app.inject({
        method: 'PUT',
        url: `/storage/upload?cloudPath=${encodeURIComponent(path)}`,
        headers: { cookie: await cookieOf(openid), 'content-type': 'application/octet-stream' },
        payload: bytes,
      })
      return response.json() as Result<{ fileID: string }>
    }
    return {
      openid,
      call: (fn, input) => call(fn, input),
      async ok(fn, input) {
        const result = await call<never>(fn, input)
        if (!result.ok) throw new Error(`${openid} ${fn} ${JSON.stringify(input).slice(0, 200)} failed: ${result.code} ${result.message}`)
        return result.data
      },
      fail,
      rawCall: (fn, input) => call(fn, input),
      rawFail: fail,
      upload,
      async uploaded(kind: UploadKind, fileName: string, bytes: Buffer) {
        const result = await upload(kind, fileName, bytes)
        if (!result.ok) throw new Error(`${openid} upload ${fileName} failed: ${result.code} ${result.message}`)
        return result.data.fileID
      },
    }
  }

  return {
    app,
    db,
    files: storage.store,
    clock,
    asUser,
    async close() {
      const wrong = await messagesToWrongRoles(db).catch(() => [])
      await app.close()
      storage.close()
      close()
      rmSync(dir, { recursive: true, force: true })
      if (wrong.length > 0) throw new Error(`messages sent to users whose roles do not receive the kind (src/domain/message-recipients.ts):\n${wrong.join('\n')}`)
    },
  }
}
