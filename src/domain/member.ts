import { z } from 'zod'
import { MOBILE_PATTERN } from './mobile'
import { plainText } from './text'
import { normalizeYearMonth, yearMonth, yearMonthOf } from './year-month'

// A member's record: the columns of 附件3 (单位汇总表) plus 居住社区 and
// 工作职务, and the extra fields of 附件1 (报到登记表). No ID-card number: the
// system never asks for one and never stores one.

export const GENDERS = ['男', '女'] as const
export const EDUCATIONS = ['博士研究生', '硕士研究生', '大学本科', '大学专科', '中专', '高中', '初中及以下'] as const
export type Gender = (typeof GENDERS)[number]
export type Education = (typeof EDUCATIONS)[number]

export const officePhone = z
  .string()
  .trim()
  .regex(/^(0\d{2,3}-?)?\d{7,8}(-\d{1,6})?$|^$/, '办公电话格式不正确，如 0571-87654321')
  .optional()
  .default('')

export const mobile = z.string().trim().regex(MOBILE_PATTERN, '手机号码格式不正确，应为11位手机号')

/** The roster fields a unit keeps for each member (附件3 + 居住社区 + 工作职务). */
export const memberFieldsSchema = z.object({
  name: plainText('姓名', { max: 20, required: true }),
  gender: z.enum(GENDERS, { error: '性别应为“男”或“女”' }),
  birthMonth: z.preprocess(normalizeYearMonth, yearMonth('出生年月')),
  joinPartyMonth: z.preprocess(normalizeYearMonth, yearMonth('入党时间')),
  education: z.enum(EDUCATIONS, { error: `文化程度应为：${EDUCATIONS.join('、')}` }),
  specialty: plainText('专业特长', { max: 50 }).optional().default(''),
  officePhone,
  mobile,
  communityId: z.string().min(1, '请选择居住社区'),
  jobTitle: plainText('工作职务', { max: 30 }).optional().default(''),
})

export type MemberFields = z.output<typeof memberFieldsSchema>

/** Rules that need today's date: nobody is born, or joins the party, in the future. */
export function checkMemberDates(fields: Pick<MemberFields, 'birthMonth' | 'joinPartyMonth'>, now: Date): string[] {
  const thisMonth = yearMonthOf(now)
  const problems: string[] = []
  if (fields.birthMonth > thisMonth) problems.push('出生年月不能晚于当前月份')
  if (fields.joinPartyMonth > thisMonth) problems.push('入党时间不能晚于当前月份')
  if (fields.joinPartyMonth < fields.birthMonth) problems.push('入党时间不能早于出生年月')
  return problems
}
