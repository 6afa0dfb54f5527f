import { performance } from 'node:perf_hooks'
import { countDbRequests } from '../local/embedded-db'
import { proposeRating } from '../src/domain/evaluation-rule'
import type { Rating } from '../src/domain/evaluation-facts'
import type { ReportDoc } from '../server/db/docs'
import { scan } from '../server/db/read'
import { gatherFacts } from '../server/features/evaluation/gather-facts'
import type { Database } from '../server/kernel/database'
import { ms, type Row } from './measure'

// Issue 11: proposing the year's ratings for every member of a district of
// 50,000 through the staff list's own gathering (gather-facts.ts), in batches
// of members read from the district's reports: the time, the database
// requests, and the requests per member. The data is a year of records built
// in bulk: attendance (community and unit activities, hours from their
// schedules), confirmed and draft 服务清单 entries, completed and rated needs,
// pairing visits, registrations and pledges.

const MEMBERS = 50_000
const COMMUNITIES = 200
const UNITS = 500
const ACTIVITIES = 2_000
const YEAR = 2026
const BATCH = 1_000
/** Members per gathering call: the grouped attendance of a batch (a row per member) stays within one 1,000-row page. */
const GATHER = 1_000
const DISTRICT = 'bench-eval-district'

const mid = (i: number) => `ev-m-${String(i).padStart(6, '0')}`
const uid = (i: number) => `ev-u-${i % UNITS}`
const cid = (i: number) => `ev-c-${i % COMMUNITIES}`
const day = (n: number) => new Date(Date.UTC(YEAR, 0, 2 + (n % 330), 1))

async function bulk(db: Database, collection: string, count: number, make: (i: number) => Record<string, unknown>) {
  for (let start = 0; start < count; start += BATCH) {
    const docs = Array.from({ length: Math.min(BATCH, count - start) }, (_, k) => make(start + k))
    await db.collection(collection).add({ data: docs as never })
  }
}

async function load(db: Database): Promise<number> {
  let docs = 0
  const add = async (collection: string, count: number, make: (i: number) => Record<string, unknown>) => {
    await bulk(db, collection, count, make)
    docs += count
  }
  await add('activities', ACTIVITIES, (a) => {
    const startAt = day(a)
    return { _id: `ev-a-${a}`, organiserKind: a % 2 ? 'unit' : 'community', unitId: uid(a), communityId: cid(a), districtId: DISTRICT, title: `活动${a}`, startAt, endAt: new Date(startAt.getTime() + (2 + (a % 3)) * 3600_000), status: 'ended' }
  })
  await add('reports', MEMBERS, (i) => ({ _id: `ev-r-${i}`, memberId: mid(i), unitId: uid(i), communityId: cid(i), streetId: 's', districtId: DISTRICT, reportedAt: day(i % 60), status: 'active' }))
  await add('registrations', MEMBERS, (i) => ({ _id: `ev-g-${i}`, memberId: mid(i), unitId: uid(i), communityId: cid(i), districtId: DISTRICT, claims: [], claimCount: 1 + (i % 3) }))
  // Four records a member on average (0–6), spread over community and unit activities.
  const perMember = (i: number) => (i * 3) % 7
  const attendance: Array<[number, number]> = []
  for (let i = 0; i < MEMBERS; i++) for (let k = 0; k < perMember(i); k++) attendance.push([i, (i * 31 + k * 17) % ACTIVITIES])
  await add('attendance', attendance.length, (n) => {
    const [i, a] = attendance[n]!
    const startAt = day(a)
    return { _id: `ev-t-${n}`, activityId: `ev-a-${a}`, memberId: mid(i), unitId: uid(i), organiserKind: a % 2 ? 'unit' : 'community', communityId: cid(a), year: YEAR, inAt: startAt, outAt: n % 4 ? new Date(startAt.getTime() + 90 * 60_000) : null }
  })
  await add('serviceEntries', MEMBERS * 2, (n) => ({ _id: `ev-s-${n}`, memberId: mid(n % MEMBERS), year: YEAR, status: n % 5 ? 'confirmed' : 'draft', hours: 1 + (n % 8), source: null, date: day(n) }))
  await add('needs', MEMBERS / 5, (n) => ({ _id: `ev-n-${n}`, assignedMemberId: mid(n * 5), state: 'rated', completion: { year: YEAR, hours: 2, doneAt: day(n) }, rating: 3 + (n % 3) }))
  await add('assistanceVisits', MEMBERS / 5, (n) => ({ _id: `ev-v-${n}`, memberId: mid(n * 5 + 1), date: day(n) }))
  await add('pledges', MEMBERS / 2, (n) => ({ _id: `${mid(n * 2)}:${YEAR}`, memberId: mid(n * 2), year: YEAR, text: '每月义务服务一次' }))
  return docs
}

/** The data alone (for profiling). */
export const benchEvaluationLoadOnly = (db: Database) => load(db)

export async function benchEvaluation(db: Database): Promise<Row[]> {
  const started = performance.now()
  const docs = await load(db)
  const loadMs = performance.now() - started

  const distribution: Record<Rating, number> = { 好: 0, 较好: 0, 一般: 0, 差: 0 }
  let members = 0
  const t0 = performance.now()
  const { requests } = await countDbRequests(async () => {
    for await (const reports of scan<ReportDoc>(db, 'reports', { districtId: DISTRICT, status: 'active' }, { fields: { memberId: true, unitId: true, communityId: true, reportedAt: true } })) {
      for (let i = 0; i < reports.length; i += GATHER) {
        const batch = reports.slice(i, i + GATHER).map((r) => ({ memberId: r.memberId, unitId: r.unitId, communityId: r.communityId, reportedAt: r.reportedAt }))
        const facts = await gatherFacts(db, YEAR, batch)
        for (const m of batch) distribution[proposeRating(facts.get(m.memberId)!).rating] += 1
        members += batch.length
      }
    }
  })
  const took = performance.now() - t0
  return [
    { benchmark: '年度评价 造数（批量写入）', result: ms(loadMs), detail: `${docs.toLocaleString('en-US')} 条（${MEMBERS.toLocaleString('en-US')} 党员的一年：签到、服务清单、需求、走访、认领、承诺）` },
    {
      benchmark: `年度评价 建议等次 ${members.toLocaleString('en-US')} 人`,
      result: ms(took),
      detail: `数据库请求 ${requests.length.toLocaleString('en-US')} 次，每人 ${(requests.length / Math.max(members, 1)).toFixed(3)} 次（每批 ${GATHER} 人）；好 ${distribution.好} / 较好 ${distribution.较好} / 一般 ${distribution.一般} / 差 ${distribution.差}`,
    },
  ]
}
