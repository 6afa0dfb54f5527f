import { authorize } from '../../../src/domain/access'
import type { SummaryRow } from '../../../src/domain/contracts/posts.contract'
import { canSeeMobile } from '../../../src/domain/member-visibility'
import { maskMobile } from '../../../src/domain/mobile'
import type { KnownContext } from '../../kernel/function-def'
import { docsByIds } from '../../db/by-ids'
import type { CommunityDoc, MemberDoc, PostDoc, RegistrationDoc } from '../../db/docs'
import type { Database } from '../../kernel/database'
import { communityScope, loadCommunity } from '../../db/load'
import { namesOf } from '../../db/names'
import { scanAll } from '../../db/read'
import { compareChinese } from '../../../src/domain/chinese-order'
import { countingRegistrations } from './claim-counts'
import { categoryRank } from './post-view'

// 进社区报到的在职党员信息汇总表 (梧州 补充通知 §一.(二)): sorted by claimed
// post, not by unit. One row per (post, member) for every member reported
// here; a reported member who has not claimed yet still appears, at the end.

const UNCLAIMED = '（尚未认领）'

interface Keyed {
  row: SummaryRow
  rank: number
  order: number
  memberId: string
}

function compare(a: Keyed, b: Keyed): number {
  return (
    a.rank - b.rank ||
    a.order - b.order ||
    compareChinese(a.row.postName, b.row.postName) ||
    compareChinese(a.row.memberName, b.row.memberName) ||
    (a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0)
  )
}

export async function postsSummary(ctx: KnownContext, communityId: string): Promise<SummaryRow[]> {
  const community = await loadCommunity(ctx.db, communityId)
  authorize(ctx.principal, 'community.summary', communityScope(community))
  return summaryRowsOf(ctx.db, community, {
    mobileVisible: (memberId, unitId, reportedCommunityId) => canSeeMobile(ctx.principal, { memberId, unitId, reportedCommunityId }),
  })
}

export interface SummaryReading {
  mobileVisible(memberId: string, unitId: string, reportedCommunityId: string): boolean
  /** Only members reported before this instant (the ledger of a past year). */
  reportedBefore?: Date
}

/** The summary's rows for a reader whose scope was checked (the page above, the ledger). */
export async function summaryRowsOf(db: Database, community: CommunityDoc, reading: SummaryReading): Promise<SummaryRow[]> {
  const { registrations, reports } = await countingRegistrations(db, community._id)
  if (reading.reportedBefore) for (const [id, r] of reports) if (r.reportedAt.getTime() >= reading.reportedBefore.getTime()) reports.delete(id)
  const members = await docsByIds<MemberDoc>(db, 'members', [...reports.keys()])
  const posts = new Map((await scanAll<PostDoc>(db, 'posts', { communityId: community._id })).map((p) => [p._id, p]))
  const units = await namesOf(db, 'units', [...members.values()].map((m) => m.unitId))
  const byMember = new Map<string, RegistrationDoc>(registrations.map((r) => [r.memberId, r]))

  const keyed: Keyed[] = []
  for (const [memberId, report] of reports) {
    const member = members.get(memberId)
    if (!member) continue
    const visible = reading.mobileVisible(memberId, member.unitId, report.communityId)
    const base = {
      memberName: member.name,
      gender: member.gender,
      unitName: units.get(member.unitId) ?? '',
      jobTitle: member.jobTitle,
      mobile: visible ? member.mobile : maskMobile(member.mobile),
      reportedAt: report.reportedAt.toISOString(),
    }
    const claims = byMember.get(memberId)?.claims ?? []
    for (const claim of claims) {
      if ('postId' in claim) {
        // Live name and place in the catalog: a renamed post shows its new name.
        const post = posts.get(claim.postId)
        const category = post?.category ?? claim.category
        keyed.push({
          row: { ...base, postName: post?.name ?? claim.postName, categoryName: post?.categoryName ?? claim.categoryName },
          rank: categoryRank(category),
          order: post?.order ?? claim.order,
          memberId,
        })
      } else {
        keyed.push({ row: { ...base, postName: claim.custom, categoryName: claim.categoryName }, rank: categoryRank('custom'), order: 0, memberId })
      }
    }
    if (claims.length === 0) keyed.push({ row: { ...base, postName: UNCLAIMED, categoryName: '' }, rank: Number.MAX_SAFE_INTEGER, order: 0, memberId })
  }
  return keyed.sort(compare).map((k) => k.row)
}
