import { authorize } from '../../../src/domain/access'
import { chineseDate } from '../../../src/domain/china-time'
import { compareChinese } from '../../../src/domain/chinese-order'
import { pairingSummaryTable, unitReportTable, type UnitMemberLine } from '../../../src/domain/export-tables'
import type { TableModel } from '../../../src/domain/table-model'
import { docsByIds } from '../../db/by-ids'
import type { CommunityDoc, MemberDoc, RegistrationDoc } from '../../db/docs'
import { loadUnit, unitScope } from '../../db/load'
import { scan, scanAll } from '../../db/read'
import type { KnownContext } from '../../kernel/function-def'
import { pairingSummary } from '../pairing/pairing-summary'
import { unitStats } from '../stats/unit-stats'

// The unit's 附件3 (its members with what they claimed and where they
// reported, the 说明 figures from the unit's tally) and 附件4 (its pairings'
// year), as table models for the exporters. The unit's secretary or liaison;
// another unit's answers FORBIDDEN before anything is read.

const PAGE = 200

export async function unitReportForm(ctx: KnownContext, unitId: string): Promise<TableModel | null> {
  const unit = await loadUnit(ctx.db, unitId)
  authorize(ctx.principal, 'unit.stats', unitScope(unit))
  const _ = ctx.db.command
  const lines: UnitMemberLine[] = []
  for await (const page of scan<MemberDoc>(ctx.db, 'members', { unitId }, { pageSize: PAGE })) {
    const reported = page.filter((m) => m.report)
    const [regs, communities] = await Promise.all([
      reported.length ? scanAll<RegistrationDoc>(ctx.db, 'registrations', { memberId: _.in(reported.map((m) => m._id)) }) : Promise.resolve([]),
      docsByIds<CommunityDoc>(ctx.db, 'communities', reported.map((m) => m.report!.communityId), { name: true }),
    ])
    const claims = new Map(regs.filter((r) => reported.some((m) => m._id === r.memberId && m.report!.communityId === r.communityId)).map((r) => [r.memberId, r.claims.map((c) => ('postName' in c ? c.postName : c.custom)).join('、')]))
    for (const m of page) {
      lines.push({
        name: m.name,
        gender: m.gender,
        birthMonth: m.birthMonth,
        joinPartyMonth: m.joinPartyMonth,
        education: m.education,
        specialty: m.specialty ?? '',
        claims: claims.get(m._id) ?? '',
        communityName: m.report ? (communities.get(m.report.communityId)?.name ?? '') : '',
        officePhone: m.officePhone ?? '',
        mobile: m.mobile,
        reportedOn: m.report ? chineseDate(m.report.reportedAt) : '',
      })
    }
  }
  if (lines.length === 0) return null
  const stats = await unitStats(ctx, unitId)
  return unitReportTable(lines.sort((a, b) => compareChinese(a.name, b.name)), {
    unitName: unit.name,
    memberTotal: stats.declaredMemberTotal || stats.memberTotal,
    residentTotal: stats.declaredResidentTotal,
    reported: stats.reported,
    claimedProjects: stats.claimedProjects,
    filedBy: ctx.principal.name ?? '',
    filedOn: chineseDate(ctx.now()),
  })
}

export async function unitPairingForm(ctx: KnownContext, unitId: string, year: number): Promise<TableModel | null> {
  const summary = await pairingSummary(ctx, { unitId, year })
  return summary.rows.length ? pairingSummaryTable(summary) : null
}
