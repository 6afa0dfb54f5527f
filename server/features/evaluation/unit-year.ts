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
import { evaluationId, feedbackCardId, yearRange } from './evaluation-ids'
import { isCardCurrent } from './card-current'
import { membersAt } from '../bulletin/bulletin-figures'
import { inChina } from '../../../src/domain/china-time'
import { yearOf } from './evaluation-place'

// 本单位年度评价 (evaluation.unit): the distribution of the unit's members'
// ratings, the report rate against the 95% line — for the year under way the
// unit's tally (unit-tallies.ts, the rate now); for a past year the rate as it
// stood at the year's end, computed from the records the way the bulletin is
// (bulletin-figures.ts membersAt), so a closed year does not change with
// today's data — the year-end flag, and the members page by page with their
// rating and current card (card-current.ts): a constant handful of requests.

export async function unitYear(ctx: KnownContext, input: { unitId: string; year?: number; page: number; pageSize: number }) {
  const { db } = ctx
  const $ = db.command.aggregate
  const unit = await loadUnit(db, input.unitId)
  authorize(ctx.principal, 'evaluation.unit', unitScope(unit))
  const year = yearOf(ctx, input.year)
  const past = year < inChina(ctx.now()).year()
  const [tally, yearEnd, grouped, page] = await Promise.all([
    past ? undefined : findById<UnitTallyDoc>(db, 'unitTallies', unit._id),
    past
      ? (membersAt(db, unit._id, yearRange(year).to)
          .group({ _id: null, total: $.sum(1), notReported: $.sum($.cond({ if: $.eq(['$standing', 0]), then: 1, else: 0 })) })
          .end() as Promise<{ list: Array<{ total: number; notReported: number }> }>)
      : undefined,
    db.collection('evaluations').aggregate().match({ unitId: unit._id, year }).group({ _id: '$rating', n: $.sum(1) }).limit(10).end() as Promise<{ list: Array<{ _id: Rating; n: number }> }>,
    readPage<MemberDoc>(db, 'members', { unitId: unit._id }, ['name', 'asc'], input),
  ])
  const ids = page.docs.map((m) => m._id)
  const [evaluations, cards, communities] = await Promise.all([
    docsByIds<EvaluationDoc>(db, 'evaluations', ids.map((id) => evaluationId(id, year)), { rating: true, confirmedAt: true }),
    docsByIds<FeedbackCardDoc>(db, 'feedbackCards', ids.map((id) => feedbackCardId(id, year)), { issuedAt: true, evaluationConfirmedAt: true }),
    namesOf(db, 'communities', page.docs.flatMap((m) => (m.report ? [m.report.communityId] : []))),
  ])
  const distribution = { 好: 0, 较好: 0, 一般: 0, 差: 0, 未评价: 0 }
  for (const row of grouped.list) if (RATINGS.includes(row._id)) distribution[row._id] += row.n
  const atEnd = yearEnd?.list[0]
  const rate = atEnd ? reportRate(atEnd.total - atEnd.notReported, atEnd.total) : reportRate(tally?.reported ?? 0, tally?.memberTotal ?? 0)
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
    rows: page.docs.map((m) => {
      const evaluation = evaluations.get(evaluationId(m._id, year))
      const card = cards.get(feedbackCardId(m._id, year))
      return {
        memberId: m._id,
        memberName: m.name,
        communityName: m.report ? (communities.get(m.report.communityId) ?? '') : '',
        reported: Boolean(m.report),
        rating: evaluation?.rating ?? null,
        // A card issued before a re-confirm is 待重新出具: not shown as issued.
        cardIssuedAt: card && isCardCurrent(card, evaluation) ? card.issuedAt.toISOString() : null,
      }
    }),
    total: page.total,
    page: input.page,
    pageSize: input.pageSize,
  }
}
