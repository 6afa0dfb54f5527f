import { chineseDate } from './china-time'
import type { FeedbackCard } from './contracts/evaluation.contract'
import type { RegisterRow } from './contracts/participation.contract'
import type { RegistrationFields } from './contracts/report.contract'
import type { SummaryRow } from './contracts/posts.contract'
import type { ProfileView } from './contracts/records.contract'
import type { Rating } from './evaluation-facts'
import { defaultCommunityPartyOrg, receiptText } from './receipt'
import type { HeaderMerge, TableModel } from './table-model'

// The tables of the 台账 (issue 12) not printed elsewhere yet, in the seeds'
// own layouts: 附件1 with its receipt, the 汇总表, the 报到单位, 社区基本情况,
// 附件2, the year's evaluations, the 反馈卡, the 文件清单. The others come from
// their own builders (record-tables.ts, service-table.ts). Pure.

const date = (iso: string | null | undefined) => (iso ? chineseDate(new Date(iso)) : '')
const numbered = (rows: string[][]) => rows.map((row, i) => [String(i + 1), ...row])
const span = (row: number, col: number, colSpan: number, rowSpan = 1): HeaderMerge => ({ row, col, rowSpan, colSpan })

// ---- 附件1 西湖区在职党员向社区报到登记表 (社区用), with its receipt -----------------

export interface RegistrationSheet extends RegistrationFields {
  memberName: string
  communityName: string
  unitName: string
  /** Null: the member has not filled the form in (the roster's facts stand in). */
  willingLiaison: boolean | null
  claims: ReadonlyArray<{ categoryName: string; name: string }>
  /** The community party organisation that stamps the receipt; its default from the community's name when none on file. */
  partyOrgName: string | null
  reportedAt: string
}

/** "社区管理协助项目：政策宣讲员、民情联络员", one line per category, as the form groups them. */
export function claimLines(claims: RegistrationSheet['claims']): string {
  const byCategory = new Map<string, string[]>()
  for (const c of claims) byCategory.set(c.categoryName, [...(byCategory.get(c.categoryName) ?? []), c.name])
  return [...byCategory].map(([category, names]) => `${category || '个人自选项目'}：${names.join('、')}`).join('\n')
}

const box = (checked: boolean) => (checked ? '☑' : '□')

/** The form as a grid of 8 columns, merged where the seed's form merges; the receipt as its footer. */
export function registrationTable(s: RegistrationSheet): TableModel {
  const yesNo = s.willingLiaison === null ? '□是　□否' : `${box(s.willingLiaison)}是　${box(!s.willingLiaison)}否`
  const reportedAt = new Date(s.reportedAt)
  return {
    title: '西湖区在职党员向社区报到登记表',
    subtitle: `（社区用）　报到社区：${s.communityName}　报到时间：${chineseDate(reportedAt)}`,
    header: [],
    rows: [
      ['姓名', s.memberName, '性别', s.gender, '出生年月', s.birthMonth, '入党时间', s.joinPartyMonth],
      ['文化程度', s.education, '', '有何爱好特长', s.hobbies, '', '', ''],
      ['联系方式', `办公室电话：${s.officePhone || '—'}　手机号码：${s.mobile || '—'}　QQ号：${s.qq || '—'}`, '', '', '', '', '', ''],
      ['居住社区', s.communityName, '', '家庭详址', s.address, '', '', ''],
      ['工作单位及职务', [s.unitName, s.jobTitle].filter(Boolean).join(' '), '', '是否愿意担任所领办项目联络员', yesNo, '', '', ''],
      ['领办项目', claimLines(s.claims) || '（尚未认领）', '', '', '', '', '', ''],
    ],
    layout: {
      widths: [10, 12, 8, 14, 10, 10, 10, 12],
      orientation: 'portrait',
      font: '宋体',
      bodyMerges: [span(1, 1, 2), span(1, 4, 4), span(2, 1, 7), span(3, 1, 2), span(3, 4, 4), span(4, 1, 2), span(4, 4, 4), span(5, 1, 7)],
      // The receipt (回执) the community returns to the member's unit, the form's own wording.
      footer: [
        ['回执'],
        [`${receiptText(s.memberName, reportedAt)}感谢贵单位党组织对社区党建工作的关心和支持。`],
        [`${s.partyOrgName || defaultCommunityPartyOrg(s.communityName)}（盖章）`],
        [chineseDate(reportedAt)],
        ['注：本表一式2份，在职党员所在单位和报到社区各留存1份。'],
      ],
    },
  }
}

