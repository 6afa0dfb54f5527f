import { performance } from 'node:perf_hooks'
import type { Result } from '../src/domain/result'
import { loadSdkModules } from '../local/embedded-db/sdk-modules'
import { countOf } from '../server/db/read'
import type { Database } from '../server/kernel/database'
import { FUNCTIONS } from '../server/functions'
import { runFunction } from '../server/kernel/run-function'
import { ms, rate, type Row } from './measure'

// 300 members sign in to one activity at once by scanning the organiser's
// code, through the same runFunction the cloud and the bridge use: sign-ins
// per second, p95, that exactly 300 are recorded, and the database requests
// per sign-in (the budget is 4: the caller, their member, the activity, the write).

const SECRET = 'bench-card-secret'
const N = 300
const COMMUNITY = 'community-signin'
const scope = { communityId: COMMUNITY, streetId: 'street-signin', districtId: 'district-signin' }
const member = (i: number) => `signin-member-${String(i).padStart(3, '0')}`

async function call<T>(db: Database, openid: string, input: unknown, now: Date): Promise<T> {
  const result = (await runFunction(FUNCTIONS.get('activity')!, input, { db, openid, env: { cardSecret: SECRET }, now: () => now, checkResults: false })) as Result<T>
  if (!result.ok) throw new Error(`activity: ${result.code} ${result.message}`)
  return result.data
}

/** Counts every database request the SDK sends while `body` runs. */
async function countingRequests<T>(body: () => Promise<T>): Promise<{ value: T; requests: number }> {
  const requester = loadSdkModules().databaseModule.Db.reqClass.prototype as { send(...args: unknown[]): Promise<unknown> }
  const original = requester.send
  let requests = 0
  requester.send = function (this: unknown, ...args: unknown[]) {
    requests++
    return original.apply(this, args)
  }
  try {
    return { value: await body(), requests }
  } finally {
    requester.send = original
  }
}

export async function benchSignins(db: Database): Promise<Row[]> {
  const now = new Date('2026-05-10T01:30:00Z')
  await db.collection('communities').doc(COMMUNITY).set({ data: { name: '签到社区', streetId: scope.streetId, districtId: scope.districtId } })
  const members = Array.from({ length: N }, (_, i) => ({ _id: member(i), unitId: 'unit-signin', communityId: COMMUNITY, streetId: scope.streetId, districtId: scope.districtId, name: `党员${i}`, mobile: `1360000${String(i).padStart(4, '0')}` }))
  await db.collection('members').add({ data: members as never })
  await db.collection('users').add({
    data: [
      { openid: 'signin-staff', name: '社区工作人员', grants: [{ role: 'staff', scope }] },
      ...members.map((m) => ({ openid: m._id, name: m.name, grants: [{ role: 'member', scope: { memberId: m._id, unitId: m.unitId, communityId: COMMUNITY } }] })),
    ] as never,
  })
  const created = await call<{ activityId: string }>(db, 'signin-staff', { action: 'create', communityId: COMMUNITY, title: '集中签到', place: '活动室', startAt: '2026-05-10T09:30:00+08:00', endAt: '2026-05-10T11:30:00+08:00' }, now)
  const { activityId } = created
  await call(db, 'signin-staff', { action: 'publish', activityId }, now)
  const { token } = await call<{ token: string }>(db, 'signin-staff', { action: 'signinCode', activityId, direction: 'in' }, now)

  const samples: number[] = []
  const start = performance.now()
  const { requests } = await countingRequests(() =>
    Promise.all(
      members.map(async (m) => {
        const t = performance.now()
        await call(db, m._id, { action: 'signIn', token }, now)
        samples.push(performance.now() - t)
      }),
    ),
  )
  const total = performance.now() - start
  samples.sort((a, b) => a - b)
  const recorded = await countOf(db.collection('attendance').where({ activityId }))
  if (recorded !== N) throw new Error(`expected ${N} sign-ins recorded, found ${recorded}`)
  return [
    { benchmark: `扫码签到（${N} 人同时）activity.signIn`, result: rate((N / total) * 1000), detail: `p50 ${ms(samples[Math.floor(N * 0.5)]!)}, p95 ${ms(samples[Math.floor(N * 0.95)]!)}，记录 ${recorded} 条` },
    { benchmark: '每次签到的数据库请求', result: (requests / N).toFixed(2), detail: `共 ${requests} 次，预算 ≤ 4` },
  ]
}
