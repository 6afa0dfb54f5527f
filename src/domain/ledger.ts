import { quarterRange, type Quarter } from './quarter'
import { sniffFormat, type UploadKind } from './upload-kinds'

// The community's 台账 for a year (000 §一.(一)): five categories, each its
// box ("双报到"活动材料之X) and the items it holds. Pure: the overview's
// counts come in, each item's count and what is missing go out.

export const LEDGER_CATEGORY_NOS = [1, 2, 3, 4, 5] as const
export type LedgerCategoryNo = (typeof LEDGER_CATEGORY_NOS)[number]

/** Every table or list the 台账 holds, in the order it is filed. */
export const LEDGER_ITEMS = [
  'documents',
  'meetings',
  // Category 二: the 汇总表 right after the category's table of contents (000 §一.(二)).
  'summary',
  'units',
  'registration',
  'profile',
  'collections',
  'targets',
  'pairings',
  'register',
  'serviceSheet',
  'evaluations',
  'feedbackCard',
] as const
export type LedgerItem = (typeof LEDGER_ITEMS)[number]

export interface LedgerCategoryDef {
  no: LedgerCategoryNo
  title: string
  /** The box cover's corner mark. */
  cover: string
  items: readonly LedgerItem[]
}

export const LEDGER_CATEGORIES: readonly LedgerCategoryDef[] = [
  { no: 1, title: '一、文件清单', cover: '“双报到”活动材料之一', items: ['documents', 'meetings'] },
  { no: 2, title: '二、报到清单', cover: '“双报到”活动材料之二', items: ['summary', 'units', 'registration'] },
  { no: 3, title: '三、需求清单', cover: '“双报到”活动材料之三', items: ['profile', 'collections', 'targets'] },
  { no: 4, title: '四、服务清单', cover: '“双报到”活动材料之四', items: ['pairings', 'register', 'serviceSheet'] },
  { no: 5, title: '五、评价清单', cover: '“双报到”活动材料之五', items: ['evaluations', 'feedbackCard'] },
]

export function categoryOf(item: LedgerItem): LedgerCategoryNo {
  return LEDGER_CATEGORIES.find((c) => c.items.includes(item))!.no
}

export const LEDGER_ITEM_LABELS: Record<LedgerItem, string> = {
  documents: '上级文件和工作机制材料',
  meetings: '会议记录本',
  summary: '进社区报到的在职党员信息汇总表',
  units: '报到单位',
  registration: '在职党员向社区报到登记表（附件1，含回执）',
  profile: '社区基本情况',
  collections: '服务需求征集记录本',
  targets: '社区需要帮扶对象基本情况摸底表',
  pairings: '在职党员结对帮扶社区困难群众情况登记表',
  register: '在职党员参与社区服务活动情况登记表（附件2）',
  serviceSheet: '在职党员进社区服务清单（按季度上交）',
  evaluations: '年度评价',
  feedbackCard: '在职党员社区表现反馈卡',
}

/** How an item is counted: 份, 次, 人, 条… */
export const LEDGER_ITEM_UNITS: Record<LedgerItem, string> = {
  documents: '份',
  meetings: '次',
  summary: '人',
  units: '个',
  registration: '份',
  profile: '份',
  collections: '条',
  targets: '人',
  pairings: '对',
  register: '人',
  serviceSheet: '份',
  evaluations: '人',
  feedbackCard: '张',
}

/** Items printed as one table per member (or member and quarter), read a page at a time. */
export const PER_MEMBER_ITEMS: readonly LedgerItem[] = ['registration', 'serviceSheet', 'feedbackCard']

/** The most names a missing line lists; the rest are counted. */
export const MISSING_NAMES_SHOWN = 5

/** A missing fact: how many, and the first few names. */
export interface Lacking {
  count: number
  names: string[]
}

export interface UnitQuarters {
  unitName: string
  /** The quarters of the year this unit handed in to the community. */
  handedIn: Quarter[]
}

/** What the overview read, one aggregate each. */
export interface LedgerFacts {
  year: number
  now: Date
  counts: Record<LedgerItem, number>
  profileFilled: boolean
  /** Reported members (counted in the year) without a 附件1 registration here. */
  withoutRegistration: Lacking
  withoutRating: Lacking
  withoutCard: Lacking
  /** Units with members reported here, and the quarters each handed in. */
  units: UnitQuarters[]
}

