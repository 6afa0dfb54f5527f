import { z } from 'zod'
import { mobile } from '../member'
import { MAX_NEED_PHOTOS, MAX_RATING, NEED_STATES, URGENCIES } from '../need-rules'
import { plainText } from '../text'
import { action } from './action-contract'
import { count, dateInput, id, isoDate, pageOf, paging } from './common'

// `needs` (issue 10 §1, §3, §4, §9): residents submit service needs, staff
// accept and assign them or publish them on the 微心愿 wall, members serve
// them and record their hours, residents rate them.

export const NEED_CONTENT_MAX = 500
/** Submitted by the resident, entered at the desk or from a call, or converted from a 征集记录. */
export const NEED_CHANNELS = ['self', 'desk', 'phone', 'record'] as const
export type NeedChannel = (typeof NEED_CHANNELS)[number]
export const OVERDUE_FILTERS = ['any', 'yellow', 'red'] as const

const photos = (label: string) =>
  z
    .array(z.string({ error: `${label}不正确` }).trim().min(1, `${label}不正确`).max(1000, `${label}不正确`), { error: `${label}应为列表` })
    .max(MAX_NEED_PHOTOS, `最多上传${MAX_NEED_PHOTOS}张照片`)
    .default([])

const needId = { needId: id('需求') }

/** What a need says, whoever enters it. */
const needFields = {
  /** A post of the community's catalog; null = 其他. */
  postId: id('需求类别').nullable(),
  content: plainText('需求内容', { max: NEED_CONTENT_MAX, required: true, multiline: true }),
  address: plainText('服务地址', { max: 100, required: true }),
  contactName: plainText('联系人', { max: 20, required: true }),
  mobile,
  suitableTime: plainText('方便的时间', { max: 40 }).default(''),
  urgency: z.enum(URGENCIES, { error: '请选择紧急程度（一般或紧急）' }).default('normal'),
  photos: photos('照片'),
}
export type NeedFields = z.output<z.ZodObject<typeof needFields>>

const historyEntrySchema = z.strictObject({ event: z.string(), from: z.enum(NEED_STATES).nullable(), to: z.enum(NEED_STATES), byName: z.string(), byRole: z.enum(['resident', 'staff', 'member']), at: isoDate, note: z.string() })

export const needRowSchema = z.strictObject({
  needId: z.string(),
  communityId: z.string(),
  postId: z.string().nullable(),
  categoryName: z.string(),
  content: z.string(),
  /** Masked unless the reader may see it (need-privacy.ts). */
  address: z.string(),
  contactName: z.string(),
  mobile: z.string(),
  suitableTime: z.string(),
  urgency: z.enum(URGENCIES),
  channel: z.enum(NEED_CHANNELS),
  state: z.enum(NEED_STATES),
  overdue: z.enum(['none', 'yellow', 'red']),
  yellowAt: isoDate.nullable(),
  submittedAt: isoDate,
  assignedMemberId: z.string().nullable(),
  assignedMemberName: z.string().nullable(),
  hours: z.number().nullable(),
  rating: z.number().nullable(),
})
export type NeedRow = z.output<typeof needRowSchema>

export const needDetailSchema = needRowSchema.extend({
  /** Temporary links to the photos. */
  photos: z.array(z.string()),
  additions: z.array(z.strictObject({ text: z.string(), at: isoDate })),
  rejectReason: z.string().nullable(),
  mergedInto: z.string().nullable(),
  completion: z.strictObject({ what: z.string(), doneAt: isoDate, hours: z.number(), photos: z.array(z.string()) }).nullable(),
  comment: z.string().nullable(),
  history: z.array(historyEntrySchema),
  /** What the reader may do now (the client offers only these). */
  can: z.array(z.string()),
})
export type NeedDetail = z.output<typeof needDetailSchema>

export const suggestionSchema = z.strictObject({
  memberId: z.string(),
  name: z.string(),
  unitName: z.string(),
  reason: z.enum(['post', 'skill', 'none']),
  openAssignments: count,
})
export type NeedSuggestion = z.output<typeof suggestionSchema>

const hourLimit = (label: string, max: number) =>
  z.number({ error: `${label}应为数字` }).int(`${label}应为整数小时`).min(1, `${label}至少1小时`).max(max, `${label}不能超过${max}小时`)

