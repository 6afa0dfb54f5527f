import { z } from 'zod'
import { ACTIVITY_STATUSES, ORGANISER_KINDS } from '../activity-status'
import { action } from './action-contract'
import { count, id, isoDate, paging, pageOf } from './common'

// `participation` (issue 9 §5, §6): who took part, as those who answer for it
// see it. A unit's secretary and liaison: each member's year against the rule
// and the activities the unit's members attended; the community: its 附件2
// 在职党员参与社区服务活动情况登记表; the 区志愿者工作指导中心: the members who
// chose each 志愿专业服务 item, across the district.

const year = { year: z.number({ error: '年份应为数字' }).int('年份应为整数').min(2000, '年份超出范围').max(2100, '年份超出范围').optional() }

export const memberYearRowSchema = z.strictObject({
  memberId: z.string(),
  memberName: z.string(),
  /** Where the member lives (the roster's community). */
  communityName: z.string(),
  community: count,
  unit: count,
  communityShort: count,
  unitShort: count,
  short: z.boolean(),
})
export type MemberYearRow = z.output<typeof memberYearRowSchema>

export const unitMembersSchema = pageOf(memberYearRowSchema).extend({
  year: z.number().int(),
  required: count,
  /** The unit's members, and how many of them are short of the rule: over the whole unit, whatever the page. */
  memberTotal: count,
  shortTotal: count,
})

export const unitActivityRowSchema = z.strictObject({
  activityId: z.string(),
  title: z.string(),
  organiserKind: z.enum(ORGANISER_KINDS),
  communityName: z.string(),
  startAt: isoDate,
  endAt: isoDate,
  status: z.enum(ACTIVITY_STATUSES),
  /** The unit's members who attended it. */
  attended: count,
})

/** One row of 附件2, its columns in the form's order. */
export const registerRowSchema = z.strictObject({
  /** 序号 */
  index: count,
  memberId: z.string(),
  /** 姓名, 性别, 出生年月 */
  name: z.string(),
  gender: z.string(),
  birthMonth: z.string(),
  /** 工作单位及职务 */
  unitAndTitle: z.string(),
  /** 家庭住址 */
  address: z.string(),
  /** 联系电话: masked unless the reader may see it (member-visibility.ts). */
  mobile: z.string(),
  /** 领办项目 */
  claimedItems: z.string(),
  /** 服务情况登记汇总: one line per activity attended here that year, its date and content. */
  services: z.array(z.string()),
  /** 综合评价 (好、较好、一般、差): the yearly evaluation fills it; null until then. */
  evaluation: z.string().nullable(),
})
export type RegisterRow = z.output<typeof registerRowSchema>

export const registerSchema = z.strictObject({ year: z.number().int(), communityName: z.string(), rows: z.array(registerRowSchema) })

export const volunteerRowSchema = z.strictObject({
  memberId: z.string(),
  memberName: z.string(),
  communityName: z.string(),
  unitName: z.string(),
  /** 有何爱好特长 (附件1). */
  specialty: z.string(),
})

export const volunteerItemSchema = z.strictObject({
  item: z.string(),
  description: z.string(),
  members: count,
})

const unitInput = { unitId: id('单位'), ...year }

export const participationContract = {
  /** Secretary, liaison: each member's year against the rule; `short` lists only those short of it. */
  unitMembers: action(z.strictObject({ ...unitInput, filter: z.enum(['all', 'short'], { error: '筛选条件不正确' }).default('all'), ...paging }), unitMembersSchema),
  /** Secretary, liaison: the activities the unit's members attended this year, latest first, with how many of them. */
  unitActivities: action(z.strictObject({ ...unitInput, ...paging }), pageOf(unitActivityRowSchema).extend({ year: z.number().int() })),
  /** Community staff: 附件2 for a year, every member reported here. */
  register: action(z.strictObject({ communityId: id('社区'), ...year }), registerSchema),
  /** The volunteer centre: each 志愿专业服务 item and how many of the district's reported members chose it. */
  volunteerItems: action(z.strictObject({}), z.array(volunteerItemSchema)),
  /** The volunteer centre: the members who chose one item, by community. */
  volunteers: action(z.strictObject({ item: z.string().trim().min(1, '缺少志愿专业服务项目').max(20, '没有这个志愿专业服务项目'), ...paging }), pageOf(volunteerRowSchema)),
}