// ---- 进社区报到的在职党员信息汇总表 (000 §一.(二), 附件1 of 000) ----------------------

/** Rows as server/features/posts/posts-summary.ts sorts them: by claimed post, not by unit. */
export function reportSummaryTable(communityName: string, rows: readonly SummaryRow[]): TableModel {
  return {
    title: `${communityName}进社区报到的在职党员信息汇总表`,
    subtitle: `按认领服务岗位排序，共 ${rows.length} 条`,
    header: [['序号', '认领服务岗位', '岗位类别', '姓名', '性别', '工作单位', '职务', '联系电话', '报到日期']],
    rows: numbered(rows.map((r) => [r.postName, r.categoryName, r.memberName, r.gender, r.unitName, r.jobTitle, r.mobile, date(r.reportedAt)])),
    layout: { widths: [6, 16, 12, 10, 6, 22, 12, 14, 14], orientation: 'landscape', font: '宋体' },
  }
}

// ---- 报到单位 --------------------------------------------------------------------

export interface ReportingUnit {
  unitName: string
  members: number
}

export function reportingUnitsTable(communityName: string, year: number, units: readonly ReportingUnit[]): TableModel {
  const total = units.reduce((n, u) => n + u.members, 0)
  return {
    title: `${communityName}报到单位及报到党员情况`,
    subtitle: `${year}年，共 ${units.length} 个单位、${total} 名党员`,
    header: [['序号', '报到单位', '报到党员（人）']],
    rows: numbered(units.map((u) => [u.unitName, String(u.members)])),
    layout: { widths: [6, 40, 16], orientation: 'portrait', font: '宋体', footer: [['合计', '', String(total)]] },
  }
}

// ---- 社区基本情况 (000 §一.(三)) --------------------------------------------------

export function communityProfileTable(p: ProfileView): TableModel {
  const list = (names: readonly string[]) => names.join('、') || '—'
  return {
    title: `${p.communityName}社区基本情况`,
    subtitle: p.updatedAt ? `更新于${date(p.updatedAt)}` : '尚未填写',
    header: [['项目', '情况']],
    rows: p.updatedAt
      ? [
          ['辖区范围', p.area || '—'],
          ['社区人口情况', `${p.households} 户，${p.residents} 人，其中党员 ${p.partyMembers} 人`],
          ['主要办公单位', list(p.offices)],
          ['重要商业区', list(p.commercialAreas)],
          ['学校', list(p.schools)],
          ['养老院', list(p.nursingHomes)],
          ['居民小区', list(p.compounds)],
        ]
      : [],
    layout: { widths: [18, 60], orientation: 'portrait', font: '宋体' },
  }
}

// ---- 附件2 在职党员参与社区服务活动情况登记表 (社区用) ------------------------------

/** The rows server/features/participation/register.ts reads, in the seed's ten columns and merged title rows. */
export function activityRegisterTable(year: number, communityName: string, rows: readonly RegisterRow[]): TableModel {
  return {
    title: `${year}年在职党员参与社区服务活动情况登记表`,
    subtitle: `(社区用)　社区名称：${communityName}`,
    header: [['序号', '姓名', '性别', '出生年月', '工作单位及职务', '家庭住址', '联系电话', '领办项目', '服务情况登记汇总（注明日期及内容）', '综合评价（好、较好、一般、差）']],
    rows: rows.map((r) => [String(r.index), r.name, r.gender, r.birthMonth, r.unitAndTitle, r.address, r.mobile, r.claimedItems, r.services.join('\n'), r.evaluation ?? '']),
    layout: {
      widths: [6, 10, 6, 10, 20, 20, 14, 18, 36, 12],
      orientation: 'landscape',
      font: '宋体',
      footer: [['备注：此表由社区按年度填写，并根据在职党员工作单位需要，及时反馈在职党员到社区服务情况。']],
    },
  }
}

