import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { buildLocalApp, MAX_BODY_BYTES } from '../../local/runtime/app'
import { openLocalDatabase } from '../../local/runtime/open-database'
import { countOf } from '../../server/db/read'
import { COLLECTIONS } from '../../server/db/collections'
import type { Database } from '../../server/kernel/database'

// Whatever a client sends, the bridge answers `{ ok: false, code, message }`
// in Chinese, writes nothing, and keeps serving.

let dir: string
let app: FastifyInstance
let db: Database
let close: () => void
let cookie: string

async function snapshot(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {}
  for (const name of COLLECTIONS) counts[name] = await countOf(db.collection(name))
  return counts
}

function call(name: string, payload: string, headers: Record<string, string> = { 'content-type': 'application/json' }) {
  return app.inject({ method: 'POST', url: `/api/${name}`, payload, headers: { cookie, ...headers } })
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sbd-bridge-'))
  ;({ db, close } = openLocalDatabase(join(dir, 'db.sqlite')))
  await db.collection('users').add({ data: { openid: 'o-staff', name: '测试员', grants: [{ role: 'staff', scope: { communityId: 'c1' } }] } })
  app = await buildLocalApp({ db, secrets: { sessionSecret: 's'.repeat(32), cardSecret: 'c'.repeat(32) } })
  const login = await app.inject({ method: 'POST', url: '/dev/login', payload: 'openid=o-staff', headers: { 'content-type': 'application/x-www-form-urlencoded' } })
  cookie = String(login.headers['set-cookie']).split(';')[0]!
})

afterAll(async () => {
  await app.close()
  close()
  rmSync(dir, { recursive: true, force: true })
})

const cases: Array<[string, () => ReturnType<typeof call>, number, string, RegExp]> = [
  ['malformed JSON', () => call('bootstrap', '{"a":'), 400, 'BAD_JSON', /JSON/],
  ['an unknown function', () => call('noSuchThing', '{}'), 404, 'UNKNOWN_FUNCTION', /没有这个功能：noSuchThing/],
  ['a prototype name as a function', () => call('constructor', '{}'), 404, 'UNKNOWN_FUNCTION', /没有这个功能/],
  ['an unknown action, named in the answer', () => call('report', '{"action":"register"}'), 404, 'UNKNOWN_ACTION', /没有这个操作：report\.register/],
  ['a prototype name as an action', () => call('report', '{"action":"constructor"}'), 404, 'UNKNOWN_ACTION', /没有这个操作：report\.constructor/],
  ['no action at all', () => call('report', '{"communityId":"c1"}'), 404, 'UNKNOWN_ACTION', /缺少操作名称/],
  ['an unexpected field', () => call('bootstrap', '{"action":"get","role":"districtAdmin"}'), 400, 'VALIDATION_FAILED', /不支持的字段：role/],
  ['a query operator smuggled in', () => call('bootstrap', '{"action":"get","$where":"1"}'), 400, 'VALIDATION_FAILED', /不支持的字段/],
  ['a wrong-typed payload', () => call('bootstrap', '[1,2]'), 400, 'VALIDATION_FAILED', /填写的内容有误/],
  ['a payload over 100 KB', () => call('bootstrap', JSON.stringify({ x: 'a'.repeat(MAX_BODY_BYTES) })), 413, 'PAYLOAD_TOO_LARGE', /100KB/],
  ['a form post to the API', () => call('bootstrap', 'a=1', { 'content-type': 'text/plain' }), 400, 'BAD_JSON', /JSON/],
  ['a JSON null (not an empty event)', () => call('bootstrap', 'null'), 400, 'VALIDATION_FAILED', /填写的内容有误/],
  ['a function name over 100 characters', () => call('x'.repeat(101), '{}'), 404, 'UNKNOWN_FUNCTION', /没有这个功能/],
  ['a GET of a function', () => app.inject({ method: 'GET', url: '/api/bootstrap', headers: { cookie } }), 405, 'METHOD_NOT_ALLOWED', /POST/],
  ['a path deeper than a function', () => call('report/lookup', '{}'), 404, 'UNKNOWN_FUNCTION', /没有这个功能/],
  ['the bare /api/ path', () => app.inject({ method: 'POST', url: '/api/', payload: '{}', headers: { cookie, 'content-type': 'application/json' } }), 404, 'UNKNOWN_FUNCTION', /没有这个功能/],
]

it.each(cases)('%s gets a Chinese message and a stable code, writes nothing, and the bridge serves on', async (_label, send, status, code, message) => {
  const before = await snapshot()
  const response = await send()
  expect(response.statusCode).toBe(status)
  const body = response.json()
  expect(body).toMatchObject({ ok: false, code })
  expect(body.message).toMatch(message)
  expect(body.message).toMatch(/[\u4e00-\u9fa5]/)
  expect(await snapshot()).toEqual(before)

  const next = await call('bootstrap', '{"action":"get"}')
  expect(next.json()).toMatchObject({ ok: true, data: { known: true } })
})

it('asks for a sign-in when there is no session', async () => {
  const response = await app.inject({ method: 'POST', url: '/api/bootstrap', payload: '{"action":"get"}', headers: { 'content-type': 'application/json' } })
  expect(response.statusCode).toBe(401)
  expect(response.json()).toMatchObject({ ok: false, code: 'AUTH_REQUIRED' })
})

it('refuses a forged session cookie', async () => {
  const response = await app.inject({ method: 'POST', url: '/api/bootstrap', payload: '{"action":"get"}', headers: { 'content-type': 'application/json', cookie: 'sbd_session=o-staff.forged' } })
  expect(response.json()).toMatchObject({ ok: false, code: 'AUTH_REQUIRED' })
})

it('tells a signed-in user with no record that they are not registered', async () => {
  await db.collection('users').add({ data: { openid: 'o-gone', name: '已删除', grants: [] } })
  const login = await app.inject({ method: 'POST', url: '/dev/login', payload: 'openid=o-gone', headers: { 'content-type': 'application/x-www-form-urlencoded' } })
  const gone = String(login.headers['set-cookie']).split(';')[0]!
  await db.collection('users').where({ openid: 'o-gone' }).remove()
  const response = await app.inject({ method: 'POST', url: '/api/bootstrap', payload: '{"action":"get"}', headers: { 'content-type': 'application/json', cookie: gone } })
  expect(response.json()).toEqual({ ok: true, data: { known: false, user: null, grants: [], menu: [] } })
})