export const deadlinesSchema = z.strictObject({
  acceptHours: hourLimit('受理时限', 720),
  acceptHoursUrgent: hourLimit('紧急需求受理时限', 720),
  finishHours: hourLimit('办结时限', 2160),
  finishHoursUrgent: hourLimit('紧急需求办结时限', 2160),
})

export const serviceYearSchema = z.strictObject({
  year: z.number().int(),
  needs: count,
  hours: z.number(),
  rows: z.array(z.strictObject({ needId: z.string(), categoryName: z.string(), what: z.string(), doneAt: isoDate, hours: z.number(), rating: z.number().nullable() })),
})
export type ServiceYear = z.output<typeof serviceYearSchema>

const hours = z
  .number({ error: '服务时长应为数字' })
  .refine((n) => Number.isFinite(n) && n > 0 && n <= 24, '服务时长应在0.5至24小时之间')
  .refine((n) => Number.isInteger(n * 2), '服务时长以0.5小时为单位')

const rowPage = pageOf(needRowSchema)

export const needsContract = {
  /** A resident: a need in their community. */
  submit: action(z.strictObject(needFields), needDetailSchema),
  /** Staff: a need for a resident who came to the desk or phoned. */
  enter: action(z.strictObject({ communityId: id('社区'), channel: z.enum(['desk', 'phone'], { error: '请选择来源（窗口或电话）' }), ...needFields }), needDetailSchema),
  addInfo: action(z.strictObject({ ...needId, text: plainText('补充说明', { max: 200, required: true, multiline: true }) }), needDetailSchema),
  withdraw: action(z.strictObject(needId), needDetailSchema),
  accept: action(z.strictObject(needId), needDetailSchema),
  reject: action(z.strictObject({ ...needId, reason: plainText('不予受理的原因', { max: 100, required: true }) }), needDetailSchema),
  merge: action(z.strictObject({ ...needId, intoNeedId: id('合并到的需求') }), needDetailSchema),
  /** Staff: whom to assign, best first. */
  suggest: action(z.strictObject(needId), z.array(suggestionSchema)),
  assign: action(z.strictObject({ ...needId, memberId: id('党员') }), needDetailSchema),
  /** Staff: onto the community's 微心愿 wall. */
  publish: action(z.strictObject(needId), needDetailSchema),
  /** A member: claim a wish from the wall. */
  claim: action(z.strictObject(needId), needDetailSchema),
  decline: action(z.strictObject({ ...needId, reason: plainText('退回原因', { max: 100, required: true }) }), needDetailSchema),
  complete: action(
    z.strictObject({ ...needId, what: plainText('服务内容', { max: 300, required: true, multiline: true }), doneAt: dateInput, hours, photos: photos('服务照片') }),
    needDetailSchema,
  ),
  rate: action(
    z.strictObject({
      ...needId,
      rating: z.number({ error: '请选择评分' }).int('评分应为1到5的整数').min(1, '评分应为1到5的整数').max(MAX_RATING, '评分应为1到5的整数'),
      comment: plainText('评价', { max: 200, multiline: true }).default(''),
    }),
    needDetailSchema,
  ),
  /** Staff: a completed need left unrated for 7 days. */
  close: action(z.strictObject(needId), needDetailSchema),
  get: action(z.strictObject(needId), needDetailSchema),
  /** A resident: their own needs, newest first. */
  mine: action(z.strictObject({ ...paging }), rowPage),
  /** Staff: the community's needs by state, newest first; filtered by overdue, the longest overdue first. */
  list: action(
    z.strictObject({ communityId: id('社区'), state: z.enum(NEED_STATES).optional(), overdue: z.enum(OVERDUE_FILTERS).optional(), ...paging }),
    rowPage,
  ),
  /** A member: the 微心愿 wall of the community they live in (contact details masked). */
  wall: action(z.strictObject({ ...paging }), rowPage),
  /** A member: needs assigned to them or claimed by them, open ones first. */
  assignments: action(z.strictObject({ done: z.boolean().default(false), ...paging }), rowPage),
  /** A member: needs they completed in a year, with hours (their 服务清单). */
  myService: action(z.strictObject({ year: z.number().int().min(2000).max(2100).optional() }), serviceYearSchema),
  deadlines: action(z.strictObject({ communityId: id('社区') }), deadlinesSchema),
  setDeadlines: action(z.strictObject({ communityId: id('社区'), ...deadlinesSchema.shape }), deadlinesSchema),
}
