import { AppError } from '../../../src/domain/errors'
import { proposeRating } from '../../../src/domain/evaluation-rule'
import type { Rating } from '../../../src/domain/evaluation-facts'
import type { EvaluationDoc } from '../../db/docs'
import { findById } from '../../db/load'
import { assertYearOpen } from '../../db/year-close'
import type { KnownContext } from '../../kernel/function-def'
import type { FeedbackCardDoc } from './evaluation-docs'
import { evaluationId, feedbackCardId } from './evaluation-ids'
import { assertYearStarted, evaluationPlace, yearOf } from './evaluation-place'
import { evaluationRow } from './evaluation-row'
import { gatherFacts } from './gather-facts'

// One member's year for staff (get), and the confirmation (confirm): the
// rating proposed from the facts now, or another with a comment; the facts
// are stored with it, so later edits of the records do not change it.

async function factsNow(ctx: KnownContext, place: Awaited<ReturnType<typeof evaluationPlace>>, year: number) {
  const facts = await gatherFacts(ctx.db, year, [{ memberId: place.member._id, unitId: place.member.unitId, communityId: place.communityId, reportedAt: place.reportedAt }])
  return facts.get(place.member._id)!
}

export async function getEvaluation(ctx: KnownContext, input: { memberId: string; year?: number }) {
  const year = yearOf(ctx, input.year)
  const place = await evaluationPlace(ctx, input.memberId, year)
  const [facts, card] = await Promise.all([
    place.evaluation ? undefined : factsNow(ctx, place, year),
    findById<FeedbackCardDoc>(ctx.db, 'feedbackCards', feedbackCardId(input.memberId, year)),
  ])
  return evaluationRow(place.member, year, facts, place.evaluation, card)
}

export async function confirmEvaluation(ctx: KnownContext, input: { memberId: string; year?: number; rating: Rating; comment: string; pledgeKept: boolean | null }) {
  const year = yearOf(ctx, input.year)
  assertYearStarted(ctx, year)
  const place = await evaluationPlace(ctx, input.memberId, year)
  await assertYearOpen(ctx.db, place.districtId, year)
  const facts = await factsNow(ctx, place, year)
  if (facts.pledge && input.pledgeKept === null) throw new AppError('PLEDGE_JUDGEMENT_REQUIRED')
  const pledgeKept = facts.pledge ? input.pledgeKept : null
  const proposed = proposeRating(facts, pledgeKept).rating
  if (input.rating !== proposed && !input.comment) throw new AppError('RATING_COMMENT_REQUIRED', `系统建议为“${proposed}”，改为“${input.rating}”时请填写评语说明理由`)
  const doc: EvaluationDoc = {
    _id: evaluationId(place.member._id, year),
    memberId: place.member._id,
    unitId: place.member.unitId,
    communityId: place.communityId,
    streetId: place.streetId,
    districtId: place.districtId,
    year,
    proposed,
    rating: input.rating,
    comment: input.comment,
    pledgeKept,
    facts,
    confirmedBy: ctx.principal.userId,
    confirmedAt: ctx.now(),
  }
  const { _id, ...data } = doc
  await ctx.db.collection('evaluations').doc(_id).set({ data })
  const card = await findById<FeedbackCardDoc>(ctx.db, 'feedbackCards', feedbackCardId(place.member._id, year))
  return evaluationRow(place.member, year, facts, doc, card)
}
