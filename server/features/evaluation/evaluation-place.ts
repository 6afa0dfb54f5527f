import { inChina } from '../../../src/domain/china-time'
import { AppError } from '../../../src/domain/errors'
import type { Permission } from '../../../src/domain/permissions'
import { assertMayAccess } from '../../access/authorized-record'
import type { EvaluationDoc, MemberDoc, ReportDoc } from '../../db/docs'
import { findById, notFound } from '../../db/load'
import { activeReportOf } from '../../db/reports'
import type { KnownContext } from '../../kernel/function-def'
import { evaluationId, yearRange } from './evaluation-ids'

// Which community evaluates a member for a year, and whether the caller is its
// staff: the confirmed evaluation's community, else the member's active
// report's (reported before the year ended). Anything else — no such member,
// not reported, another community's member — is the same NOT_FOUND.

export interface EvaluationPlace {
  member: MemberDoc
  evaluation: EvaluationDoc | null
  communityId: string
  streetId: string
  districtId: string
  reportedAt: Date | null
}

export function yearOf(ctx: KnownContext, year: number | undefined): number {
  return year ?? inChina(ctx.now()).year()
}

export async function evaluationPlace(ctx: KnownContext, memberId: string, year: number, permission: Permission = 'member.rate'): Promise<EvaluationPlace> {
  const [member, evaluation, report] = await Promise.all([
    findById<MemberDoc>(ctx.db, 'members', memberId),
    findById<EvaluationDoc>(ctx.db, 'evaluations', evaluationId(memberId, year)),
    activeReportOf(ctx.db, memberId),
  ])
  if (!member) throw notFound('党员')
  const counting: ReportDoc | null = report && report.reportedAt.getTime() < yearRange(year).to.getTime() ? report : null
  const place = evaluation
    ? { communityId: evaluation.communityId, streetId: evaluation.streetId, districtId: evaluation.districtId }
    : counting
      ? { communityId: counting.communityId, streetId: counting.streetId, districtId: counting.districtId }
      : null
  if (!place) throw notFound('党员')
  assertMayAccess(ctx, permission, { communityId: place.communityId }, '党员')
  const reportedAt = counting && counting.communityId === place.communityId ? counting.reportedAt : evaluation?.facts.reportedAt ? new Date(evaluation.facts.reportedAt) : null
  return { member, evaluation: evaluation ?? null, ...place, reportedAt }
}

/** A year not yet begun cannot be rated. */
export function assertYearStarted(ctx: KnownContext, year: number): void {
  if (year > inChina(ctx.now()).year()) throw new AppError('EVALUATION_YEAR_NOT_STARTED')
}
