import { quarterRange, type Quarter } from '../../src/domain/quarter'
import { handInStatus, serviceDay, type QuarterHandInStatus, type ServiceKindName } from '../../src/domain/service-entry-rules'
import type { ServiceEntryDoc } from '../../server/db/docs'
import { addDocs } from '../../server/db/write'
import type { Database } from '../../server/kernel/database'
import { handInId, waitingSinceOf, type QuarterHandIn, type ServiceHandInDoc } from '../../server/features/services/handin-doc'
import type { DemoData } from './demo-data'
import { createRandom } from './random'

// The members' 服务清单 in the demo (issue 11 §1–2). 2025: every quarter
// handed in and confirmed for most units (Q1–Q3 in one hand-in, as 000 did
// for 1–10月), a few units never handed in. 2026 (today 2026-12-04): Q1–Q2
// confirmed; Q3 handed in by half the units (one community sent entries
// back), the others late; Q4 drafts. Some members wrote nothing. Pure data
// from a fixed seed; bulk inserts, so seeding stays fast.

const PLACES = ['社区党群服务中心', '社区活动室', '小区广场', '社区卫生服务站', '老年食堂', '社区图书室']
const CONTENT: Record<ServiceKindName, string[]> = {
  community: ['参加社区垃圾分类宣传', '参加社区义诊志愿服务', '参加社区环境整治'],
  unit: ['单位组织到结对社区开展政策宣讲', '单位组织结对社区文明创建'],
  pairing: ['走访结对帮扶对象，代购药品', '陪同帮扶对象就医'],
  need: ['为居民维修水管', '为老人上门理发'],
  own: ['为老人义务理发', '辅导社区儿童作业', '楼道清扫'],
}
const KINDS: ServiceKindName[] = ['community', 'unit', 'pairing', 'need', 'own']
const TODAY = new Date('2026-12-04T02:00:00Z')

type Plan = { year: number; quarter: Quarter; state: QuarterHandInStatus | null; handedInAt: Date | null }

/** What happened to each quarter of a unit (by its index), the same every time. */
function plansOf(unitIndex: number): Plan[] {
  const neverHandsIn2025 = unitIndex % 6 === 5
  const q3HandedIn = unitIndex % 2 === 0
  const at = (iso: string) => new Date(`${iso}T02:00:00Z`)
  return [
    ...([1, 2, 3] as Quarter[]).map((quarter) => ({ year: 2025, quarter, state: neverHandsIn2025 ? null : ('confirmed' as const), handedInAt: neverHandsIn2025 ? null : at('2025-10-20') })),
    { year: 2025, quarter: 4, state: neverHandsIn2025 ? null : 'confirmed', handedInAt: neverHandsIn2025 ? null : at('2026-01-10') },
    { year: 2026, quarter: 1, state: 'confirmed', handedInAt: at('2026-04-08') },
    { year: 2026, quarter: 2, state: 'confirmed', handedInAt: at('2026-07-06') },
    { year: 2026, quarter: 3, state: q3HandedIn ? 'handedIn' : null, handedInAt: q3HandedIn ? at('2026-10-12') : null },
    { year: 2026, quarter: 4, state: null, handedInAt: null },
  ]
}

export function buildDemoServices(data: DemoData) {
  const random = createRandom(20261204)
  const entries: ServiceEntryDoc[] = []
  const handIns = new Map<string, ServiceHandInDoc>()
  const units = new Map(data.units.map((u, i) => [u._id, { unit: u, index: i }]))
  const communities = new Map(data.communities.map((c) => [c._id, c]))
  let returnedOne = false

  for (const member of data.members) {
    const communityId = member.report?.communityId
    const found = units.get(member.unitId)
    if (!communityId || !found || random.next() < 0.15) continue // not reported, or wrote nothing
    const community = communities.get(communityId)!
    for (const plan of plansOf(found.index)) {
      const { from, to } = quarterRange(plan)
      const last = Math.min(to.getTime(), TODAY.getTime()) - 1
      const n = random.int(0, 2)
      const key = handInId(member.unitId, communityId, plan.year)
      for (let i = 0; i < n; i++) {
        const kind = random.pick(KINDS)
        const date = serviceDay(new Date(from.getTime() + random.next() * (last - from.getTime())))
        const id = `demo-service-${member._id}-${plan.year}${plan.quarter}-${i + 1}`
        const returned = plan.year === 2026 && plan.quarter === 3 && plan.state === 'handedIn' && !returnedOne
        if (returned) returnedOne = true
        entries.push({
          _id: id,
          memberId: member._id,
          unitId: member.unitId,
          communityId,
          districtId: member.districtId,
          date,
          year: plan.year,
          quarter: plan.quarter,
          place: random.pick(PLACES),
          content: random.pick(CONTENT[kind]),
          kind,
          hours: random.int(1, 8) / 2,
          photoFileId: null,
          source: null,
          status: returned ? 'returned' : plan.state === 'confirmed' ? 'confirmed' : plan.state === 'handedIn' ? 'handedIn' : 'draft',
          returnReason: returned ? '服务时长与社区活动记录不符，请核对' : null,
          returnedBy: returned ? 'community' : null,
          handInId: plan.state ? key : null,
          createdAt: date,
          updatedAt: date,
        })
      }
      if (!plan.state || !plan.handedInAt) continue
      const doc: ServiceHandInDoc = handIns.get(key) ?? {
        _id: key,
        unitId: member.unitId,
        unitName: found.unit.name,
        communityId,
        communityName: community.name,
        streetId: community.streetId,
        districtId: community.districtId,
        year: plan.year,
        quarters: {},
        status: 'confirmed',
        waitingSince: null,
        updatedAt: plan.handedInAt,
      }
      handIns.set(key, doc)
      const q: QuarterHandIn = doc.quarters[`${plan.quarter}`] ?? {
        status: plan.state,
        handedInAt: plan.handedInAt,
        handedInBy: 'demo',
        entries: 0,
        hours: 0,
        returnReason: null,
        returnedAt: null,
        confirmedAt: plan.state === 'confirmed' ? new Date(plan.handedInAt.getTime() + 3 * 86400_000) : null,
        confirmedBy: plan.state === 'confirmed' ? 'demo' : null,
      }
      const mine = entries.filter((e) => e.memberId === member._id && e.year === plan.year && e.quarter === plan.quarter)
      q.entries += mine.length
      q.hours += mine.reduce((s, e) => s + e.hours, 0)
      if (mine.some((e) => e.status === 'returned')) Object.assign(q, { status: 'returned', returnReason: '服务时长与社区活动记录不符，请核对', returnedAt: new Date('2026-10-15T02:00:00Z') })
      doc.quarters[`${plan.quarter}`] = q
    }
  }
  for (const doc of handIns.values()) {
    const states = Object.fromEntries(Object.entries(doc.quarters).map(([k, v]) => [k, v!.status]))
    doc.status = handInStatus(states)
    doc.waitingSince = waitingSinceOf(doc.quarters)
  }
  return { serviceEntries: entries, serviceHandIns: [...handIns.values()] }
}

export async function seedDemoServices(db: Database, data: DemoData): Promise<void> {
  for (const [collection, docs] of Object.entries(buildDemoServices(data))) {
    for (let i = 0; i < docs.length; i += 500) await addDocs(db, collection, docs.slice(i, i + 500) as unknown as Array<Record<string, unknown>>)
  }
}
