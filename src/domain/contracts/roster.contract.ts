import { z } from 'zod'
import { memberPhotoSchema, photoInput } from './member-profile'
import { EDUCATIONS, GENDERS, memberFieldsSchema } from '../member'
import { action } from './action-contract'
import { plainText } from '../text'
import { count, dateInput, id, isoDate, pageOf, paging } from './common'

// `roster`: a unit secretary or liaison keeps the unit's members (附件3).

/** 所在支部, as the roster and the editor give it. */
export const branchName = plainText('所在支部', { max: 30 })

export const ROSTER_FILTERS = ['all', 'unreported', 'overdue'] as const

export const rosterRowSchema = z.strictObject({
  memberId: z.string(),
  name: z.string(),
  gender: z.string(),
  /** Masked unless the reader may see it (DESIGN.md §6). */
  mobile: z.string(),
  jobTitle: z.string(),
  communityName: z.string(),
  /** 所在支部; empty when the member belongs to none. */
  branchName: z.string(),
  reportedAt: isoDate.nullable(),
  reportedCommunityName: z.string().nullable(),
  dueAt: isoDate,
  overdue: z.boolean(),
  cardNo: z.string().nullable(),
  cardStatus: z.enum(['active', 'revoked']).nullable(),
  /** The member's active report, whose receipt (回执) the unit may open; null when not reported. */
  reportId: z.string().nullable(),
})
export type RosterRow = z.output<typeof rosterRowSchema>

export const rosterListSchema = pageOf(rosterRowSchema)
export type RosterList = z.output<typeof rosterListSchema>

/** `get`: every roster field of one member, unmasked (only the unit's secretary and liaison read it). */
export const rosterMemberSchema = z.strictObject({
  memberId: z.string(),
  name: z.string(),
  gender: z.enum(GENDERS),
  birthMonth: z.string(),
  joinPartyMonth: z.string(),
  education: z.enum(EDUCATIONS),
  specialty: z.string(),
  officePhone: z.string(),
  mobile: z.string(),
  communityId: z.string(),
  jobTitle: z.string(),
  /** Name of `communityId`, for a residence outside the choices `communities` offers. */
  communityName: z.string(),
  /** When the member joined the unit (ISO); null on records from before it was kept. */
  joinedUnitAt: isoDate.nullable(),
  /** 所在支部; empty when none. */
  branchName: z.string(),
})
export type RosterMember = z.output<typeof rosterMemberSchema>

/** `communities`: one community to choose as 居住社区, shown as "街道 · 社区". */
export const communityChoiceSchema = z.strictObject({ communityId: z.string(), name: z.string(), streetName: z.string() })
export type CommunityChoice = z.output<typeof communityChoiceSchema>

export const rosterImportRowErrorSchema = z.strictObject({
  /** Spreadsheet row number as the user sees it (header is row 1). */
  row: z.number().int(),
  messages: z.array(z.string()),
})
export type RosterImportRowError = z.output<typeof rosterImportRowErrorSchema>

export const rosterImportResultSchema = z.strictObject({
  rows: count,
  valid: count,
  errors: z.array(rosterImportRowErrorSchema),
  /** Written only in commit mode. */
  created: count,
  updated: count,
  committed: z.boolean(),
})
export type RosterImportResult = z.output<typeof rosterImportResultSchema>

/** `bindingCode`: shown to the secretary once, to hand to the member; only its hash is kept. */
export const bindingCodeIssuedSchema = z.strictObject({
  memberName: z.string(),
  /** As printed: "K7QM-3XPA". */
  code: z.string(),
  expiresAt: isoDate,
})
export type BindingCodeIssued = z.output<typeof bindingCodeIssuedSchema>

export const unitTotalsSchema = z.strictObject({
  declaredMemberTotal: z.number().int().min(0).max(100000),
  declaredResidentTotal: z.number().int().min(0).max(100000),
})

export const rosterContract = {
  list: action(z.object({ unitId: id('单位'), filter: z.enum(ROSTER_FILTERS).default('all'), ...paging }).strict(), rosterListSchema),
  /** One member's full record, to edit it: the unit's secretary or liaison only. */
  get: action(z.object({ unitId: id('单位'), memberId: id('党员') }).strict(), rosterMemberSchema),
  /**
   * The communities a member's 居住社区 may be chosen from. With `unitId`: every
   * community of that unit's district (its secretary or liaison only). Without:
   * the caller's own scope (staff: their community; street admin: the street's;
   * district admin: the district's; secretary, liaison: their units' districts).
   */
  communities: action(z.object({ unitId: id('单位').optional() }).strict(), z.array(communityChoiceSchema)),
  import: action(
    z
      .object({
        unitId: id('单位'),
        /** The .xlsx or .csv file the caller uploaded to cloud storage (uploads/spreadsheet/<their user id>/…). */
        fileID: z.string().trim().min(1, '请先上传名册文件').max(1024),
        /** 'check' only validates; 'commit' writes. */
        mode: z.enum(['check', 'commit']),
        /** With errors present, commit writes the valid rows only when this is true. */
        onlyValid: z.boolean().default(false),
      })
      .strict(),
    rosterImportResultSchema,
  ),
  save: action(
    z
      .object({
        unitId: id('单位'),
        memberId: id('党员').optional(),
        fields: memberFieldsSchema,
        /** When the member joined the unit; the one-month reporting deadline runs from it. */
        joinedUnitAt: dateInput.optional(),
        /** 所在支部 by name, created on first use; '' for none; absent: unchanged. */
        branchName: branchName.optional(),
      })
      .strict(),
    rosterRowSchema,
  ),
  /** Takes a member off the unit's roster (left the unit): their reports stay as history. */
  remove: action(z.object({ unitId: id('单位'), memberId: id('党员') }).strict(), z.strictObject({ memberId: z.string(), removed: z.literal(true) })),
  /** A one-time 绑定码 for a member who cannot bind with WeChat's phone number: the unit's secretary only. */
  bindingCode: action(z.object({ unitId: id('单位'), memberId: id('党员') }).strict(), bindingCodeIssuedSchema),
  setTotals: action(z.object({ unitId: id('单位') }).extend(unitTotalsSchema.shape).strict(), unitTotalsSchema),
  /** The unit hands the member's photo (报到党员照片) to the community: set from the roster row. */
  photoSet: action(z.strictObject({ unitId: id('单位'), memberId: id('党员'), ...photoInput }), memberPhotoSchema),
}

/** The spreadsheet's headers: 附件3 columns plus 居住社区 and 工作职务. */
export const ROSTER_COLUMNS = ['姓名', '性别', '出生年月', '入党时间', '文化程度', '专业特长', '办公电话', '手机', '居住社区', '工作职务'] as const

/** Headers a roster may have: 所在支部 names the member's party branch (created on first use). */
export const OPTIONAL_ROSTER_COLUMNS = ['所在支部'] as const
