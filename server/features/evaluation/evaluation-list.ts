import { authorize } from '../../../src/domain/access'
import type { Rating } from '../../../src/domain/evaluation-facts'
import { RATINGS } from '../../../src/domain/evaluation-facts'
import type { Database } from '../../kernel/database'
import type { EvaluationDoc, MemberDoc } from '../../db/docs'
import { docsByIds } from '../../db/by-ids'
import { communityScope, loadCommunity } from '../../db/load'
import { isYearClosed } from '../../db/year-close'
import type { KnownContext } from '../../kernel/function-def'
import type { FeedbackCardDoc } from './evaluation-docs'
import { cardCurrentExpr } from './card-current'
import { standingDuringYear } from './standing'
import { yearOf } from './evaluation-place'
import { evaluationRow } from './evaluation-row'
import { gatherFacts } from './gather-facts'
import { cardsDue } from './cards-due'

// The staff's list (党员评价): every member whose report stood with the
// community during the year (standing.ts), each joined in the database to their evaluation and 反馈卡
// of the year by id, so the filter (待评价 / 已评价 / 未出卡), the counts and
// the distribution are two aggregates, and a page of ≤ 50 members costs the
// same few requests at any size: the community, the closed year, the counts,
// the page, the page's members, and the page's facts (gather-facts.ts).

export type ListFilter = 'pending' | 'rated' | 'noCard' | 'all'

const FILTERS: Record<ListFilter, Record<string, boolean>> = {
  pending: { rated: false },
  rated: { rated: true },
  noCard: { carded: false },
  all: {},
}

/** The community's reported members of the year with `rated` / `carded` (a current card: a stale one is 待重新出具), and the evaluation and card joined by id. */
export function reportedWithEvaluation(db: Database, communityId: string, year: number) {
  const $ = db.command.aggregate
  return db
    .collection('reports')
    .aggregate()
    .match(standingDuringYear(db, year, { communityId }))
    .project({ memberId: true, unitId: true, reportedAt: true, key: $.concat(['$memberId', `:${year}`]) })
    .lookup({ from: 'evaluations', localField: 'key', foreignField: '_id', as: 'evaluation' })
    .lookup({ from: 'feedbackCards', localField: 'key', foreignField: '_id', as: 'card' })
    .addFields({ rated: $.gt([$.size('$evaluation'), 0]), carded: cardCurrentExpr(db) })
}

interface Joined {
  memberId: string
  unitId: string
  reportedAt: Date
  evaluation: EvaluationDoc[]
  card: FeedbackCardDoc[]
}

interface CountRow {
  _id: { rating: Rating | null; carded: boolean }
  n: number
}

export async function listEvaluations(ctx: KnownContext, input: { communityId: string; year?: number; filter: ListFilter; page: number; pageSize: number }) {
  const { db } = ctx
  const $ = db.command.aggregate
  const community = await loadCommunity(db, input.communityId)
  authorize(ctx.principal, 'member.rate', communityScope(community))
  const year = yearOf(ctx, input.year)
  const [closed, counted, page] = await Promise.all([
    isYearClosed(db, community.districtId, year),
    reportedWithEvaluation(db, community._id, year)
      .group({ _id: { rating: $.ifNull([$.arrayElemAt(['$evaluation.rating', 0]), null]), carded: '$carded' }, n: $.sum(1) })
      .limit(100)
      .end() as Promise<{ list: CountRow[] }>,
    reportedWithEvaluation(db, community._id, year)
      .match(FILTERS[input.filter])
      .sort({ rated: 1, reportedAt: 1, memberId: 1 })
      .skip((input.page - 1) * input.pageSize)
      .limit(input.pageSize)
      .end() as Promise<{ list: Joined[] }>,
  ])

  const distribution = { 好: 0, 较好: 0, 一般: 0, 差: 0 } as Record<Rating, number>
  const counts = { reported: 0, pending: 0, rated: 0, carded: 0, noCard: 0 }
  for (const row of counted.list) {
    counts.reported += row.n
    if (row._id.rating && RATINGS.includes(row._id.rating)) {
      distribution[row._id.rating] += row.n
      counts.rated += row.n
    } else counts.pending += row.n
    if (row._id.carded) counts.carded += row.n
    else counts.noCard += row.n
  }

  const pending = page.list.filter((r) => r.evaluation.length === 0)
  const [members, facts] = await Promise.all([
    docsByIds<MemberDoc>(db, 'members', page.list.map((r) => r.memberId), { name: true, unitId: true, unitName: true }),
    gatherFacts(db, year, pending.map((r) => ({ memberId: r.memberId, unitId: r.unitId, communityId: community._id, reportedAt: r.reportedAt }))),
  ])
  const rows = page.list.flatMap((r) => {
    const member = members.get(r.memberId)
    if (!member) return []
    return [evaluationRow(member, year, facts.get(r.memberId), r.evaluation[0], r.card[0])]
  })
  const total = { pending: counts.pending, rated: counts.rated, noCard: counts.noCard, all: counts.reported }[input.filter]
  return {
    year,
    communityName: community.name,
    yearClosed: closed,
    counts,
    distribution,
    cardsDue: cardsDue(year, ctx.now()),
    rows,
    total,
    page: input.page,
    pageSize: input.pageSize,
  }
}