export interface LedgerItemState {
  item: LedgerItem
  label: string
  count: number
  unit: string
  missing: string[]
}

export interface LedgerCategoryState {
  no: LedgerCategoryNo
  title: string
  cover: string
  items: LedgerItemState[]
}

const names = (l: Lacking) => l.names.join('、') + (l.count > l.names.length ? ` 等${l.count}人` : '')
const lackLine = (l: Lacking, what: string) => (l.count > 0 ? [`${l.count} 人${what}：${names(l)}`] : [])

const QUARTER_NAMES: Record<Quarter, string> = { 1: '第一季度', 2: '第二季度', 3: '第三季度', 4: '第四季度' }

/** The quarters of `year` that have ended by `now`: those a unit should have handed in. */
export function quartersDue(year: number, now: Date): Quarter[] {
  return ([1, 2, 3, 4] as const).filter((quarter) => quarterRange({ year, quarter }).to.getTime() <= now.getTime())
}

/** Each item's count and what is missing from it, category by category. */
export function ledgerOverview(f: LedgerFacts): LedgerCategoryState[] {
  const due = quartersDue(f.year, f.now)
  const missing: Record<LedgerItem, string[]> = {
    documents: f.counts.documents === 0 ? ['尚未上传上级文件或工作机制材料'] : [],
    meetings: f.counts.meetings === 0 ? [`${f.year}年尚无会议记录`] : [],
    summary: f.counts.summary === 0 ? ['尚无党员报到'] : [],
    units: [],
    registration: lackLine(f.withoutRegistration, '已报到但未填写附件1报到登记表'),
    profile: f.profileFilled ? [] : ['社区基本情况未填写'],
    collections: f.counts.collections === 0 ? [`${f.year}年尚无服务需求征集记录`] : [],
    targets: f.counts.targets === 0 ? ['摸底表中还没有需要帮扶的对象'] : [],
    pairings: f.counts.pairings === 0 ? [`${f.year}年尚无结对帮扶`] : [],
    register: [],
    serviceSheet: f.units.flatMap((u) => {
      const lacking = due.filter((q) => !u.handedIn.includes(q))
      return lacking.length > 0 ? [`${u.unitName}：${lacking.map((q) => QUARTER_NAMES[q]).join('、')}服务清单未上交`] : []
    }),
    evaluations: lackLine(f.withoutRating, '尚未确认年度评价'),
    feedbackCard: lackLine(f.withoutCard, '尚未发放反馈卡'),
  }
  return LEDGER_CATEGORIES.map((c) => ({
    no: c.no,
    title: c.title,
    cover: c.cover,
    items: c.items.map((item) => ({ item, label: LEDGER_ITEM_LABELS[item], count: f.counts[item], unit: LEDGER_ITEM_UNITS[item], missing: missing[item] })),
  }))
}

/** A ledger's year: not in the future (China time), not before the activity began. */
export function checkLedgerYear(year: number, currentYear: number): { ok: true } | { ok: false; code: 'LEDGER_YEAR_FUTURE'; message: string } {
  return year > currentYear ? { ok: false, code: 'LEDGER_YEAR_FUTURE', message: `${year}年还没有到，不能查看或导出该年度台账` } : { ok: true }
}

/** The upload kind a 文件清单 document goes up as, by its bytes; null when it is not a PDF, an image or a Word file. */
export function documentUploadKind(bytes: Uint8Array): Extract<UploadKind, 'pdf' | 'image' | 'word'> | null {
  const format = sniffFormat(bytes)
  if (format === 'pdf') return 'pdf'
  if (format === 'docx') return 'word'
  if (format === 'jpeg' || format === 'png' || format === 'webp' || format === 'gif') return 'image'
  return null
}

/** What the 文件清单 takes, by name (the bytes are checked after reading, and again by the server). */
export const DOCUMENT_EXTENSIONS = ['pdf', 'docx', 'jpg', 'jpeg', 'png', 'webp', 'gif'] as const

export const NOT_DOCUMENT_MESSAGE = '文件清单只收 PDF、图片（JPG、PNG、WebP、GIF）或 Word（.docx）文件，请转换格式后再上传'
