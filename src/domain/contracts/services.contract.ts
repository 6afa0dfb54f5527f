import { z } from 'zod'
import { SERVICE_KINDS } from '../service-entry-rules'
import { plainText } from '../text'
import { action } from './action-contract'
import { count, dateInput, id, isoDate, pageOf, paging } from './common'
import { tableModelSchema } from './records.contract'

// `services` (issue 11 §1–2): the member's 服务清单 (000 §二.(二)) — written
// by the member, some lines filled in from activities attended, needs
// completed and 结对帮扶 visits — handed in each quarter by the unit's liaison
// to the community the members reported to, and confirmed (or sent back) by
// the community's staff. Rules: src/domain/service-entry-rules.ts.

const text = (label: string, max: number, required = false) => plainText(label, { max, required, multiline: max > 60 })
const year = z.number({ error: '年度应为数字' }).int('年度应为整数').min(2015, '年度不正确').max(2100, '年度不正确')
const quarter = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)], { error: '季度应为1至4' })
const reason = text('退回原因', 100, true)

export const entryStatusSchema = z.enum(['draft', 'returned', 'handedIn', 'confirmed'])
export const quarterStateSchema = z.enum(['handedIn', 'returned', 'confirmed'])
export type QuarterState = z.output<typeof quarterStateSchema>

export const entryViewSchema = z.strictObject({
  entryId: z.string(),
  memberId: z.string(),
  date: isoDate,
  year: z.number(),
  quarter,
  place: z.string(),
  content: z.string(),
  kind: z.enum(SERVICE_KINDS),
  hours: z.number(),
  photo: z.strictObject({ fileID: z.string(), url: z.string() }).nullable(),
  /** Filled in by the system from what it already knows. */
  source: z.enum(['attendance', 'need', 'visit']).nullable(),
  status: entryStatusSchema,
  returnReason: z.string().nullable(),
  returnedBy: z.enum(['unit', 'community']).nullable(),
  /** The member may still change it. */
  editable: z.boolean(),
  /** A filled-in line whose hours the member changed: the hours the system filled in (shown as 已修改（原X小时）); else null. */
  originalHours: z.number().nullable(),
})
export type EntryView = z.output<typeof entryViewSchema>

const totals = { entries: count, hours: z.number() }

/** Each quarter of a year at one community: not handed in (null), or its state. */
export const quarterStatesSchema = z.strictObject({ 1: quarterStateSchema.nullable(), 2: quarterStateSchema.nullable(), 3: quarterStateSchema.nullable(), 4: quarterStateSchema.nullable() })
/** Each quarter handed in early (the fourth, from 12月1日): the last day covered; null: not handed in, or covered whole. */
export const quarterThroughSchema = z.strictObject({ 1: isoDate.nullable(), 2: isoDate.nullable(), 3: isoDate.nullable(), 4: isoDate.nullable() })

export const myServicesSchema = z.strictObject({
  year: z.number(),
  /** Null: the whole year. */
  quarter: quarter.nullable(),
  /** The community the member reported to; null: not reported, nothing can be handed in. */
  communityName: z.string().nullable(),
  quarterStates: quarterStatesSchema,
  lockedThrough: quarterThroughSchema,
  rows: z.array(entryViewSchema),
  ...totals,
})
export type MyServices = z.output<typeof myServicesSchema>

export const handInQuarterSchema = z.strictObject({
  quarter,
  status: quarterStateSchema,
  handedInAt: isoDate,
  entries: count,
  hours: z.number(),
  returnReason: z.string().nullable(),
  confirmedAt: isoDate.nullable(),
  /** Handed in early (the fourth quarter): the last day covered; null: the whole quarter. */
  coveredThrough: isoDate.nullable(),
})

export const handInViewSchema = z.strictObject({
  handInId: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  communityId: z.string(),
  communityName: z.string(),
  year: z.number(),
  status: z.enum(['waiting', 'returned', 'confirmed']),
  waitingSince: isoDate.nullable(),
  quarters: z.array(handInQuarterSchema),
})
export type HandInView = z.output<typeof handInViewSchema>

/** One member of the unit reported to the community, with their entries of the period. */
export const memberEntriesSchema = z.strictObject({
  memberId: z.string(),
  name: z.string(),
  rows: z.array(entryViewSchema),
  ...totals,
})
export type MemberEntries = z.output<typeof memberEntriesSchema>

export const communityRowSchema = z.strictObject({
  communityId: z.string(),
  communityName: z.string(),
  /** The unit's members reported there. */
  members: count,
  /** Of them, those who wrote nothing for the quarter. */
  nothing: count,
  ...totals,
  state: quarterStateSchema.nullable(),
  /** Handed in early: the last day covered (later entries go in the next batch); null: covered whole or not handed in. */
  coveredThrough: isoDate.nullable(),
  handInId: z.string(),
})
export type CommunityRow = z.output<typeof communityRowSchema>

