import type { EvaluationDoc, ReportDoc, ServiceEntryDoc } from '../../db/docs'
import { findById } from '../../db/load'
import { namesOf } from '../../db/names'
import { scanAll } from '../../db/read'
import { standingDuringYear } from './standing'
import { ownMemberPlace } from '../../access/own-member'
import type { KnownContext } from '../../kernel/function-def'
import { cardView, sealUrlFrom } from './feedback-cards'
import { isCardCurrent } from './card-current'
import type { FeedbackCardDoc } from './evaluation-docs'
import { evaluationId, feedbackCardId } from './evaluation-ids'
import { yearOf } from './evaluation-place'
import { gatherFacts } from './gather-facts'
import { tempLinks } from '../../storage/temp-links'

// 我的年度记录 (record.view): the member's own year — the counts the rating
// is proposed from, their 服务清单 entries, the pledge, the rating once the
// community confirmed it (the facts as confirmed), the 反馈卡 once issued
// (and current: one issued before a re-confirm is withheld until re-issued).

export async function myRecord(ctx: KnownContext, input: { year?: number }) {
  const member = ownMemberPlace(ctx.principal)
  const year = yearOf(ctx, input.year)
  const [reports, evaluation, card, services] = await Promise.all([
    scanAll<ReportDoc>(ctx.db, 'reports', standingDuringYear(ctx.db, year, { memberId: member._id })),
    findById<EvaluationDoc>(ctx.db, 'evaluations', evaluationId(member._id, year)),
    findById<FeedbackCardDoc>(ctx.db, 'feedbackCards', feedbackCardId(member._id, year)),
    scanAll<ServiceEntryDoc>(ctx.db, 'serviceEntries', { memberId: member._id, year }, { fields: { date: true, content: true, kind: true, hours: true, status: true } }),
  ])
  // A report standing during the year (standing.ts): one moved away since still counts for that year.
  const counting = reports.find((r) => r.communityId === evaluation?.communityId) ?? reports.find((r) => r.status === 'active') ?? reports[0] ?? null
  const communityId = evaluation?.communityId ?? counting?.communityId ?? null
  const live = evaluation
    ? undefined
    : (await gatherFacts(ctx.db, year, [{ memberId: member._id, unitId: member.unitId, communityId: communityId ?? '', reportedAt: counting?.reportedAt ?? null }])).get(member._id)
  // A card issued before the rating was re-confirmed is withheld until staff issue it again.
  const shown = card && isCardCurrent(card, evaluation) ? card : null
  const [names, links] = await Promise.all([
    communityId ? namesOf(ctx.db, 'communities', [communityId]) : Promise.resolve(new Map<string, string>()),
    shown?.sealFileId ? tempLinks([shown.sealFileId]) : Promise.resolve(new Map<string, string>()),
  ])
  return {
    year,
    communityName: communityId ? (names.get(communityId) ?? null) : null,
    facts: evaluation?.facts ?? live!,
    services: services
      .sort((a, b) => a.date.getTime() - b.date.getTime())
      .map((s) => ({ date: s.date.toISOString(), content: s.content, kind: String(s.kind), hours: s.hours, status: s.status })),
    rating: evaluation?.rating ?? null,
    comment: evaluation?.comment ?? '',
    card: shown ? cardView(shown, sealUrlFrom(shown, links)) : null,
  }
}
