import type { Receipt } from '../../../src/domain/contracts/report.contract'
import { chineseDate } from '../../../src/domain/china-time'
import { defaultCommunityPartyOrg, receiptText } from '../../../src/domain/receipt'
import type { KnownContext } from '../../kernel/function-def'
import { authorizedReport } from '../../access/authorized-record'
import { loadCommunity, loadMember, loadUnit } from '../../db/load'

/**
 * The receipt (回执) of 附件1 for one report. Read by the member's unit
 * (secretary, liaison), the member, and the staff of the reporting community.
 */
export async function receipt(ctx: KnownContext, reportId: string): Promise<Receipt> {
  const { db } = ctx
  const report = await authorizedReport(ctx, reportId, 'receipt.read')
  const [member, community, unit] = await Promise.all([loadMember(db, report.memberId), loadCommunity(db, report.communityId), loadUnit(db, report.unitId)])
  return {
    reportId: report._id,
    text: receiptText(member.name, report.reportedAt),
    memberName: member.name,
    unitName: unit.name,
    communityName: community.name,
    communityPartyOrg: community.partyOrgName ?? defaultCommunityPartyOrg(community.name),
    reportedAt: report.reportedAt.toISOString(),
    dateText: chineseDate(report.reportedAt),
  }
}
