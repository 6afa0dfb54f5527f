import type { ScannedMember } from '../../../src/domain/contracts/report.contract'
import { canSeeMobile } from '../../../src/domain/member-visibility'
import { maskMobile } from '../../../src/domain/mobile'
import type { Principal } from '../../../src/domain/roles'
import type { Database } from '../../kernel/database'
import type { CommunityDoc } from '../../db/docs'
import { namesOf } from '../../db/names'
import type { ResolvedCard } from '../card/card-resolve'

/** What the desk sees after a scan: who this is, where they live, and whether (and where) they already reported. */
export async function scannedMember(
  db: Database,
  principal: Principal,
  community: CommunityDoc,
  { member, cardNo }: ResolvedCard,
): Promise<ScannedMember> {
  // The member's mirror of their active report, kept in the report's own transaction.
  const report = member.report ?? null
  const units = await namesOf(db, 'units', [member.unitId])
  // The desk's own community is known; only others are looked up.
  const others = [member.communityId, report?.communityId ?? ''].filter((id) => id !== community._id)
  const communities = await namesOf(db, 'communities', others)
  communities.set(community._id, community.name)
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
    cardNo,
    report: report
      ? { reportId: report.reportId, communityId: report.communityId, communityName: communities.get(report.communityId) ?? '', reportedAt: report.reportedAt.toISOString() }
      : null,
  }
}