const periodMembers = {
  memberTotal: count,
  nothingTotal: count,
  ...totals,
}

const unitInput = { unitId: id('单位'), year, quarter }

export const servicesContract = {
  /** The member's own entries of a quarter (or the year), the filled-in lines materialised first. */
  mine: action(z.strictObject({ year, quarter: quarter.nullable().default(null) }), myServicesSchema),
  /** The member writes a new entry, or (with entryId) changes a draft or returned one. */
  save: action(
    z.strictObject({
      entryId: id('服务记录').optional(),
      /** Made by the page once per form: a retried or double-tapped save writes one entry. */
      requestId: z.string({ error: '缺少请求编号' }).regex(/^[A-Za-z0-9_-]{8,64}$/, '请求编号不正确'),
      date: dateInput,
      place: text('服务地点', 60, true),
      content: text('服务内容', 300, true),
      kind: z.enum(SERVICE_KINDS, { error: '类别应为社区组织的活动、单位组织的结对社区活动、结对帮扶、需求服务或个人主动服务' }),
      hours: z.number({ error: '服务时长应为数字' }),
      photoFileId: z.string().trim().min(1).max(1024).nullable().default(null),
    }),
    entryViewSchema,
  ),
  remove: action(z.strictObject({ entryId: id('服务记录') }), z.strictObject({ removed: z.boolean() })),
  /** The member's printable 在职党员进社区服务清单 of a quarter or a year. */
  sheet: action(z.strictObject({ year, quarter: quarter.nullable().default(null) }), tableModelSchema),

  /** The unit (secretary, liaison): per community the members reported there, the quarter's entries and its hand-in. */
  unitOverview: action(z.strictObject(unitInput), z.strictObject({ unitName: z.string(), year: z.number(), quarter, quarterEnded: z.boolean(), rows: z.array(communityRowSchema) })),
  /** The unit: one community's members with their entries of the quarter; `nothing`: only who wrote nothing. */
  unitCommunity: action(
    z.strictObject({ ...unitInput, communityId: id('社区'), filter: z.enum(['all', 'nothing']).default('all'), ...paging }),
    pageOf(memberEntriesSchema).extend({ ...periodMembers, quarterStates: quarterStatesSchema, lockedThrough: quarterThroughSchema, communityName: z.string() }),
  ),
  /** The liaison sends an entry back to its member before handing in. */
  returnEntry: action(z.strictObject({ entryId: id('服务记录'), reason }), entryViewSchema),
  /** The liaison hands one or more ended quarters of a year in to the community (the fourth also early, from 12月1日, up to the day). */
  handIn: action(z.strictObject({ unitId: id('单位'), communityId: id('社区'), year, quarters: z.array(quarter).min(1, '请选择要上交的季度').max(4) }), handInViewSchema),

  /** The unit (secretary, liaison) prints one of its members' 服务清单 of a quarter or a year (the entries filed by the unit). */
  unitSheet: action(z.strictObject({ memberId: id('党员'), year, quarter: quarter.nullable().default(null) }), tableModelSchema),

  /** Staff: the community's hand-ins, waiting first. */
  handIns: action(z.strictObject({ communityId: id('社区'), status: z.enum(['waiting', 'returned', 'confirmed']).default('waiting'), ...paging }), pageOf(handInViewSchema)),
  /** Staff: one hand-in with every member's entries of a quarter it covers. */
  handInOpen: action(
    z.strictObject({ handInId: id('上交记录'), quarter, ...paging }),
    pageOf(memberEntriesSchema).extend({ ...periodMembers, handIn: handInViewSchema }),
  ),
  /** Staff print the 服务清单 of a member reported to their community, of a quarter or a year (the entries filed with it). */
  staffSheet: action(z.strictObject({ memberId: id('党员'), year, quarter: quarter.nullable().default(null) }), tableModelSchema),
  /** Staff accept the quarters they saw waiting (`handedInAt`: the latest hand-in shown); a quarter handed in again or returned since is refused. */
  confirm: action(
    z.strictObject({ handInId: id('上交记录'), quarters: z.array(quarter).min(1, '请选择要确认的季度').max(4), handedInAt: dateInput }),
    handInViewSchema,
  ),
  /** Staff send entries back to their members with a reason; the liaison hands in again once they are fixed. */
  returnEntries: action(z.strictObject({ handInId: id('上交记录'), entryIds: z.array(id('服务记录')).min(1, '请选择要退回的记录').max(50, '一次最多退回50条'), reason }), handInViewSchema),
}
