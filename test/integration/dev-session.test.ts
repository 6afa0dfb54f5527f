import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { buildLocalApp } from '../../local/runtime/app'
import { openLocalDatabase } from '../../local/runtime/open-database'
import { SESSION_TTL_MS } from '../../local/runtime/session'
import type { Database } from '../../server/kernel/database'

// The local dev sign-in: only a plain demo-user id is looked up, a session
// ends at sign-out (its cookie is then worth nothing) and after 12 hours.

let dir: string
let app: FastifyInstance
let db: Database
let close: () => void
const clock = { now: new Date('2026-03-16T02:00:00Z') }

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sbd-session-'))
  ;({ db, close } = openLocalDatabase(join(dir, 'db.sqlite')))
  await db.collection('users').add({ data: { openid: 'demo-district', name: '区委组织部', grants: [{ role: 'districtAdmin', scope: { districtId: 'd1' } }] } })
  app = await buildLocalApp({ db, secrets: { sessionSecret: 's'.repeat(32), cardSecret: 'c'.repeat(32) }, sessionClock: () => clock.now })
})
afterAll(async () => {
  await app.close()
  close()
  rmSync(dir, { recursive: true, force: true })
})

const signIn = (payload: string, contentType = 'application/x-www-form-urlencoded') =>
  app.inject({ method: 'POST', url: '/dev/login', payload, headers: { 'content-type': contentType } })
const cookieOf = (response: Awaited<ReturnType<typeof signIn>>) => String(response.headers['set-cookie']).split(';')[0]!
const bootstrap = (cookie: string) =>
  app.inject({ method: 'POST', url: '/api/bootstrap', payload: '{"action":"get"}', headers: { 'content-type': 'application/json', cookie } }).then((r) => r.json())

it('refuses a query operator for the demo user, plainly, without starting a session', async () => {
  for (const payload of ['{"openid":{"$eq":"demo-district"}}', '{"openid":["demo-district"]}', '{}', 'null']) {
    const response = await signIn(payload, 'application/json')
    expect(response.statusCode).toBe(400)
    expect(response.body).toBe('没有这个演示用户')
    expect(response.headers['set-cookie']).toBeUndefined()
  }
  expect((await signIn('{"openid":"demo-district"}', 'application/json')).statusCode).toBe(303)
})

it('a signed-out session cookie no longer signs anyone in', async () => {
  const cookie = cookieOf(await signIn('openid=demo-district'))
  expect(await bootstrap(cookie)).toMatchObject({ ok: true, data: { known: true } })
  const out = await app.inject({ method: 'POST', url: '/dev/logout', headers: { cookie } })
  expect(out.statusCode).toBe(303)
  expect(await bootstrap(cookie)).toMatchObject({ ok: false, code: 'AUTH_REQUIRED' })
})

it('a session expires after 12 hours', async () => {
  const cookie = cookieOf(await signIn('openid=demo-district'))
  clock.now = new Date(clock.now.getTime() + SESSION_TTL_MS - 60_000)
  expect(await bootstrap(cookie)).toMatchObject({ ok: true })
  clock.now = new Date(clock.now.getTime() + 120_000)
  expect(await bootstrap(cookie)).toMatchObject({ ok: false, code: 'AUTH_REQUIRED' })
})

it('two sign-ins of one demo user are two sessions: ending one leaves the other', async () => {
  const first = cookieOf(await signIn('openid=demo-district'))
  const second = cookieOf(await signIn('openid=demo-district'))
  expect(first).not.toBe(second)
  await app.inject({ method: 'POST', url: '/dev/logout', headers: { cookie: first } })
  expect(await bootstrap(second)).toMatchObject({ ok: true })
})

it('plays WeChat\'s getPhoneNumber for the signed-in demo user only, for a valid mobile only', async () => {
  const cookie = cookieOf(await signIn('openid=demo-district'))
  const ask = (payload: string, headers: Record<string, string> = { cookie }) =>
    app.inject({ method: 'POST', url: '/dev/phone-number', payload, headers: { 'content-type': 'application/json', ...headers } })
  const issued = await ask('{"mobile":"13900000011"}')
  expect(issued.json()).toMatchObject({ ok: true, data: { code: expect.stringMatching(/^local-[0-9a-f]{32}$/) } })
  expect((await ask('{"mobile":{"$ne":""}}')).json()).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' })
  expect((await ask('{"mobile":"13900000011"}', {})).json()).toMatchObject({ ok: false, code: 'AUTH_REQUIRED' })
})
