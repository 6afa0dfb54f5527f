import type { CardRef } from '../../../src/domain/contracts/card-ref'
import type { ConfirmResult } from '../../../src/domain/contracts/report.contract'
import { AppError } from '../../../src/domain/errors'
import type { KnownContext } from '../../kernel/function-def'
import type { Database } from '../../kernel/database'
import { isDuplicateKey, isTransactionConflict } from '../../db/db-errors'
import type { CommunityDoc, MemberReportMirror, ReportDoc } from '../../db/docs'
import { namesOf } from '../../db/names'
import { getRows } from '../../db/read'
import { inTransaction } from '../../db/transaction'
import { applyTallyPlan } from '../../db/unit-tallies'
import { AlreadyReportedHere, LivesElsewhere, writeCheckin, type CheckinWritten } from './checkin-write'
import { deskCardClaim } from './desk-card'
import { deskCommunity } from './desk-community'

// 报到: staff of a community confirm a scanned card (or a typed number with
// the member's proof: desk-card.ts; a move is recorded only so). One report per
// member per community; a second scan, or twenty at once, find the first and
// write nothing. The member is read once, inside the transaction: whether
// they hold the card, and (their report mirror) where they reported.

export interface ConfirmInput {
  communityId: string
  card: CardRef
  recordMove: boolean
}

async function reportHere(db: Database, memberId: string, communityId: string): Promise<ReportDoc | null> {
  const [report] = await getRows<ReportDoc>(db.collection('reports').where({ memberId, communityId }).limit(1))
  return report ?? null
}

function already(report: Pick<MemberReportMirror, 'reportId' | 'reportedAt'>, community: CommunityDoc, memberName: string): ConfirmResult {
  return {
    reportId: report.reportId,
    alreadyReported: true,
    reportedAt: report.reportedAt.toISOString(),
    communityName: community.name,
    memberName,
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
  const community = await deskCommunity(ctx, input.communityId)
  const claim = await deskCardClaim(ctx, community, input.card)
  const now = ctx.now()
  const write = (earlierHere: ReportDoc | null) =>
    inTransaction(db, (t) => writeCheckin(db, t, { claim, community, receivedBy: ctx.principal.userId, recordMove: input.recordMove, now, earlierHere }))
  let written: CheckinWritten
  try {
    written = await write(null)
  } catch (error) {
    if (error instanceof LivesElsewhere) throw await livesElsewhere(db, error.residenceCommunityId)
    if (!(error instanceof AlreadyReportedHere || isDuplicateKey(error) || isTransactionConflict(error))) throw error
    // The unique (member, community) report exists: another scan won a race
    // (its report is the answer), or the member reported here once before and
    // moved away (that report is reopened).
    const earlier = await reportHere(db, claim.memberId, community._id)
    if (earlier?.status === 'active') {
      const name = (await namesOf(db, 'members', [claim.memberId])).get(claim.memberId) ?? ''
      return already({ reportId: earlier._id, reportedAt: earlier.reportedAt }, community, name)
    }
    if (!earlier) throw isTransactionConflict(error) ? new AppError('CONFLICT') : error
    written = await write(earlier)
  }
  if (written.already) return already(written.already, community, written.member.name)
  await applyTallyPlan(db, written.tally)
  const movedFrom = written.movedFromCommunityId
    ? ((await namesOf(db, 'communities', [written.movedFromCommunityId])).get(written.movedFromCommunityId) ?? null)
    : null
  return {
    reportId: written.reportId,
    alreadyReported: false,
    reportedAt: now.toISOString(),
    communityName: community.name,
    memberName: written.member.name,
    movedFrom,
  }
}
