import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { openLocalDatabase } from '../local/runtime/open-database'
import { countOf, getRows, scan } from '../server/db/read'
import type { Database } from '../server/kernel/database'
import { benchSignins } from './activity-signin'
import { benchCheckins } from './checkin'
import { benchCost } from './cost'
import { benchNeeds } from './needs'
import { benchEvaluation } from './evaluation'
import { benchLedgerExport } from './ledger-export'
import { activityId, loadAttendance, loadCity, memberId, mobileOf, SCALE, unitId } from './dataset'
import { latencies, mb, ms, printTable, rate, timed, type Row } from './measure'

// `npm run bench`: the embedded database at city scale and the weapp package
// size. Not part of the tests: timings depend on the machine.

// `npm run bench -- --only=group-by` loads just the attendance records and
// times the group-by: the one figure the aggregate fast path changes.
// `npm run bench -- --only=cost` prints the requests per action and the
// district view's time (bench/cost.ts) alone.
// `--only=signin` runs the 300 simultaneous activity sign-ins alone.
// `--only=needs` runs the staff's needs list at 10,000 needs alone.
// `--only=evaluation` proposes the year's ratings for a district of 50,000 members alone.
// `--only=ledger` exports a 2,000-member community's whole 台账 (xlsx, PDF, zip) alone.
const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length)

async function benchGroupBy(db: Database): Promise<Row> {
  const grouped = await timed(async () => {
    const result = (await db.collection('attendance').aggregate().group({ _id: '$unitId', n: db.command.aggregate.sum(1) }).limit(SCALE.units).end()) as { list: unknown[] }
    return result.list.length
  })
  return { benchmark: '分组聚合 500,000 条（按单位计数）', result: ms(grouped.ms), detail: `${grouped.value} 组` }
}

async function groupByOnly() {
  const dir = mkdtempSync(join(tmpdir(), 'sbd-bench-'))
  const { db, close } = openLocalDatabase(join(dir, 'bench.sqlite'))
  try {
    await loadAttendance(db)
    printTable(`双报到 基准测试（仅分组聚合） · ${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length} · Node ${process.version}`, [await benchGroupBy(db)])
  } finally {
    close()
    rmSync(dir, { recursive: true, force: true })
  }
}

const machine = () => `${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length} · Node ${process.version}`

async function printCost() {
  const cost = await benchCost()
  printTable(`双报到 每次调用的数据库请求数（小规模 · 城市规模 1,000 单位 / 50,000 党员）· ${machine()}`, cost.requests)
  printTable(`双报到 区级视图 · ${machine()}`, cost.district)
}

/** One part of the bench on its own database (its file given to parts that open it in other processes). */
async function alone(part: string, bench: (db: Database, file: string) => Promise<Row[]>) {
  const dir = mkdtempSync(join(tmpdir(), 'sbd-bench-'))
  const file = join(dir, 'bench.sqlite')
  const { db, close } = openLocalDatabase(file)
  try {
    printTable(`双报到 基准测试（仅${part}） · ${machine()}`, await bench(db, file))
  } finally {
    close()
    rmSync(dir, { recursive: true, force: true })
  }
}

