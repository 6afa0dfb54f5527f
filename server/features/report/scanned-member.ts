import type { ScannedMember } from '../../../src/domain/contracts/report.contract'
import { canSeeMobile } from '../../../src/domain/member-visibility'
import { maskMobile } from '../../../src/domain/mobile'
import type { Principal } from '../../../src/domain/roles'
import type { Database } from '../../kernel/database'
import type { CardDoc, CommunityDoc, MemberDoc } from '../../db/docs'
import { namesOf } from '../../db/names'
import { activeReportOf } from '../../db/reports'

/** What the desk sees after a scan: who this is, where they live, and whether (and where) they already reported. */
export async function scannedMember(
  db: Database,
  principal: Principal,
  community: CommunityDoc,
  member: MemberDoc,
  card: CardDoc,
): Promise<ScannedMember> {
  const report = await activeReportOf(db, member._id)
  const units = await namesOf(db, 'units', [member.unitId])
  const communities = await namesOf(db, 'communities', [member.communityId, report?.communityId ?? ''])
  const visible = canSeeMobile(principal, { memberId: member._id, unitId: member.unitId, reportedCommunityId: report?.communityId ?? null })
  return {
    memberId: member._id,
    name: member.name,
    gender: member.gender,
    unitName: units.get(member.unitId) ?? '',
    mobile: visible ? member.mobile : maskMobile(member.mobile),
    residenceCommunityId: member.communityId,
    residenceCommunityName: communities.get(member.communityId) ?? '',
    livesHere: member.communityId === community._id,
    cardNo: card.cardNo,
    report: report
      ? { reportId: report._id, communityId: report.communityId, communityName: communities.get(report.communityId) ?? '', reportedAt: report.reportedAt.toISOString() }
      : null,
  }
}
