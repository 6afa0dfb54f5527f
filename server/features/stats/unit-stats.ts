import { authorize } from '../../../src/domain/access'
import type { UnitStats } from '../../../src/domain/contracts/stats.contract'
import { isReportOverdue } from '../../../src/domain/report-deadline'
import { reportRate } from '../../../src/domain/report-rate'
import type { KnownContext } from '../../kernel/function-def'
import type { MemberDoc, NoticeDoc, RegistrationDoc } from '../../db/docs'
import { loadUnit, unitScope } from '../../db/load'
import { countOf, scan, scanAll } from '../../db/read'
import { activeReportsOfUnit } from '../../db/reports'

// The footer of 附件3: 本单位共有在职党员 N 人（其中居住地在社区的党员 M 人），
// 到社区报到 K 人，领办活动项目 P 个 — plus what the unit acts on: the rate
// against the 95% line, who is overdue, and moves it has been told of.
// Every figure reads the whole unit (count() or keyset scans), at any size.

export async function unitStats(ctx: KnownContext, unitId: string): Promise<UnitStats> {
  const { db } = ctx
  const unit = await loadUnit(db, unitId)
  authorize(ctx.principal, 'unit.stats', unitScope(unit))
  const now = ctx.now()

  const memberTotal = await countOf(db.collection('members').where({ unitId: unit._id }))
  // K counts members, not documents: one active report per member is the rule, and a map enforces it here too.
  const reports = await activeReportsOfUnit(db, unit._id)

  let overdue = 0
  for await (const page of scan<MemberDoc>(db, 'members', { unitId: unit._id }, { fields: { joinedUnitAt: true, createdAt: true } })) {
    for (const m of page) if (!reports.has(m._id) && isReportOverdue(m.joinedUnitAt ?? m.createdAt ?? now, null, now)) overdue++
  }

  // P: claims made where the member is reported now.
  let claimedProjects = 0
  for await (const page of scan<RegistrationDoc>(db, 'registrations', { unitId: unit._id }, { fields: { memberId: true, communityId: true, claimCount: true } })) {
    for (const reg of page) if (reports.get(reg.memberId)?.communityId === reg.communityId) claimedProjects += reg.claimCount
  }

  const notices = (await scanAll<NoticeDoc>(db, 'notices', { unitId: unit._id })).sort((a, b) => b.at.getTime() - a.at.getTime())
  return {
    unitId: unit._id,
    unitName: unit.name,
    declaredMemberTotal: unit.declaredMemberTotal ?? 0,
    declaredResidentTotal: unit.declaredResidentTotal ?? 0,
    memberTotal,
    reported: reports.size,
    claimedProjects,
    overdue,
    rate: reportRate(reports.size, memberTotal),
    notices: notices.map((n) => ({ text: n.text, at: n.at.toISOString() })),
  }
}
