import { z } from 'zod'
import { action } from '../../src/domain/contracts/action-contract'
import { openLocalDatabase } from '../../local/runtime/open-database'
import { defineFunction } from '../../server/kernel/function-def'
import { runFunction, type RunDeps } from '../../server/kernel/run-function'
import type { Database } from '../../server/kernel/database'
import { FUNCTIONS } from '../../server/functions'

// The dispatch every function shares, on the real embedded database: the
// action by name, its input parsed, the caller known, the permission's role
// checked before the handler runs, and the result held to its schema.

const probeContract = {
  echo: action(z.object({ text: z.string().max(5) }).strict(), z.strictObject({ text: z.string() })),
  open: action(z.object({}).strict(), z.strictObject({ known: z.boolean() })),
  sloppy: action(z.object({}).strict(), z.strictObject({ count: z.number() })),
}
let ran: string[] = []
const probe = defineFunction('probe', probeContract, {
  echo: {
    permission: 'checkin.scan',
    async handle(input) {
      ran.push('echo')
      return { text: input.text }
    },
  },
  open: { permission: 'public', handle: async (_input, ctx) => ({ known: ctx.principal !== null }) },
  // Declared to return a number; answers a string, as a handler that drifted from its contract would.
  sloppy: { permission: 'public', handle: async () => ({ count: 'three' }) as unknown as { count: number } },
})

let db: Database
let close: () => void
const logged: unknown[] = []

beforeAll(async () => {
  ;({ db, close } = openLocalDatabase(':memory:'))
  await db.collection('users').doc('user-staff').set({ data: { openid: 'o-staff', name: '社区', grants: [{ role: 'staff', scope: { communityId: 'c1' } }] } })
  await db.collection('users').doc('user-resident').set({ data: { openid: 'o-resident', name: '居民', grants: [{ role: 'resident', scope: { communityId: 'c1' } }] } })
})
afterAll(() => close())
beforeEach(() => {
  ran = []
  logged.length = 0
})

const run = (openid: string, event: unknown, extra: Partial<RunDeps> = {}) =>
  runFunction(probe, event, { db, openid, env: { cardSecret: '' }, log: (e) => logged.push(e), ...extra })

it('runs the named action with its parsed input', async () => {
  expect(await run('o-staff', { action: 'echo', text: 'hi' })).toEqual({ ok: true, data: { text: 'hi' } })
})

it('answers an unknown action with a stable code and a Chinese message naming it', async () => {
  const result = await run('o-staff', { action: 'ech0', text: 'hi' })
  expect(result).toMatchObject({ ok: false, code: 'UNKNOWN_ACTION' })
  expect(!result.ok && result.message).toMatch(/没有这个操作：probe\.ech0.*echo、open、sloppy/)
  expect(await run('o-staff', { text: 'hi' })).toMatchObject({ ok: false, code: 'UNKNOWN_ACTION', message: expect.stringMatching(/缺少操作名称/) })
  expect(await run('o-staff', { action: 'toString' })).toMatchObject({ ok: false, code: 'UNKNOWN_ACTION' })
  expect(ran).toEqual([])
})

it('parses the input against the action’s own schema', async () => {
  expect(await run('o-staff', { action: 'echo', text: 'too long' })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' })
  expect(await run('o-staff', { action: 'echo', text: 'hi', extra: 1 })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED', message: expect.stringMatching(/不支持的字段：extra/) })
  expect(ran).toEqual([])
})

it('refuses a caller the system does not know with NOT_REGISTERED, before the handler runs', async () => {
  expect(await run('o-nobody', { action: 'echo', text: 'hi' })).toMatchObject({ ok: false, code: 'NOT_REGISTERED', message: expect.stringMatching(/还未在系统中登记/) })
  expect(await run('', { action: 'echo', text: 'hi' })).toMatchObject({ ok: false, code: 'NOT_REGISTERED' })
  expect(ran).toEqual([])
})

it('checks the permission’s role before the handler runs', async () => {
  expect(await run('o-resident', { action: 'echo', text: 'hi' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  expect(ran).toEqual([])
})

it('runs a public action for anyone, known or not', async () => {
  expect(await run('o-nobody', { action: 'open' })).toEqual({ ok: true, data: { known: false } })
  expect(await run('o-resident', { action: 'open' })).toEqual({ ok: true, data: { known: true } })
})

it('turns a result that breaks its schema into INTERNAL for the user and logs the action’s name', async () => {
  expect(await run('o-nobody', { action: 'sloppy' })).toEqual({ ok: false, code: 'INTERNAL', message: expect.stringMatching(/系统繁忙/) })
  expect(String(logged[0])).toMatch(/probe\.sloppy: the result does not match its schema/)
  // The cloud entry does not check (serve() turns it off): the answer goes out as it is.
  expect(await run('o-nobody', { action: 'sloppy' }, { checkResults: false })).toEqual({ ok: true, data: { count: 'three' } })
})

it('ignores the userInfo WeChat adds to every event', async () => {
  expect(await run('o-staff', { action: 'echo', text: 'hi', userInfo: { appId: 'wx1', openId: 'o-staff' } })).toEqual({ ok: true, data: { text: 'hi' } })
})

it.each([
  ['roster', { action: 'list', unitId: 'unit-1' }],
  ['card', { action: 'mine' }],
  ['report', { action: 'receipt', reportId: 'report-1' }],
  ['posts', { action: 'list', communityId: 'c1' }],
  ['stats', { action: 'district' }],
])('the real %s function refuses an unknown caller with NOT_REGISTERED', async (name, event) => {
  const result = await runFunction(FUNCTIONS.get(name)!, event, { db, openid: 'o-nobody', env: { cardSecret: '' } })
  expect(result).toMatchObject({ ok: false, code: 'NOT_REGISTERED' })
})
