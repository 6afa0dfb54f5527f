import { authorize } from '../../../src/domain/access'
import type { CardRef } from '../../../src/domain/contracts/card-ref'
import type { ConfirmResult } from '../../../src/domain/contracts/report.contract'
import { AppError } from '../../../src/domain/errors'
import type { KnownContext } from '../../kernel/function-def'
import type { Database } from '../../kernel/database'
import { isDuplicateKey, isTransactionConflict } from '../../db/db-errors'
import type { CommunityDoc, MemberDoc, MemberReportMirror, ReportDoc } from '../../db/docs'
import { communityScope, loadCommunity } from '../../db/load'
import { namesOf } from '../../db/names'
import { getRows } from '../../db/read'
import { activeReportOf } from '../../db/reports'
import { inTransaction } from '../../db/transaction'
import { AlreadyReportedHere, LivesElsewhere, writeCheckin, type CheckinWritten } from './checkin-write'
import { resolveDeskCard } from './desk-card'

// 报到: staff of a community confirm a scanned card (or a typed number with
// the member's proof: desk-card.ts; a move is recorded only so). One report per
// member per community; a second scan, or twenty at once, find the first and
// write nothing. The member's report mirror (kept in the report's own
// transaction) answers "already reported here" without a query.

export interface ConfirmInput {
  communityId: string
  card: CardRef
  recordMove: boolean
}

async function reportHere(db: Database, memberId: string, communityId: string): Promise<ReportDoc | null> {
  const [report] = await getRows<ReportDoc>(db.collection('reports').where({ memberId, communityId }).limit(1))
  return report ?? null
}

function already(report: Pick<MemberReportMirror, 'reportId' | 'reportedAt'>, community: CommunityDoc, member: MemberDoc): ConfirmResult {
  return {
    reportId: report.reportId,
    alreadyReported: true,
    reportedAt: report.reportedAt.toISOString(),
    communityName: community.name,
    memberName: member.name,
    movedFrom: null,
  }
}

async function livesElsewhere(db: Database, residenceCommunityId: string): Promise<AppError> {
  const name = (await namesOf(db, 'communities', [residenceCommunityId])).get(residenceCommunityId) ?? '其他社区'
  return new AppError(
    'MEMBER_LIVES_ELSEWHERE',
    `该党员登记的居住社区是${name}，应到${name}报到。如已搬到本社区居住，请确认“登记居住地变更”后再报到`,
    { residenceCommunityId, residenceCommunityName: name },
  )
}

export async function confirm(ctx: KnownContext, input: ConfirmInput): Promise<ConfirmResult> {
  const { db } = ctx
  const community = await loadCommunity(db, input.communityId)
  authorize(ctx.principal, 'checkin.scan', communityScope(community))
  const { member, cardNo } = await resolveDeskCard(ctx, community, input.card)
  if (member.report?.communityId === community._id) return already(member.report, community, member)

  // Members written through the functions always carry the mirror (null until they report); one without it is older data.
  const activeElsewhere = member.report === undefined ? await activeReportOf(db, member._id) : null
  const now = ctx.now()
  const write = (earlierHere: ReportDoc | null) =>
    inTransaction(db, (t) =>
      writeCheckin(db, t, { memberId: member._id, community, cardNo, receivedBy: ctx.principal.userId, recordMove: input.recordMove, now, earlierHere, activeElsewhere }),
    )
  let written: CheckinWritten
  try {
    written = await write(null)
  } catch (error) {
    if (error instanceof LivesElsewhere) throw await livesElsewhere(db, error.residenceCommunityId)
    if (!(error instanceof AlreadyReportedHere || isDuplicateKey(error) || isTransactionConflict(error))) throw error
    // The unique (member, community) report exists: another scan won a race
    // (its report is the answer), or the member reported here once before and
    // moved away (that report is reopened).
    const earlier = await reportHere(db, member._id, community._id)
    if (earlier?.status === 'active') return already({ reportId: earlier._id, reportedAt: earlier.reportedAt }, community, member)
    if (!earlier) throw isTransactionConflict(error) ? new AppError('CONFLICT') : error
    written = await write(earlier)
  }
  const movedFrom = written.movedFromCommunityId
    ? ((await namesOf(db, 'communities', [written.movedFromCommunityId])).get(written.movedFromCommunityId) ?? null)
    : null
  return {
    reportId: written.reportId,
    alreadyReported: false,
    reportedAt: now.toISOString(),
    communityName: community.name,
    memberName: member.name,
    movedFrom,
  }
}
