import { inChina } from './china-time'
import { compareChinese } from './chinese-order'
import { overlapsYear, yearBounds, type PairingTerm } from './pairing'

// 附件4 西湖区单位党组织与社区结对联系服务群众情况汇总表: one row per unit and
// paired community for the year — 单位党组织名称, 结对社区, 参加何种服务活动
// (that year's activities the unit organised in the community), 备注 (which
// branches pair, notes, and a term that began or ended within the year).

export interface SummaryTerm extends PairingTerm {
  unitName: string
  partyOrgName: string
  branchName: string | null
  communityName: string
  streetName: string
  note: string
}

export interface SummaryActivity {
  unitId: string
  communityId: string
  title: string
  startAt: Date
}

export interface SummaryRow {
  unitId: string
  partyOrgName: string
  communityId: string
  communityName: string
  streetName: string
  /** "3月10日 政策宣讲；5月2日 环境整治", in date order; empty when none. */
  activities: string
  activityCount: number
  remark: string
}

const day = (date: Date) => inChina(date).format('M月D日')

function remarkOf(terms: readonly SummaryTerm[], year: number): string {
  const { start, end } = yearBounds(year)
  const parts: string[] = []
  const branches = terms.filter((t) => t.branchName).map((t) => t.branchName!)
  if (branches.length > 0 && !terms.some((t) => t.branchId === null)) parts.push(`结对支部：${[...new Set(branches)].join('、')}`)
  for (const t of terms) {
    if (t.startedAt.getTime() >= start.getTime()) parts.push(`${day(t.startedAt)}起结对`)
    if (t.endedAt && t.endedAt.getTime() < end.getTime()) parts.push(`${day(t.endedAt)}结束结对`)
    if (t.note) parts.push(t.note)
  }
  return [...new Set(parts)].join('；')
}

/** The rows of the year, units by party organisation name, then communities by name. */
export function summaryRows(terms: readonly SummaryTerm[], activities: readonly SummaryActivity[], year: number): SummaryRow[] {
  const byPair = new Map<string, SummaryTerm[]>()
  for (const t of terms.filter((term) => overlapsYear(term, year))) {
    const key = `${t.unitId}|${t.communityId}`
    byPair.set(key, [...(byPair.get(key) ?? []), t])
  }
  const rows = [...byPair.values()].map((same): SummaryRow => {
    const first = same[0]!
    const done = activities
      .filter((a) => a.unitId === first.unitId && a.communityId === first.communityId)
      .sort((a, b) => a.startAt.getTime() - b.startAt.getTime())
    return {
      unitId: first.unitId,
      partyOrgName: first.partyOrgName || first.unitName,
      communityId: first.communityId,
      communityName: first.communityName,
      streetName: first.streetName,
      activities: done.map((a) => `${day(a.startAt)} ${a.title}`).join('；'),
      activityCount: done.length,
      remark: remarkOf(same, year),
    }
  })
  return rows.sort((a, b) => compareChinese(a.partyOrgName, b.partyOrgName) || compareChinese(a.communityName, b.communityName))
}
