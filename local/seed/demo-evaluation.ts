import { RATINGS, type EvaluationFacts, type Rating } from '../../src/domain/evaluation-facts'
import { proposeRating } from '../../src/domain/evaluation-rule'
import type { EvaluationDoc } from '../../server/db/docs'
import { addDocs } from '../../server/db/write'
import type { Database } from '../../server/kernel/database'
import type { CommunitySealDoc, FeedbackCardDoc } from '../../server/features/evaluation/evaluation-docs'
import { evaluationId } from '../../server/features/evaluation/evaluation-ids'
import { cardOf } from '../../server/features/evaluation/feedback-cards'
import { gatherFacts, type EvaluatedMember } from '../../server/features/evaluation/gather-facts'
import type { DemoData } from './demo-data'
import { demoSealPath, demoSealPng, type SeedFiles } from './demo-images'
import { createRandom } from './random'

// The demo's annual evaluations and 反馈卡 (issue 11 §5–6). The facts are
// gathered from what the earlier seeds wrote and the rating proposed by the
// same code the function uses (gatherFacts, proposeRating); staff mostly take
// the proposal, change a few with a comment, and judge every pledge.
//   2025 (closed later by the bulletin seed): every reported member confirmed
//        in December 2025 and every card issued by 12月20日.
//   2026 (today 2026-12-04, inside the 12月1日–20日 window): about half of each
//        community's members confirmed, a third of those with cards issued, so
//        staff see the cards still missing.
// Written directly (the actions refuse a closed year), a batch at a time,
// replacing its own documents when run again. One community has its seal.

const BATCH = 500
/** The community whose party organisation uploaded its seal (the first, 曙光社区's staff are demo-staff-1). */
export const DEMO_SEAL_COMMUNITY = 'community-shuguang'

const CHANGED: Record<'up' | 'down', string[]> = {
  up: ['该同志长期义务照顾社区独居老人，服务清单未能全部反映，经社区党组织研究提高评价', '疫情防控和防汛期间连续在社区值守，表现突出'],
  down: ['群众反映该同志认领岗位后多次未到岗，经社区党组织研究降低评价', '服务清单所记部分服务经核实与实际不符'],
}
const PRAISE = ['积极参加社区活动，服务热情，群众评价好', '认领岗位服务到位，带头作用明显', '能够按要求参加社区活动', '']

const china = (year: number, month: number, day: number, hour: number) => new Date(Date.UTC(year, month - 1, day, hour - 8))

interface YearPlan {
  year: number
  /** Of a community's reported members (by position): confirmed? issued a card? */
  confirmed: (i: number) => boolean
  issued: (i: number) => boolean
  /** When staff confirmed (day of December or November) and issued. */
  confirmedAt: (i: number) => Date
  issuedAt: (i: number) => Date
}

const PLANS: YearPlan[] = [
  {
    year: 2025,
    confirmed: () => true,
    issued: () => true,
    confirmedAt: (i) => china(2025, 12, 2 + (i % 12), 10),
    issuedAt: (i) => china(2025, 12, 15 + (i % 5), 16),
  },
  {
    year: 2026,
    confirmed: (i) => i % 2 === 0,
    issued: (i) => i % 6 === 0,
    confirmedAt: (i) => china(2026, 11, 23 + (i % 8), 10),
    issuedAt: () => china(2026, 12, 3, 16),
  },
]

function changed(proposed: Rating, random: ReturnType<typeof createRandom>): { rating: Rating; comment: string } {
  const at = RATINGS.indexOf(proposed)
  // 好 can only go down, 差 only up.
  const up = at === RATINGS.length - 1 || (at > 0 && random.next() < 0.5)
  return { rating: RATINGS[at + (up ? -1 : 1)]!, comment: random.pick(CHANGED[up ? 'up' : 'down']) }
}

