import type { FastifyInstance } from 'fastify'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { z } from 'zod'
import { buildLocalApp } from '../../local/runtime/app'
import { openLocalDatabase } from '../../local/runtime/open-database'
import { invokeThroughKernel, loadTriggers } from '../../local/triggers/load-triggers'
import { TriggerScheduler } from '../../local/triggers/trigger-scheduler'
import { getRows } from '../../server/db/read'
import { FUNCTIONS } from '../../server/functions'
import type { Database } from '../../server/kernel/database'
import { defineFunction, type CloudFunction } from '../../server/kernel/function-def'
import { runFunction } from '../../server/kernel/run-function'
import type { TimerContext, TimerEvent } from '../../server/kernel/timer'
import { ManualClock } from './support/manual-clock'

// The mechanism runs a function made for this test (the product's one timer,
// stats' tally recount, is tested in tally-property.test.ts): its timer
// handler writes one `meta` document per run, named by the event's time.

const seen: Array<{ event: TimerEvent; ctxKeys: string[] }> = []
const noop = { run: { input: z.object({}).strict(), result: z.null() } }
const recount = defineFunction(
  'recountForTest',
  noop,
  {
    run: {
      permission: 'district.stats',
      async handle() {
        throw new Error('a user never reaches this in these tests')
      },
    },
  },
  {
    async timer(event: TimerEvent, ctx: TimerContext) {
      seen.push({ event, ctxKeys: Object.keys(ctx).sort() })
      await ctx.db.collection('meta').add({ data: { _id: `run ${event.Time}`, trigger: event.TriggerName, at: ctx.now() } })
      return { recounted: true }
    },
  },
)
const functions = new Map<string, CloudFunction>([[recount.name, recount as CloudFunction]])
// 02:00 every day, China time: 18:00 UTC the day before.
const trigger = { name: 'nightlyRecount', type: 'timer' as const, config: '0 0 2 * * * *' }

let dir: string
let db: Database
let close: () => void
let clock: ManualClock
let scheduler: TriggerScheduler
let app: FastifyInstance
const log: string[] = []

beforeEach(async () => {
  seen.length = 0
  log.length = 0
  dir = mkdtempSync(join(tmpdir(), 'sbd-triggers-'))
  ;({ db, close } = openLocalDatabase(join(dir, 'db.sqlite')))
  clock = new ManualClock(new Date('2026-03-16T00:00:00+08:00'))
  scheduler = new TriggerScheduler({
    triggers: [{ functionName: recount.name, trigger }],
    clock,
    invoke: invokeThroughKernel(functions, { db, env: { cardSecret: '' }, now: () => clock.now() }),
    log: (line) => log.push(line),
  })
  app = await buildLocalApp({ db, secrets: { sessionSecret: 'timer-test-session-secret-0123456789abcdef', cardSecret: '' }, triggers: scheduler })
})

afterEach(async () => {
  scheduler.stop()
  await app.close()
  close()
  rmSync(dir, { recursive: true, force: true })
})

const runByHand = (triggerName: string) =>
  app.inject({
    method: 'POST',
    url: '/dev/triggers/run',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: `function=recountForTest&trigger=${triggerName}`,
  })

const runs = () => getRows<{ _id: string; trigger: string; at: Date }>(db.collection('meta').where({ trigger: 'nightlyRecount' }).orderBy('_id', 'asc'))

it('runs on its schedule, in UTC+8, as the platform invokes it: the timer event and no caller', async () => {
  scheduler.start()
  expect(scheduler.list()[0]!.nextRun).toEqual(new Date('2026-03-16T02:00:00+08:00'))
  await clock.advanceTo(new Date('2026-03-16T01:59:59+08:00'))
  expect(await runs()).toEqual([])

  await clock.advanceTo(new Date('2026-03-18T03:00:00+08:00'))
  const done = await runs()
  expect(done.map((r) => r._id)).toEqual(['run 2026-03-15T18:00:00Z', 'run 2026-03-16T18:00:00Z', 'run 2026-03-17T18:00:00Z'])
  // Each ran at its own instant, not when the clock stopped.
  expect(done[0]!.at).toEqual(new Date('2026-03-16T02:00:00+08:00'))
  expect(seen[0]).toEqual({ event: { Type: 'Timer', TriggerName: 'nightlyRecount', Time: '2026-03-15T18:00:00Z' }, ctxKeys: ['db', 'env', 'now'] })
  expect(scheduler.list()[0]).toMatchObject({ nextRun: new Date('2026-03-19T02:00:00+08:00'), running: false })
  expect(scheduler.list()[0]!.lastRuns.map((r) => [r.by, r.result.ok])).toEqual([
    ['schedule', true],
    ['schedule', true],
    ['schedule', true],
  ])
  expect(log[0]).toBe('[定时触发器] recountForTest/nightlyRecount 定时运行 2026-03-15T18:00:00Z：成功')

  scheduler.stop()
  await clock.advanceTo(new Date('2026-03-20T03:00:00+08:00'))
  expect(await runs()).toHaveLength(3)
})