async function main() {
  if (only === 'needs') return alone('服务需求', (db) => benchNeeds(db))
  if (only === 'evaluation') return alone('年度评价', benchEvaluation)
  if (only === 'ledger') return alone('台账导出', benchLedgerExport)
  if (only === 'group-by') return groupByOnly()
  if (only === 'cost') return printCost()
  if (only === 'signin') return alone('活动签到', benchSignins)
  if (only !== undefined) throw new Error(`unknown --only=${only}; the parts that run alone are --only=group-by, --only=cost, --only=signin and --only=needs`)
  const dir = mkdtempSync(join(tmpdir(), 'sbd-bench-'))
  const file = join(dir, 'bench.sqlite')
  const { db, close } = openLocalDatabase(file)
  const rows: Row[] = []
  const peak = { rss: 0 }
  const sample = () => (peak.rss = Math.max(peak.rss, process.memoryUsage().rss))

  try {
    // Single-document inserts: one acknowledged, fsynced write each.
    const single = await latencies(2_000, (i) => db.collection('users').add({ data: { openid: `bench-${i}`, name: `用户${i}`, grants: [] } }))
    rows.push({ benchmark: '单条写入 add()', result: rate(single.perSecond), detail: `p50 ${ms(single.p50)}, p95 ${ms(single.p95)}, 2,000 条` })

    const load = await timed(() => loadCity(db))
    const docs = SCALE.units + SCALE.members * 2 + SCALE.attendance
    sample()
    rows.push({ benchmark: '批量写入 add([...1000])', result: rate((docs / load.ms) * 1000), detail: `${docs.toLocaleString('en-US')} 条（1,000 单位 / 50,000 党员及报到 / 500,000 签到）用时 ${(load.ms / 1000).toFixed(1)} s` })

    const point = await latencies(2_000, (i) => getRows(db.collection('members').where({ unitId: unitId(i % SCALE.units), mobile: mobileOf(i * 7) }).limit(1)))
    rows.push({ benchmark: '索引点查 members(unitId, mobile)', result: rate(point.perSecond), detail: `p50 ${ms(point.p50)}, p95 ${ms(point.p95)}` })

    const byId = await latencies(2_000, (i) => db.collection('members').doc(memberId((i * 13) % SCALE.members)).get())
    rows.push({ benchmark: '按 _id 读取 doc().get()', result: rate(byId.perSecond), detail: `p50 ${ms(byId.p50)}, p95 ${ms(byId.p95)}` })

    const paged = await timed(async () => {
      let n = 0
      for await (const page of scan(db, 'attendance', { activityId: activityId(7) })) n += page.length
      return n
    })
    sample()
    rows.push({ benchmark: '分页读取 10,000 条匹配记录', result: ms(paged.ms), detail: `${paged.value.toLocaleString('en-US')} 条，每页 1,000（_id 游标分页）` })

    const counted = await timed(() => countOf(db.collection('attendance').where({ activityId: activityId(7) })))
    rows.push({ benchmark: 'count() 10,000 条匹配记录', result: ms(counted.ms), detail: `total = ${counted.value.toLocaleString('en-US')}` })

    rows.push(await benchGroupBy(db))
    sample()

    rows.push(...(await benchCheckins(db)))
    sample()
    rows.push(...(await benchSignins(db)))
    sample()
    rows.push(...(await benchNeeds(db)))
    sample()
    rows.push({ benchmark: '数据库文件', result: mb(statSync(file).size), detail: `峰值内存 RSS ${mb(peak.rss)}` })
  } finally {
    close()
    rmSync(dir, { recursive: true, force: true })
  }

  rows.push(await weappMainPackage())
  printTable(`双报到 基准测试 · ${machine()}`, rows)
  await printCost()
}

async function weappMainPackage(): Promise<Row> {
  const weapp = resolve('dist/weapp')
  if (!existsSync(join(weapp, 'app.json'))) {
    execFileSync(resolve('node_modules/.bin/taro'), ['build', '--type', 'weapp'], { stdio: 'ignore', env: { ...process.env, NODE_ENV: 'production' } })
  }
  const { measureWeapp } = (await import(resolve('scripts/package-size.mjs'))) as { measureWeapp: (dir: string) => { main: { bytes: number }; total: { bytes: number } } }
  const size = measureWeapp(weapp)
  return {
    benchmark: '小程序主包大小',
    result: `${(size.main.bytes / 1024).toFixed(0)} KB`,
    detail: `上限 2,048 KB 的 ${((size.main.bytes / 2_097_152) * 100).toFixed(1)}%；全部分包合计 ${(size.total.bytes / 1024).toFixed(0)} KB`,
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
