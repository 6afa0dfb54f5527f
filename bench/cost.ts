import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openLocalDatabase } from '../local/runtime/open-database'
import type { Result } from '../src/domain/result'
import type { DistrictStats } from '../src/domain/contracts/stats.contract'
import { scan } from '../server/db/read'
import { FUNCTIONS } from '../server/functions'
import type { Database } from '../server/kernel/database'
import { runFunction } from '../server/kernel/run-function'
import { latencies, ms, timed, type Row } from './measure'
import { BUDGETS, describeRequests, loadCostCity, measureBudgets, SMALL, USERS, type CitySize, type Measured } from './request-budgets'

// The cost of a call (issue 7): each budgeted action's database requests in a
// small city and at city scale, and the district view at 1,000 units / 50,000
// members from the units' tallies, beside the naive count (every member and
// report paged through and counted in JS) on the same data in the same run.

export const CITY: CitySize = { units: 1_000, members: 50_000, communities: 60 }

async function withDatabase<T>(body: (db: Database) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'sbd-bench-cost-'))
  const { db, close } = openLocalDatabase(join(dir, 'cost.sqlite'))
  try {
    return await body(db)
  } finally {
    close()
    rmSync(dir, { recursive: true, force: true })
  }
}

/** The district view without tallies: page through every member and active report of the district's units and count. */
export async function naiveDistrictCount(db: Database, districtId: string): Promise<Map<string, { memberTotal: number; reported: number }>> {
  const byUnit = new Map<string, { memberTotal: number; reported: number }>()
  const unitIds = new Set<string>()
  for await (const page of scan<{ _id: string }>(db, 'units', { districtId }, { fields: { _id: true } })) for (const u of page) unitIds.add(u._id)
  for await (const page of scan<{ _id: string; unitId: string }>(db, 'members', {}, { fields: { unitId: true } })) {
    for (const m of page) if (unitIds.has(m.unitId)) byUnit.set(m.unitId, { memberTotal: (byUnit.get(m.unitId)?.memberTotal ?? 0) + 1, reported: byUnit.get(m.unitId)?.reported ?? 0 })
  }
  for await (const page of scan<{ _id: string; unitId: string }>(db, 'reports', { status: 'active' }, { fields: { unitId: true } })) {
    for (const r of page) {
      const t = byUnit.get(r.unitId)
      if (t) t.reported++
    }
  }
  return byUnit
}

function requestRows(small: Measured[], city: Measured[]): Row[] {
  return small.map((s, i) => {
    const c = city[i]!
    const budget = BUDGETS[s.action]
    const worst = Math.max(s.requests.length, c.requests.length)
    return {
      benchmark: `${s.action}（${s.variant}）`,
      result: `${s.requests.length} · ${c.requests.length}（预算 ≤ ${budget}${worst > budget ? '，未达标' : ''}）`,
      detail: describeRequests(c.requests),
    }
  })
}

export async function benchCost(): Promise<{ requests: Row[]; district: Row[] }> {
  const small = await withDatabase(async (db) => {
    await loadCostCity(db, SMALL)
    return measureBudgets(db)
  })
  return withDatabase(async (db) => {
    const load = await timed(() => loadCostCity(db, CITY))
    const city = await measureBudgets(db)
    const run = (fn: string, input: Record<string, unknown>) => runFunction(FUNCTIONS.get(fn)!, input, { db, openid: USERS.district, env: { cardSecret: '' }, checkResults: false })
    const view = (await run('stats', { action: 'district' })) as Result<DistrictStats>
    if (!view.ok) throw new Error(view.message)
    const tallied = await latencies(20, () => run('stats', { action: 'district' }))
    let naiveTotal = 0
    const naive = await latencies(3, async () => {
      naiveTotal = [...(await naiveDistrictCount(db, 'district-cost')).values()].reduce((n, t) => n + t.memberTotal, 0)
    })
    if (naiveTotal !== view.data.totals.memberTotal) throw new Error(`naive count ${naiveTotal} ≠ tallies ${view.data.totals.memberTotal}`)
    const recount = await timed(() => run('stats', { action: 'recount' }))
    return {
      requests: requestRows(small, city),
      district: [
        { benchmark: '区级报到率视图（单位计数表）', result: ms(tallied.p50), detail: `p95 ${ms(tallied.p95)}，${view.data.rows.length} 个单位 / ${view.data.totals.memberTotal.toLocaleString('en-US')} 名党员，20 次` },
        { benchmark: '区级报到率（逐条分页计数，对照）', result: ms(naive.p50), detail: `p95 ${ms(naive.p95)}，同一数据，3 次；计数表快 ${(naive.p50 / tallied.p50).toFixed(0)} 倍` },
        { benchmark: '计数表重算 stats.recount（区级）', result: ms(recount.ms), detail: `成本数据集写入用时 ${(load.ms / 1000).toFixed(1)} s（含首次重算）` },
      ],
    }
  })
}
