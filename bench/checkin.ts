import type { Result } from '../src/domain/result'
import type { Database } from '../server/kernel/database'
import { FUNCTIONS } from '../server/functions'
import { runFunction } from '../server/kernel/run-function'
import { communityId, memberId, SCALE, unitId } from './dataset'
import { latencies, ms, rate, timed, type Row } from './measure'

// The 报到 path at city scale, through the same runFunction the cloud and the
// bridge use: issue cards, check members in one at a time and 50 at once in
// one community, and the district's view of 1,000 units and 50,000 members.

const SECRET = 'bench-card-secret'
const COMMUNITY = communityId(0)

async function call<T>(db: Database, openid: string, fn: string, input: unknown): Promise<T> {
  const result = (await runFunction(FUNCTIONS.get(fn)!, input, { db, openid, env: { cardSecret: SECRET }, checkResults: false })) as Result<T>
  if (!result.ok) throw new Error(`${fn}: ${result.code} ${result.message}`)
  return result.data
}

async function addUsers(db: Database) {
  const units = Array.from({ length: SCALE.units }, (_, i) => ({ role: 'secretary', scope: { unitId: unitId(i), districtId: 'district-bench' } }))
  await db.collection('users').add({
    data: [
      { openid: 'bench-secretaries', name: '书记', grants: units },
      { openid: 'bench-staff', name: '社区工作人员', grants: [{ role: 'staff', scope: { communityId: COMMUNITY, streetId: 'street-bench', districtId: 'district-bench' } }] },
      { openid: 'bench-district', name: '组织部', grants: [{ role: 'districtAdmin', scope: { districtId: 'district-bench' } }] },
    ] as never,
  })
}

export async function benchCheckins(db: Database): Promise<Row[]> {
  await addUsers(db)
  // Members of COMMUNITY have not reported (dataset.isReported); i % communities === 0.
  const residents = Array.from({ length: Math.floor(SCALE.members / SCALE.communities) }, (_, k) => memberId(k * SCALE.communities))
  const sequential = residents.slice(0, 500)
  const concurrent = residents.slice(500, 800)

  const tokens = new Map<string, string>()
  const issue = await latencies(sequential.length + concurrent.length, async (i) => {
    const id = [...sequential, ...concurrent][i]!
    const card = await call<{ token: string }>(db, 'bench-secretaries', 'card', { action: 'issue', memberId: id })
    tokens.set(id, card.token)
  })

  const confirm = (id: string) => call(db, 'bench-staff', 'report', { action: 'confirm', communityId: COMMUNITY, card: { token: tokens.get(id)! } })
  const oneByOne = await latencies(sequential.length, (i) => confirm(sequential[i]!))

  const batches: number[] = []
  for (let i = 0; i < concurrent.length; i += 50) {
    const batch = concurrent.slice(i, i + 50)
    batches.push((await timed(() => Promise.all(batch.map(confirm)))).ms)
  }
  const batchMs = batches.reduce((a, b) => a + b, 0)

  const district = await latencies(5, () => call(db, 'bench-district', 'stats', { action: 'district' }))

  return [
    { benchmark: '发放联系证 card.issue', result: rate(issue.perSecond), detail: `p50 ${ms(issue.p50)}, p95 ${ms(issue.p95)}，${tokens.size} 张` },
    { benchmark: '扫码报到（逐个）report.confirm', result: rate(oneByOne.perSecond), detail: `p50 ${ms(oneByOne.p50)}, p95 ${ms(oneByOne.p95)}，${sequential.length} 人` },
    { benchmark: '扫码报到（同一社区 50 人同时）', result: rate((concurrent.length / batchMs) * 1000), detail: `每批 50 人 ${ms(batchMs / batches.length)}，${batches.length} 批` },
    { benchmark: '区级报到率视图（1,000 单位 / 50,000 党员）', result: ms(district.p50), detail: `p95 ${ms(district.p95)}，5 次` },
  ]
}
