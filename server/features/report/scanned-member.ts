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
  // Names the member mirrors (MemberDoc.unitName) and the desk's own community are known; only others are looked up.
  const units = await namesOf(db, 'units', member.unitName === undefined ? [member.unitId] : [])
  const known = new Map([[community._id, community.name]])
  if (member.communityName !== undefined) known.set(member.communityId, member.communityName)
  const communities = await namesOf(db, 'communities', [member.communityId, report?.communityId ?? ''].filter((id) => !known.has(id)))
  for (const [id, name] of known) communities.set(id, name)
  const visible = canSeeMobile(principal, { memberId: member._id, unitId: member.unitId, reportedCommunityId: report?.communityId ?? null })
  return {
    memberId: member._id,
    name: member.name,
    gender: member.gender,
    unitName: member.unitName ?? units.get(member.unitId) ?? '',
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
