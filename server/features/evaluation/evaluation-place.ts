import { inChina } from '../../../src/domain/china-time'
import { AppError } from '../../../src/domain/errors'
import type { Permission } from '../../../src/domain/permissions'
import { can } from '../../../src/domain/access'
import { assertMayAccess } from '../../access/authorized-record'
import type { EvaluationDoc, MemberDoc, ReportDoc } from '../../db/docs'
import { findById, notFound } from '../../db/load'
import { scanAll } from '../../db/read'
import type { KnownContext } from '../../kernel/function-def'
import { evaluationId } from './evaluation-ids'
import { standingDuringYear } from './standing'

// Which community evaluates a member for a year, and whether the caller is its
// staff: the confirmed evaluation's community, else that of a report standing
// during the year (standing.ts: made before the year ended, and active or
// moved away after the year began — so a member who moved away in January is
// still rated for last year). When two reports stood in the year (moved within
// it), the caller's own community's is taken, as both communities list them.
// Anything else — no such member, not reported, another community's member —
// is the same NOT_FOUND.

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
  const [member, evaluation, reports] = await Promise.all([
    findById<MemberDoc>(ctx.db, 'members', memberId),
    findById<EvaluationDoc>(ctx.db, 'evaluations', evaluationId(memberId, year)),
    scanAll<ReportDoc>(ctx.db, 'reports', standingDuringYear(ctx.db, year, { memberId })),
  ])
  if (!member) throw notFound('党员')
  const counting: ReportDoc | null =
    reports.find((r) => r.communityId === evaluation?.communityId) ??
    reports.find((r) => can(ctx.principal, permission, { communityId: r.communityId })) ??
    reports.find((r) => r.status === 'active') ??
    reports[0] ??
    null
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
