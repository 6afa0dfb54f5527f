import { z } from 'zod'
import { memberPhotoSchema, photoInput } from './member-profile'
import { EDUCATIONS, GENDERS, mobile, officePhone } from '../member'
import { MIN_CLAIMS } from '../service-catalog'
import { plainText } from '../text'
import { normalizeYearMonth, yearMonth } from '../year-month'
import { action } from './action-contract'
import { cardRef } from './card-ref'
import { id, isoDate } from './common'

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

const reportRef = z.strictObject({ reportId: z.string(), communityId: z.string(), communityName: z.string(), reportedAt: isoDate })

export const scannedMemberSchema = z.strictObject({
  memberId: z.string(),
  name: z.string(),
  gender: z.string(),
  unitName: z.string(),
  mobile: z.string(),
  residenceCommunityId: z.string(),
  residenceCommunityName: z.string(),
  /** The member lives in the scanning community. */
  livesHere: z.boolean(),
  cardNo: z.string(),
  /** Their current report anywhere, if any. */
  report: reportRef.nullable(),
})
export type ScannedMember = z.output<typeof scannedMemberSchema>

export const confirmResultSchema = z.strictObject({
  reportId: z.string(),
  /** True when this scan found the report already recorded (nothing written). */
  alreadyReported: z.boolean(),
  reportedAt: isoDate,
  communityName: z.string(),
  memberName: z.string(),
  /** Set when the member's previous community kept the history of a move. */
  movedFrom: z.string().nullable(),
})
export type ConfirmResult = z.output<typeof confirmResultSchema>

/**
 * 附件1's personal fields as text, as stored (server/db/docs.ts RegistrationDoc)
 * and as printed (ledger-tables.ts RegistrationSheet).
 */
export interface RegistrationFields {
  gender: string
  birthMonth: string
  joinPartyMonth: string
  education: string
  hobbies: string
  officePhone: string
  mobile: string
  qq: string
  address: string
  jobTitle: string
}

/** The form as saved (or prefilled from the roster): any field may still be missing. */
const registrationFormSchema = z
  .strictObject({
    gender: z.enum(GENDERS),
    birthMonth: z.string(),
    joinPartyMonth: z.string(),
    education: z.enum(EDUCATIONS),
    hobbies: z.string(),
    officePhone: z.string(),
    mobile: z.string(),
    qq: z.string(),
    address: z.string(),
    jobTitle: z.string(),
    willingLiaison: z.boolean(),
    claims: z.array(claimSchema),
  })
  .partial()

const catalogCategorySchema = z.strictObject({
  category: z.string(),
  categoryName: z.string(),
  kind: z.enum(['community', 'volunteer', 'custom']),
  posts: z.array(z.strictObject({ postId: z.string(), name: z.string(), description: z.string() })),
})

export const registrationViewSchema = z.strictObject({
  memberId: z.string(),
  name: z.string(),
  unitName: z.string(),
  communityId: z.string(),
  communityName: z.string(),
  reported: z.boolean(),
  form: registrationFormSchema,
  /** The community's catalog to claim from, by category. */
  catalog: z.array(catalogCategorySchema),
})
export type RegistrationView = z.output<typeof registrationViewSchema>

export const receiptSchema = z.strictObject({
  reportId: z.string(),
  /** "XX同志，系中共党员，于X年X月X日已向我党组织报到。" */
  text: z.string(),
  memberName: z.string(),
  unitName: z.string(),
  communityName: z.string(),
  communityPartyOrg: z.string(),
  reportedAt: isoDate,
  dateText: z.string(),
})
export type Receipt = z.output<typeof receiptSchema>

const ofMember = { memberId: id('党员').optional() }

export const reportContract = {
  /** Staff: who is this card's member, and have they reported? Writes nothing. */
  lookup: action(z.object({ communityId: id('社区'), card: cardRef }).strict(), scannedMemberSchema),
  /** Staff: record the report. Idempotent: a second confirm returns the first report. */
  confirm: action(z.object({ communityId: id('社区'), card: cardRef, recordMove: z.boolean().default(false) }).strict(), confirmResultSchema),
  /** Member (self, without memberId) or staff of the reported community: read 附件1 + claims. */
  registrationGet: action(z.object(ofMember).strict(), registrationViewSchema),
  /** The same callers save it. */
  registrationSave: action(z.object({ ...ofMember, form: registrationSchema }).strict(), registrationViewSchema),
  /** The unit's receipt (回执) for one report. */
  receipt: action(z.object({ reportId: id('报到记录') }).strict(), receiptSchema),
  /** The member's photo on the registration page: the member themself, or staff of the community (reported to, or lived in). */
  photoGet: action(z.object(ofMember).strict(), memberPhotoSchema),
  /** The same callers set it (the desk takes it at the counter). */
  photoSet: action(z.object({ ...ofMember, ...photoInput }).strict(), memberPhotoSchema),
}