// ---- 评价清单 (000 §一.(六)) ------------------------------------------------------

export interface EvaluationLine {
  memberName: string
  unitName: string
  activities: number
  activityHours: number
  serviceEntries: number
  serviceHours: number
  proposed: Rating
  rating: Rating
  comment: string
  pledgeKept: boolean | null
  confirmedAt: string
}

const PLEDGE_KEPT = (kept: boolean | null) => (kept === null ? '—' : kept ? '已兑现' : '未兑现')

export function evaluationsTable(communityName: string, year: number, lines: readonly EvaluationLine[]): TableModel {
  const counts = new Map<string, number>()
  for (const l of lines) counts.set(l.rating, (counts.get(l.rating) ?? 0) + 1)
  return {
    title: `${communityName}${year}年度在职党员评价表`,
    subtitle: `已评价 ${lines.length} 人：${['好', '较好', '一般', '差'].map((r) => `${r} ${counts.get(r) ?? 0} 人`).join('，')}`,
    header: [['序号', '姓名', '工作单位', '参加活动', '服务清单', '系统建议', '综合评价', '一句话承诺', '社区评语', '确认日期']],
    rows: numbered(
      lines.map((l) => [
        l.memberName,
        l.unitName,
        `${l.activities} 次，${l.activityHours} 小时`,
        `${l.serviceEntries} 条，${l.serviceHours} 小时`,
        l.proposed,
        l.rating,
        PLEDGE_KEPT(l.pledgeKept),
        l.comment,
        date(l.confirmedAt),
      ]),
    ),
    layout: { widths: [6, 10, 22, 14, 14, 8, 8, 10, 30, 14], orientation: 'landscape', font: '宋体' },
  }
}

/** 在职党员社区表现反馈卡 as a two-column table: what components/feedback-card.tsx shows, the seal line its footer. */
export function feedbackCardTable(card: Omit<FeedbackCard, 'sealUrl' | 'memberId'>): TableModel {
  const f = card.facts
  return {
    title: `${card.year}年度在职党员社区表现反馈卡`,
    subtitle: `${card.communityName} · ${card.memberName}`,
    header: [['项目', '内容']],
    rows: [
      ['姓名', card.memberName],
      ['工作单位', card.unitName],
      ['报到社区', card.communityName],
      ['报到时间', date(card.reportedAt) || '—'],
      ['认领服务岗位', card.claimedPosts.join('、') || '—'],
      ['参加活动', `参加社区组织的活动${f.communityActivities}次、单位组织的结对社区活动${f.unitActivities}次，共${f.activityHours}小时`],
      ['服务清单', `经确认的服务清单${f.serviceEntries}条，共${f.serviceHours}小时；完成居民需求${f.needsCompleted}件；结对走访${f.pairingVisits}次`],
      ['一句话承诺', f.pledge || '—'],
      ['综合评价', card.rating],
      ['社区评语', card.comment || '—'],
    ],
    layout: { widths: [16, 60], orientation: 'portrait', font: '仿宋', footer: [[`${card.partyOrgName}（盖章）`], [date(card.issuedAt)]] },
  }
}

// ---- 文件清单 --------------------------------------------------------------------

export interface LedgerDocumentLine {
  title: string
  issuedBy: string
  issuedAt: string
  format: string
  note: string
}

export const DOCUMENT_FORMAT_LABELS: Record<string, string> = { pdf: 'PDF', docx: 'Word', jpeg: '图片', png: '图片', webp: '图片', gif: '图片', none: '无附件' }

/** The list of the documents the community files, newest first as uploaded lists them. */
export function documentsTable(communityName: string, year: number, docs: readonly LedgerDocumentLine[]): TableModel {
  return {
    title: `${communityName}${year}年“双报到”活动文件清单`,
    subtitle: `共 ${docs.length} 份`,
    header: [['序号', '文件标题', '发文单位', '发文日期', '文件格式', '备注']],
    rows: numbered(docs.map((d) => [d.title, d.issuedBy, date(d.issuedAt), DOCUMENT_FORMAT_LABELS[d.format] ?? d.format, d.note])),
    layout: { widths: [6, 40, 24, 14, 10, 20], orientation: 'portrait', font: '宋体' },
  }
}
