import type { RosterRow } from '../../../src/domain/contracts/roster.contract'
import { canSeeMobile } from '../../../src/domain/member-visibility'
import { maskMobile } from '../../../src/domain/mobile'
import { reportDueAt } from '../../../src/domain/report-deadline'
import type { Principal } from '../../../src/domain/roles'
import type { Database } from '../../kernel/database'
import type { MemberDoc } from '../../db/docs'
import { namesOf } from '../../db/names'
import { activeReportsOf } from '../../db/reports'

/**
 * Roster rows for a page of members: report state (and the report id the
 * receipt opens by) from `reports`, read for the whole page at once; the card
 * from the member's mirror.
 */
export async function rosterRows(db: Database, principal: Principal, members: readonly MemberDoc[], now: Date): Promise<RosterRow[]> {
  const reports = await activeReportsOf(db, members.map((m) => m._id))
  const communities = await namesOf(db, 'communities', [...members.map((m) => m.communityId), ...[...reports.values()].map((r) => r.communityId)])
  const branches = await namesOf(db, 'branches', members.flatMap((m) => (m.branchId ? [m.branchId] : [])))
  return members.map((m) => {
    const report = reports.get(m._id) ?? null
    // Records from before joinedUnitAt was kept count from when they were created.
    const dueAt = reportDueAt(m.joinedUnitAt ?? m.createdAt ?? now)
    const visible = canSeeMobile(principal, { memberId: m._id, unitId: m.unitId, reportedCommunityId: report?.communityId ?? null })
    return {
      memberId: m._id,
      name: m.name,
      gender: m.gender,
      mobile: visible ? m.mobile : maskMobile(m.mobile),
      jobTitle: m.jobTitle,
      communityName: communities.get(m.communityId) ?? '',
      branchName: branches.get(m.branchId ?? '') ?? '',
      reportedAt: report ? report.reportedAt.toISOString() : null,
      reportedCommunityName: report ? (communities.get(report.communityId) ?? '') : null,
      dueAt: dueAt.toISOString(),
      overdue: report === null && now.getTime() > dueAt.getTime(),
      cardNo: m.card?.cardNo ?? null,
      cardStatus: m.card?.status ?? null,
      reportId: report?._id ?? null,
    }
  })
}
