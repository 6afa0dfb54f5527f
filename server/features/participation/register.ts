import { authorize } from '../../../src/domain/access'
import { inChina } from '../../../src/domain/china-time'
import { compareChinese } from '../../../src/domain/chinese-order'
import type { RegisterRow } from '../../../src/domain/contracts/participation.contract'
import { canSeeMobile } from '../../../src/domain/member-visibility'
import { maskMobile } from '../../../src/domain/mobile'
import { docsByIds } from '../../db/by-ids'
import type { ActivityDoc, AttendanceDoc, CommunityDoc, EvaluationDoc, MemberDoc } from '../../db/docs'
import type { Database } from '../../kernel/database'
import type { SummaryReading } from '../posts/posts-summary'
import { communityScope, loadCommunity } from '../../db/load'
import { namesOf } from '../../db/names'
import { scan, scanAll } from '../../db/read'
import type { KnownContext } from '../../kernel/function-def'
import { countingRegistrations } from '../posts/claim-counts'
import { countedIn, yearOf } from './unit-year'

// 附件2 在职党员参与社区服务活动情况登记表 (社区用), for one community and year:
// every member reported here, with their 附件1 details, the items they took
// on (领办项目), and the activities they attended here that year, each with
// its date and content. 综合评价 is the year's confirmed evaluation (issue 11). Read
// page by page: a community of any size comes whole.

/** "3月5日 社区环境整治": a line of 服务情况登记汇总. */
function serviceLine(activity: Pick<ActivityDoc, 'startAt' | 'title'>): string {
  return `${inChina(activity.startAt).format('M月D日')} ${activity.title}`
}

export async function communityRegister(ctx: KnownContext, input: { communityId: string; year?: number }) {
  const community = await loadCommunity(ctx.db, input.communityId)
  authorize(ctx.principal, 'participation.register', communityScope(community))
  const year = yearOf(ctx, input.year)
  const rows = await registerRowsOf(ctx.db, community, year, {
    mobileVisible: (memberId, unitId, reportedCommunityId) => canSeeMobile(ctx.principal, { memberId, unitId, reportedCommunityId }),
  })
  return { year, communityName: community.name, rows }
}

/** 附件2's rows for a reader whose scope was checked (the page above, the ledger's 服务清单 category). */
export async function registerRowsOf(db: Database, community: CommunityDoc, year: number, reading: SummaryReading): Promise<RegisterRow[]> {
  const { registrations, reports } = await countingRegistrations(db, community._id)
  if (reading.reportedBefore) for (const [id, r] of reports) if (r.reportedAt.getTime() >= reading.reportedBefore.getTime()) reports.delete(id)
  const members = await docsByIds<MemberDoc>(db, 'members', [...reports.keys()])
  const units = await namesOf(db, 'units', [...members.values()].map((m) => m.unitId))
  const registrationOf = new Map(registrations.map((r) => [r.memberId, r]))

  const attendedBy = new Map<string, Array<Pick<ActivityDoc, 'startAt' | 'title'>>>()
  for await (const records of scan<AttendanceDoc>(db, 'attendance', { communityId: community._id, ...countedIn(db, year) }, { fields: { activityId: true, memberId: true } })) {
    const activities = await docsByIds<ActivityDoc>(db, 'activities', records.map((r) => r.activityId), { title: true, startAt: true })
    for (const record of records) {
      const activity = activities.get(record.activityId)
      if (!activity || !reports.has(record.memberId)) continue
      attendedBy.set(record.memberId, [...(attendedBy.get(record.memberId) ?? []), activity])
    }
  }

  // 综合评价: the year's confirmed evaluations here, one grouped read.
  const ratings = new Map((await scanAll<EvaluationDoc>(db, 'evaluations', { communityId: community._id, year }, { fields: { memberId: true, rating: true } })).map((e) => [e.memberId, e.rating]))

  return [...reports.values()]
    .flatMap((report) => {
      const member = members.get(report.memberId)
      return member ? [{ member, report }] : []
    })
    .sort((a, b) => compareChinese(a.member.name, b.member.name) || (a.member._id < b.member._id ? -1 : 1))
    .map(({ member, report }, i): RegisterRow => {
      const registration = registrationOf.get(member._id)
      const mobile = registration?.mobile || member.mobile
      const visible = reading.mobileVisible(member._id, member.unitId, report.communityId)
      const jobTitle = registration?.jobTitle || member.jobTitle
      return {
        index: i + 1,
        memberId: member._id,
        name: member.name,
        gender: registration?.gender || member.gender,
        birthMonth: registration?.birthMonth || member.birthMonth,
        unitAndTitle: [units.get(member.unitId) ?? '', jobTitle].filter(Boolean).join(' '),
        address: registration?.address ?? '',
        mobile: visible ? mobile : maskMobile(mobile),
        claimedItems: (registration?.claims ?? []).map((c) => ('postId' in c ? c.postName : c.custom)).join('、'),
        services: (attendedBy.get(member._id) ?? []).sort((a, b) => a.startAt.getTime() - b.startAt.getTime()).map(serviceLine),
        evaluation: ratings.get(member._id) ?? null,
      }
    })
}