/** The evaluations and cards of both years; reads the records the earlier seeds wrote (six grouped requests a year). */
/** `sealOf`: the seal file each community's cards were issued with (cards copy it when issued). */
export async function buildDemoEvaluations(db: Database, data: DemoData, sealOf: ReadonlyMap<string, string> = new Map()) {
  const random = createRandom(20251220)
  const communities = new Map(data.communities.map((c) => [c._id, c]))
  const staffOf = new Map(data.users.flatMap((u) => u.grants.filter((g) => g.role === 'staff').map((g) => [g.scope.communityId!, u._id] as const)))
  const claimsOf = new Map(data.registrations.map((r) => [`${r.memberId}|${r.communityId}`, ((r.claims ?? []) as Array<{ postName: string }>).map((c) => c.postName)]))
  const reported = data.members.filter((m) => m.report)
  const evaluated: EvaluatedMember[] = reported.map((m) => ({ memberId: m._id, unitId: m.unitId, communityId: m.report!.communityId, reportedAt: m.report!.reportedAt }))

  const evaluations: EvaluationDoc[] = []
  const cards: FeedbackCardDoc[] = []
  for (const plan of PLANS) {
    const facts = new Map<string, EvaluationFacts>()
    for (let i = 0; i < evaluated.length; i += 1000) for (const [id, f] of await gatherFacts(db, plan.year, evaluated.slice(i, i + 1000))) facts.set(id, f)
    const position = new Map<string, number>()
    for (const member of reported) {
      const communityId = member.report!.communityId
      const i = position.get(communityId) ?? 0
      position.set(communityId, i + 1)
      if (!plan.confirmed(i)) continue
      const community = communities.get(communityId)!
      const f = facts.get(member._id)!
      // Staff judge every pledge: most kept.
      const pledgeKept = f.pledge ? random.next() < 0.85 : null
      const proposed = proposeRating(f, pledgeKept).rating
      const change = random.next() < 0.06 ? changed(proposed, random) : null
      const confirmedAt = plan.confirmedAt(i)
      const evaluation: EvaluationDoc = {
        _id: evaluationId(member._id, plan.year),
        memberId: member._id,
        unitId: member.unitId,
        communityId,
        streetId: community.streetId,
        districtId: community.districtId,
        year: plan.year,
        proposed,
        rating: change?.rating ?? proposed,
        comment: change?.comment ?? (proposed === '好' || proposed === '较好' ? random.pick(PRAISE) : ''),
        pledgeKept,
        facts: f,
        confirmedBy: staffOf.get(communityId) ?? '',
        confirmedAt,
      }
      evaluations.push(evaluation)
      if (!plan.issued(i)) continue
      const names = { memberName: member.name, unitName: member.unitName, claimedPosts: claimsOf.get(`${member._id}|${communityId}`) ?? [] }
      cards.push(cardOf(evaluation, community, names, { at: plan.issuedAt(i), by: evaluation.confirmedBy, sealFileId: sealOf.get(communityId) ?? null }))
    }
  }
  return { evaluations, feedbackCards: cards }
}

/** Seeds the evaluations and cards; with the local file store, also the seal of DEMO_SEAL_COMMUNITY. */
export async function seedDemoEvaluation(db: Database, data: DemoData, files?: SeedFiles): Promise<void> {
  const _ = db.command
  // The seal first: the demo cards were issued with it.
  const staff = data.users.find((u) => u.grants.some((g) => g.role === 'staff' && g.scope.communityId === DEMO_SEAL_COMMUNITY))
  const seal: Omit<CommunitySealDoc, '_id'> | null = files ? { fileId: files.put(demoSealPath(DEMO_SEAL_COMMUNITY), demoSealPng()), uploadedBy: staff?._id ?? '', uploadedAt: china(2025, 12, 1, 9) } : null
  if (seal) await db.collection('communitySeals').doc(DEMO_SEAL_COMMUNITY).set({ data: seal })
  const sealOf = new Map(seal ? [[DEMO_SEAL_COMMUNITY, seal.fileId]] : [])
  for (const [collection, docs] of Object.entries(await buildDemoEvaluations(db, data, sealOf))) {
    for (let start = 0; start < docs.length; start += BATCH) {
      const batch = docs.slice(start, start + BATCH)
      await db.collection(collection).where({ _id: _.in(batch.map((d) => d._id)) }).remove()
      await addDocs(db, collection, batch as unknown as Array<Record<string, unknown>>)
    }
  }
}
