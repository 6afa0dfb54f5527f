import { authorize } from '../../../src/domain/access'
import type { Rating } from '../../../src/domain/evaluation-facts'
import { RATINGS } from '../../../src/domain/evaluation-facts'
import { reportRate } from '../../../src/domain/report-rate'
import { ADVANCED_BARRED_TEXT, advancedBarred } from '../../../src/domain/unit-year-flag'
import type { EvaluationDoc, MemberDoc } from '../../db/docs'
import { docsByIds } from '../../db/by-ids'
import { findById, loadUnit, unitScope } from '../../db/load'
import { namesOf } from '../../db/names'
import { readPage } from '../../db/read'
import type { UnitTallyDoc } from '../../db/unit-tallies'
import type { KnownContext } from '../../kernel/function-def'
import type { FeedbackCardDoc } from './evaluation-docs'
import { evaluationId, feedbackCardId } from './evaluation-ids'
import { yearOf } from './evaluation-place'

// 本单位年度评价 (evaluation.unit): the distribution of the unit's members'
// ratings, the report rate against the 95% line from the unit's tally
// (unit-tallies.ts; the tally is the rate now, which for a past year is the
// nearest the records keep), the year-end flag, and the members page by page
// with their rating and card: a constant handful of requests.

export async function unitYear(ctx: KnownContext, input: { unitId: string; year?: number; page: number; pageSize: number }) {
  const { db } = ctx
  const $ = db.command.aggregate
  const unit = await loadUnit(db, input.unitId)
  authorize(ctx.principal, 'evaluation.unit', unitScope(unit))
  const year = yearOf(ctx, input.year)
  const [tally, grouped, page] = await Promise.all([
    findById<UnitTallyDoc>(db, 'unitTallies', unit._id),
    db.collection('evaluations').aggregate().match({ unitId: unit._id, year }).group({ _id: '$rating', n: $.sum(1) }).limit(10).end() as Promise<{ list: Array<{ _id: Rating; n: number }> }>,
    readPage<MemberDoc>(db, 'members', { unitId: unit._id }, ['name', 'asc'], input),
  ])
  const ids = page.docs.map((m) => m._id)
  const [evaluations, cards, communities] = await Promise.all([
    docsByIds<EvaluationDoc>(db, 'evaluations', ids.map((id) => evaluationId(id, year)), { rating: true }),
    docsByIds<FeedbackCardDoc>(db, 'feedbackCards', ids.map((id) => feedbackCardId(id, year)), { issuedAt: true }),
    namesOf(db, 'communities', page.docs.flatMap((m) => (m.report ? [m.report.communityId] : []))),
  ])
  const distribution = { 好: 0, 较好: 0, 一般: 0, 差: 0, 未评价: 0 }
  for (const row of grouped.list) if (RATINGS.includes(row._id)) distribution[row._id] += row.n
  const rate = reportRate(tally?.reported ?? 0, tally?.memberTotal ?? 0)
  const rated = RATINGS.reduce((n, r) => n + distribution[r], 0)
  distribution.未评价 = Math.max(0, rate.reported - rated)
  const barred = advancedBarred(rate, year, ctx.now())
  return {
    year,
    unitName: unit.name,
    distribution,
    rate,
    advancedBarred: barred,
    flagText: barred ? ADVANCED_BARRED_TEXT : null,
    rows: page.docs.map((m) => ({
      memberId: m._id,
      memberName: m.name,
      communityName: m.report ? (communities.get(m.report.communityId) ?? '') : '',
      reported: Boolean(m.report),
      rating: evaluations.get(evaluationId(m._id, year))?.rating ?? null,
      cardIssuedAt: cards.get(feedbackCardId(m._id, year))?.issuedAt.toISOString() ?? null,
    })),
    total: page.total,
    page: input.page,
    pageSize: input.pageSize,
  }
}
