import type { EvaluationRow } from '../../../src/domain/contracts/evaluation.contract'
import type { EvaluationFacts } from '../../../src/domain/evaluation-facts'
import { proposeRating } from '../../../src/domain/evaluation-rule'
import type { EvaluationDoc, MemberDoc } from '../../db/docs'
import { isCardCurrent } from './card-current'
import type { FeedbackCardDoc } from './evaluation-docs'

/** A member's row: the confirmed evaluation's snapshot when there is one, else the facts now and the proposal. */
export function evaluationRow(
  member: Pick<MemberDoc, '_id' | 'name'> & { unitName?: string },
  year: number,
  facts: EvaluationFacts | undefined,
  evaluation: EvaluationDoc | null | undefined,
  card: Pick<FeedbackCardDoc, 'issuedAt' | 'evaluationConfirmedAt'> | null | undefined,
): EvaluationRow {
  const shown = evaluation?.facts ?? facts
  if (!shown) throw new Error(`no facts for ${member._id}`)
  const proposal = proposeRating(shown, evaluation?.pledgeKept ?? null)
  return {
    memberId: member._id,
    memberName: member.name,
    unitName: member.unitName ?? '',
    year,
    facts: shown,
    proposed: evaluation?.proposed ?? proposal.rating,
    reasons: proposal.reasons,
    rating: evaluation?.rating ?? null,
    comment: evaluation?.comment ?? '',
    pledgeKept: evaluation?.pledgeKept ?? null,
    confirmedAt: evaluation ? evaluation.confirmedAt.toISOString() : null,
    cardIssuedAt: card ? card.issuedAt.toISOString() : null,
    cardStale: Boolean(card) && !isCardCurrent(card, evaluation),
  }
}
