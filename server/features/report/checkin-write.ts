import { moveNoticeText } from '../../../src/domain/move-notice'
import type { Database } from '../../kernel/database'
import type { CommunityDoc, MemberDoc, MemberReportMirror, ReportDoc } from '../../db/docs'
import { isDocumentMissing } from '../../db/db-errors'
import { activeReportOf } from '../../db/reports'
import { cardHolder, type ResolvedCard } from '../card/card-resolve'
import type { CardClaim } from '../card/card-token'
import type { Txn } from '../../db/transaction'
import { memberResidence } from '../../db/member-residence'
import { newId } from '../../db/new-id'
import { memberContribution } from '../../db/unit-tallies'
import { memberChange, type TallyPlan } from '../../../src/domain/unit-tally'

// The one transaction that records a report (报到); it plans the unit's tally
// change, which confirm applies once it has committed. Everything it decides on is read inside it, by id: the member (whose
// `report` mirror says where they last reported) and the earlier report.
// Every confirm of a member writes the member document, so two confirms of
// one member never both commit: the second conflicts, the SDK re-runs it, and
// it then sees the first.

/** Thrown inside the transaction: the member already has an active report here. */
export class AlreadyReportedHere extends Error {}

/** Thrown inside the transaction: the member lives elsewhere and no move was asked for. */
export class LivesElsewhere extends Error {
  constructor(readonly residenceCommunityId: string) {
    super('member lives elsewhere')
  }
}

export interface CheckinWrite {
  /** The card held up: its member is read (and checked to hold it) inside the transaction. */
  claim: CardClaim
  community: CommunityDoc
  receivedBy: string
  recordMove: boolean
  now: Date
  /** This member's earlier report at this community, from a stay before they moved away (found when a first attempt met it). */
  earlierHere: ReportDoc | null
}

export type CheckinWritten =
  | { already: MemberReportMirror; member: MemberDoc }
  | {
      already: null
      member: MemberDoc
      reportId: string
      /** The community whose report became history ('moved'), if any. */
      movedFromCommunityId: string | null
      /** The unit's tally change, applied once this has committed. */
      tally: TallyPlan
    }

/**
 * The member's active report. Members written through the functions carry the
 * mirror (null until they report); one without it is older data, whose active
 * report a query finds and the transaction re-reads.
 */
async function currentReport(db: Database, t: Txn, member: MemberDoc): Promise<MemberReportMirror | null> {
  if (member.report !== undefined) return member.report
  const found = await activeReportOf(db, member._id)
  if (!found) return null
  const report = (await t.collection('reports').doc<ReportDoc>(found._id).get()).data
  return report.status === 'active' ? { reportId: report._id, communityId: report.communityId, reportedAt: report.reportedAt } : null
}

async function cardHolderIn(t: Txn, claim: CardClaim): Promise<ResolvedCard> {
  try {
    return cardHolder((await t.collection('members').doc<MemberDoc>(claim.memberId).get()).data, claim)
  } catch (error) {
    if (isDocumentMissing(error)) return cardHolder(undefined, claim)
    throw error
  }
}

export async function writeCheckin(db: Database, t: Txn, w: CheckinWrite): Promise<CheckinWritten> {
  const _ = db.command
  const { community, now } = w
  const { member, cardNo } = await cardHolderIn(t, w.claim)
  const current = await currentReport(db, t, member)
  // A second scan: nothing to write.
  if (current?.communityId === community._id) return { already: current, member }
  const livesHere = member.communityId === community._id
  if (!livesHere && !w.recordMove) throw new LivesElsewhere(member.communityId)

  // The former community keeps its report as history.
  if (current) {
    await t.collection('reports').doc(current.reportId).update({ data: { status: 'moved', movedAt: now, movedTo: community._id } })
  }

  let reportId: string
  if (w.earlierHere) {
    // Back in a community they once left: the unique (member, community) report
    // is reopened and the earlier stay goes into its history.
    const earlier = (await t.collection('reports').doc<ReportDoc>(w.earlierHere._id).get()).data
    if (earlier.status === 'active') throw new AlreadyReportedHere()
    reportId = earlier._id
    await t.collection('reports').doc(reportId).update({
      data: {
        status: 'active',
        reportedAt: now,
        receivedBy: w.receivedBy,
        cardNo,
        movedAt: _.remove(),
        movedTo: _.remove(),
        history: _.push([{ reportedAt: earlier.reportedAt, receivedBy: earlier.receivedBy, movedAt: earlier.movedAt ?? now, movedTo: earlier.movedTo ?? '' }]),
      },
    })
  } else {
    reportId = newId('report')
    const report: ReportDoc = {
      _id: reportId,
      memberId: member._id,
      unitId: member.unitId,
      communityId: community._id,
      streetId: community.streetId,
      districtId: community.districtId,
      reportedAt: now,
      receivedBy: w.receivedBy,
      cardNo,
      status: 'active',
    }
    // The unique index (memberId, communityId) is the last word if two scans race past everything else.
    await t.collection('reports').add({ data: { ...report } })
  }

  const memberUpdate: Record<string, unknown> = { report: _.set({ reportId, communityId: community._id, reportedAt: now }), updatedAt: now }
  if (!livesHere) Object.assign(memberUpdate, memberResidence(community))
  await t.collection('members').doc(member._id).update({ data: memberUpdate })
  const after = { ...member, report: { reportId, communityId: community._id, reportedAt: now }, streetId: community.streetId }
  const tally = memberChange(memberContribution({ ...member, report: current }), memberContribution(after))

  // The unit hears of every change of community: a recorded move, or a report
  // in the community the unit already moved the member to.
  const fromCommunityId = livesHere ? current?.communityId : member.communityId
  if (fromCommunityId && fromCommunityId !== community._id) {
    const from = (await t.collection('communities').doc<CommunityDoc>(fromCommunityId).get()).data
    await t.collection('notices').add({
      data: {
        _id: newId('notice'),
        unitId: member.unitId,
        memberId: member._id,
        text: moveNoticeText(member.name, from.name, community.name),
        at: now,
        fromCommunityId,
        toCommunityId: community._id,
      },
    })
  }
  return { already: null, member, reportId, movedFromCommunityId: current?.communityId ?? null, tally }
}
