import { z } from 'zod'
import { CORRECTION_ANSWER_MAX, CORRECTION_FIELDS, CORRECTION_TEXT_MAX } from '../corrections'
import { plainText } from '../text'
import { action } from './action-contract'
import { count, id, isoDate, pageOf, paging } from './common'

// `corrections` (issue 11 §3, 000 §二.(一)): the unit's secretary or liaison
// checks what the community holds about a member — 个人专长, 认领服务项目, the
// photo, an activity record — and raises a correction request; the staff of
// the community the member reported to fix it (with the existing pages) or
// answer why not. Also the unit's view of its members for the check: who has
// no photo, and each one's 一句话承诺.

const year = z.number({ error: '年度应为数字' }).int('年度应为整数').min(2000, '年度不正确').max(2100, '年度不正确')

export const correctionViewSchema = z.strictObject({
  correctionId: z.string(),
  memberId: z.string(),
  memberName: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  communityId: z.string(),
  communityName: z.string(),
  field: z.enum(CORRECTION_FIELDS),
  /** The activity named by an 活动记录 request, with its title as it was then. */
  activityId: z.string().nullable(),
  activityTitle: z.string().nullable(),
  text: z.string(),
  status: z.enum(['open', 'fixed', 'declined']),
  answer: z.string().nullable(),
  raisedByName: z.string(),
  raisedAt: isoDate,
  resolvedByName: z.string().nullable(),
  resolvedAt: isoDate.nullable(),
})
export type CorrectionView = z.output<typeof correctionViewSchema>

export const correctionCountsSchema = z.strictObject({ open: count, fixed: count, declined: count })
export type CorrectionCounts = z.output<typeof correctionCountsSchema>

export const correctionListSchema = pageOf(correctionViewSchema).extend({ counts: correctionCountsSchema })
export type CorrectionList = z.output<typeof correctionListSchema>

/** What the community holds now on the field a request is about. */
export const heldValueSchema = z.strictObject({
  /** Lines of text (the 爱好特长, each claimed post, each activity record); empty when nothing is held. */
  lines: z.array(z.string()),
  /** The photo's temporary link (a photo request), '' when there is none. */
  photoUrl: z.string(),
})

export const correctionDetailSchema = z.strictObject({
  correction: correctionViewSchema,
  held: heldValueSchema,
})
export type CorrectionDetail = z.output<typeof correctionDetailSchema>

export const unitMemberRowSchema = z.strictObject({
  memberId: z.string(),
  name: z.string(),
  /** Where the member reported; null when not yet. */
  reportedCommunityName: z.string().nullable(),
  hasPhoto: z.boolean(),
  /** A temporary link to the photo, '' when none. */
  photoUrl: z.string(),
  /** The 一句话承诺 for the year asked, null when none. */
  pledge: z.string().nullable(),
})
export type UnitMemberRow = z.output<typeof unitMemberRowSchema>

export const unitMembersSchema = pageOf(unitMemberRowSchema).extend({
  /** The unit's members in all, and how many have no photo. */
  members: count,
  missingPhoto: count,
})
export type UnitMembers = z.output<typeof unitMembersSchema>

const listStatus = z.enum(['open', 'resolved', 'all'], { error: '状态应为待处理、已处理或全部' }).default('open')

export const correctionsContract = {
  /** The unit's secretary or liaison: a request about one of the unit's members; the open one again when it exists. */
  raise: action(
    z.strictObject({
      memberId: id('党员'),
      field: z.enum(CORRECTION_FIELDS, { error: '核对内容应为个人专长、认领服务项目、照片或活动记录' }),
      activityId: id('活动').optional(),
      text: plainText('核对意见', { max: CORRECTION_TEXT_MAX, required: true, multiline: true }),
    }),
    correctionViewSchema,
  ),
  /** The unit's requests, newest first, with counts by status. */
  unitList: action(z.strictObject({ unitId: id('单位'), status: listStatus, ...paging }), correctionListSchema),
  /** The unit's members by name for the check: a name search, only those without a photo, each one's pledge for `year`. */
  unitMembers: action(
    z.strictObject({ unitId: id('单位'), q: plainText('姓名', { max: 20 }).optional().default(''), missingPhoto: z.boolean().default(false), year, ...paging }),
    unitMembersSchema,
  ),
  /** Community staff: the requests about members reported there, newest first, with counts by status. */
  list: action(z.strictObject({ communityId: id('社区'), status: listStatus, ...paging }), correctionListSchema),
  /** Community staff: one request with what the community holds now. */
  get: action(z.strictObject({ correctionId: id('核对请求') }), correctionDetailSchema),
  /** Community staff: 已更正 (the data was fixed on its own page) or 不予更正 with the reason. */
  resolve: action(
    z.strictObject({
      correctionId: id('核对请求'),
      outcome: z.enum(['fixed', 'declined'], { error: '处理结果应为已更正或不予更正' }),
      answer: plainText('答复', { max: CORRECTION_ANSWER_MAX, multiline: true }).optional().default(''),
    }).refine((input) => input.outcome !== 'declined' || input.answer !== '', {
      path: ['answer'],
      message: '不予更正时请说明原因',
      params: { code: 'CORRECTION_ANSWER_REQUIRED' },
    }),
    correctionViewSchema,
  ),
}