it('lists the trigger with its next run on /dev/triggers and runs it by hand from there', async () => {
  scheduler.start()
  const page = await app.inject({ method: 'GET', url: '/dev/triggers' })
  expect(page.statusCode).toBe(200)
  expect(page.body).toContain('recountForTest · nightlyRecount')
  expect(page.body).toContain('<code>0 0 2 * * * *</code>')
  expect(page.body).toContain('下次运行：<b class="next">2026-03-16 02:00:00</b>')
  expect(page.body).toContain('尚未运行')

  await clock.advanceTo(new Date('2026-03-16T00:30:00+08:00'))
  expect((await runByHand('nightlyRecount')).statusCode).toBe(303)
  expect((await runs()).map((r) => r._id)).toEqual(['run 2026-03-15T16:30:00Z'])
  const after = await app.inject({ method: 'GET', url: '/dev/triggers' })
  expect(after.body).toContain('2026-03-16 00:30:00 手动 <span class="ok">成功</span>')
  // By hand does not move the schedule.
  expect(after.body).toContain('下次运行：<b class="next">2026-03-16 02:00:00</b>')

  expect((await runByHand('other')).statusCode).toBe(404)
})

it('runs a timer handler only for the platform: a timer event from a user is ordinary input and refused', async () => {
  const event = { Type: 'Timer', TriggerName: 'nightlyRecount', Time: '2026-03-15T18:00:00Z' }
  const asUser = await runFunction(recount as CloudFunction, event, { db, openid: 'demo-staff-1', env: { cardSecret: '' } })
  expect(asUser).toMatchObject({ ok: false, code: 'UNKNOWN_ACTION' })
  expect(seen).toEqual([])
  expect(await runs()).toEqual([])

  // A function with no timer handler refuses the platform's timer call too.
  const stats = await runFunction(FUNCTIONS.get('card')!, event, { db, openid: '', env: { cardSecret: '' } })
  expect(stats).toMatchObject({ ok: false, code: 'NO_TIMER_HANDLER' })
  // And without the timer shape, no caller means no access.
  expect(await runFunction(recount as CloudFunction, { action: 'run' }, { db, openid: '', env: { cardSecret: '' } })).toMatchObject({ ok: false, code: 'NOT_REGISTERED' })
})

it('records a failed run and keeps the schedule', async () => {
  const failing = defineFunction(
    'failingForTest',
    noop,
    { run: { permission: 'public', handle: async () => null } },
    {
      timer: async () => {
        throw new Error('recount broke')
      },
    },
  )
  const broken = new TriggerScheduler({
    triggers: [{ functionName: failing.name, trigger }],
    clock,
    invoke: invokeThroughKernel(new Map([[failing.name, failing as CloudFunction]]), { db, env: { cardSecret: '' }, log: () => {} }),
    log: (line) => log.push(line),
  })
  broken.start()
  await clock.advanceTo(new Date('2026-03-17T03:00:00+08:00'))
  expect(broken.list()[0]!.lastRuns.map((r) => r.result)).toEqual([
    { ok: false, code: 'INTERNAL', message: '系统繁忙，请稍后再试' },
    { ok: false, code: 'INTERNAL', message: '系统繁忙，请稍后再试' },
  ])
  expect(broken.list()[0]!.nextRun).toEqual(new Date('2026-03-18T02:00:00+08:00'))
  broken.stop()
})

describe('loading triggers from cloudfunctions/<name>/config.json', () => {
  let root: string
  const declare = (name: string, config: unknown) => {
    mkdirSync(join(root, name), { recursive: true })
    writeFileSync(join(root, name, 'index.ts'), '')
    writeFileSync(join(root, name, 'config.json'), JSON.stringify(config))
  }
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'sbd-cf-'))
  })
  afterEach(() => rmSync(root, { recursive: true, force: true }))

  it('finds each declared trigger', () => {
    declare('recountForTest', { triggers: [trigger] })
    declare('other', { permissions: { openapi: [] } })
    expect(loadTriggers(root, functions)).toEqual([{ functionName: 'recountForTest', trigger }])
  })

  it('stops at a malformed cron with the file and the field', () => {
    declare('recountForTest', { triggers: [{ ...trigger, config: '0 0 2 * *' }] })
    expect(() => loadTriggers(root, functions)).toThrow(/recountForTest\/config\.json.*triggers\.0\.config：定时触发器的 cron 表达式应有7个字段/)
  })

  it('stops at a trigger on a function that has no timer handler', () => {
    declare('card', { triggers: [trigger] })
    expect(() => loadTriggers(root, FUNCTIONS)).toThrow('云函数 card 配置了定时触发器，但函数定义没有 timer 处理')
  })

  it('the product declares no trigger the runtime would refuse', () => {
    expect(() => loadTriggers(join(__dirname, '../../cloudfunctions'), FUNCTIONS)).not.toThrow()
  })
})
