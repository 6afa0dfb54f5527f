import { z } from 'zod'
import { EDUCATIONS, GENDERS, mobile, officePhone } from '../member'
import { MIN_CLAIMS } from '../service-catalog'
import { plainText } from '../text'
import { normalizeYearMonth, yearMonth } from '../year-month'
import { cardRef } from './card-ref'
import { id } from './common'

// `report`: community staff scan a 联系证 and record the report (报到);
// the 附件1 registration and the claims; the receipt (回执) for the unit.

export const claimSchema = z.union([
  z.object({ postId: id('服务项目') }).strict(),
  z.object({ custom: plainText('个人自选项目内容', { max: 50, required: true }) }).strict(),
])
export type Claim = z.output<typeof claimSchema>

/** 附件1 西湖区在职党员向社区报到登记表. */
export const registrationSchema = z
  .object({
    gender: z.enum(GENDERS, { error: '性别应为“男”或“女”' }),
    birthMonth: z.preprocess(normalizeYearMonth, yearMonth('出生年月')),
    joinPartyMonth: z.preprocess(normalizeYearMonth, yearMonth('入党时间')),
    education: z.enum(EDUCATIONS, { error: '请选择文化程度' }),
    hobbies: plainText('爱好特长', { max: 100 }).default(''),
    officePhone,
    mobile,
    qq: z.string().trim().regex(/^(\d{5,12})?$/, 'QQ号应为5到12位数字').default(''),
    address: plainText('家庭详址', { max: 100, required: true }),
    jobTitle: plainText('工作职务', { max: 30 }).default(''),
    willingLiaison: z.boolean({ error: '请选择是否愿意担任所领办项目联络员' }),
    // A refinement rather than .min(), so the server can answer with the
    // rule's own code (TOO_FEW_CLAIMS) instead of a generic validation failure.
    claims: z
      .array(claimSchema)
      .max(20, '认领的项目过多')
      .refine((claims) => claims.length >= MIN_CLAIMS, { message: `请至少认领${MIN_CLAIMS}个服务项目`, params: { code: 'TOO_FEW_CLAIMS' } }),
  })
  .strict()
export type Registration = z.output<typeof registrationSchema>

export const reportInput = z.discriminatedUnion('action', [
  /** Staff: who is this card's member, and have they reported? Writes nothing. */
  z.object({ action: z.literal('lookup'), communityId: id('社区'), card: cardRef }).strict(),
  /** Staff: record the report. Idempotent: a second confirm returns the first report. */
  z.object({ action: z.literal('confirm'), communityId: id('社区'), card: cardRef, recordMove: z.boolean().default(false) }).strict(),
  /** Member (self) or staff of the reported community: read or save 附件1 + claims. */
  z.object({ action: z.literal('registration'), memberId: id('党员').optional() }).strict(),
  z.object({ action: z.literal('register'), memberId: id('党员').optional(), form: registrationSchema }).strict(),
  /** The unit's receipt (回执) for one report. */
  z.object({ action: z.literal('receipt'), reportId: id('报到记录') }).strict(),
])
export type ReportInput = z.input<typeof reportInput>

export interface ScannedMember {
  memberId: string
  name: string
  gender: string
  unitName: string
  mobile: string
  residenceCommunityId: string
  residenceCommunityName: string
  /** The member lives in the scanning community. */
  livesHere: boolean
  cardNo: string
  /** Their current report anywhere, if any. */
  report: { reportId: string; communityId: string; communityName: string; reportedAt: string } | null
}

export interface ConfirmResult {
  reportId: string
  /** True when this scan found the report already recorded (nothing written). */
  alreadyReported: boolean
  reportedAt: string
  communityName: string
  memberName: string
  /** Set when the member's previous community kept the history of a move. */
  movedFrom: string | null
}

export interface RegistrationView {
  memberId: string
  name: string
  unitName: string
  communityId: string
  communityName: string
  reported: boolean
  form: Partial<Registration>
  /** The community's catalog to claim from, by category. */
  catalog: Array<{ category: string; categoryName: string; kind: 'community' | 'volunteer' | 'custom'; posts: Array<{ postId: string; name: string; description: string }> }>
}

export interface Receipt {
  reportId: string
  /** "XX同志，系中共党员，于X年X月X日已向我党组织报到。" */
  text: string
  memberName: string
  unitName: string
  communityName: string
  communityPartyOrg: string
  reportedAt: string
  dateText: string
}
