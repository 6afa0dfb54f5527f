import type { PairingSummary } from './contracts/pairing.contract'
import type { TableModel } from './table-model'

// The unit's two forms as table models, for the exports (issue 12 §2): 附件3
// 在职党员赴社区报到直接联系服务群众情况汇总表 with its 说明 footer, and 附件4
// 单位党组织与社区结对联系服务群众情况汇总表. Pure: rows in, table out.

export const LEDGER_CATEGORIES = ['files', 'reports', 'needs', 'services', 'evaluations'] as const
export type LedgerCategory = (typeof LEDGER_CATEGORIES)[number]

/** 000 §一.(一): the five categories, numbered as the box covers are marked. */
export const CATEGORY_LABELS: Record<LedgerCategory, { order: string; name: string }> = {
  files: { order: '一', name: '文件清单' },
  reports: { order: '二', name: '报到清单' },
  needs: { order: '三', name: '需求清单' },
  services: { order: '四', name: '服务清单' },
  evaluations: { order: '五', name: '评价清单' },
}

export const materialLabel = (category: LedgerCategory) => `“双报到”活动材料之${CATEGORY_LABELS[category].order}`

export interface UnitMemberLine {
  name: string
  gender: string
  birthMonth: string
  joinPartyMonth: string
  education: string
  specialty: string
  /** 领办项目: the posts claimed, joined. */
  claims: string
  communityName: string
  officePhone: string
  mobile: string
  /** "2026年3月10日", or '' when not reported. */
  reportedOn: string
}

export interface UnitFooterFigures {
  unitName: string
  memberTotal: number
  residentTotal: number
  reported: number
  claimedProjects: number
  filedBy: string
  filedOn: string
}

/** 附件3 (单位用): one line per member, the 说明 with the unit's figures, and who filed it. */
export function unitReportTable(members: readonly UnitMemberLine[], f: UnitFooterFigures): TableModel {
  return {
    title: '西湖区在职党员赴社区报到直接联系服务群众情况汇总表',
    subtitle: `（在职党员所在单位汇总用）　填报单位：${f.unitName}`,
    header: [
      ['序号', '姓名', '性别', '出生年月', '入党时间', '文化程度', '专业特长', '领办项目', '报到社区', '联系电话', '', '报到日期'],
      ['', '', '', '', '', '', '', '', '', '办电', '手机', ''],
    ],
    rows: members.map((m, i) => [String(i + 1), m.name, m.gender, m.birthMonth, m.joinPartyMonth, m.education, m.specialty, m.claims, m.communityName, m.officePhone, m.mobile, m.reportedOn]),
    layout: {
      merges: [
        ...[0, 1, 2, 3, 4, 5, 6, 7, 8, 11].map((col) => ({ row: 0, col, rowSpan: 2, colSpan: 1 })),
        { row: 0, col: 9, rowSpan: 1, colSpan: 2 },
      ],
      widths: [5, 8, 5, 9, 9, 10, 12, 24, 12, 13, 13, 14],
      orientation: 'landscape',
      font: '仿宋',
      footer: [
        [`说明：本单位共有在职党员 ${f.memberTotal} 人（其中居住地在社区的党员 ${f.residentTotal} 人），到社区报到 ${f.reported} 人，领办活动项目 ${f.claimedProjects} 个。`],
        [`填报单位：${f.unitName}　　填报人：${f.filedBy}　　填报日期：${f.filedOn}`],
      ],
    },
  }
}

/** 附件4 for a year: one line per unit and community paired in it. */
export function pairingSummaryTable(summary: PairingSummary): TableModel {
  return {
    title: '西湖区单位党组织与社区结对联系服务群众情况汇总表',
    subtitle: `${summary.year}年度　填报单位：${summary.filedBy}`,
    header: [['序号', '单位党组织名称', '结对社区', '所在街道', '联系服务群众活动情况', '活动次数', '备注']],
    rows: summary.rows.map((r, i) => [String(i + 1), r.partyOrgName, r.communityName, r.streetName, r.activities, String(r.activityCount), r.remark]),
    layout: { widths: [5, 18, 12, 10, 48, 8, 20], orientation: 'landscape', font: '仿宋' },
  }
}
