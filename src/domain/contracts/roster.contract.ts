import { z } from 'zod'
import { memberFieldsSchema, type MemberFields } from '../member'
import { id, isoDate, paging, type Page } from './common'

// `roster`: a unit secretary or liaison keeps the unit's members (附件3).

export const ROSTER_FILTERS = ['all', 'unreported', 'overdue'] as const

export const rosterInput = z.discriminatedUnion('action', [
  z.object({ action: z.literal('list'), unitId: id('单位'), filter: z.enum(ROSTER_FILTERS).default('all'), ...paging }).strict(),
  /** One member's full record, to edit it: the unit's secretary or liaison only. */
  z.object({ action: z.literal('get'), unitId: id('单位'), memberId: id('党员') }).strict(),
  /**
   * The communities a member's 居住社区 may be chosen from. With `unitId`: every
   * community of that unit's district (its secretary or liaison only). Without:
   * the caller's own scope (staff: their community; street admin: the street's;
   * district admin: the district's; secretary, liaison: their units' districts).
   */
  z.object({ action: z.literal('communities'), unitId: id('单位').optional() }).strict(),
  z
    .object({
      action: z.literal('import'),
      unitId: id('单位'),
      /** The .xlsx or .csv file the caller uploaded to cloud storage (uploads/spreadsheet/<their user id>/…). */
      fileID: z.string().trim().min(1, '请先上传名册文件').max(1024),
      /** 'check' only validates; 'commit' writes. */
      mode: z.enum(['check', 'commit']),
      /** With errors present, commit writes the valid rows only when this is true. */
      onlyValid: z.boolean().default(false),
    })
    .strict(),
  z
    .object({
      action: z.literal('save'),
      unitId: id('单位'),
      memberId: id('党员').optional(),
      fields: memberFieldsSchema,
      /** When the member joined the unit; the one-month reporting deadline runs from it. */
      joinedUnitAt: isoDate.optional(),
    })
    .strict(),
  /** A one-time 绑定码 for a member who cannot bind with WeChat's phone number: the unit's secretary only. */
  z.object({ action: z.literal('bindingCode'), unitId: id('单位'), memberId: id('党员') }).strict(),
  z
    .object({
      action: z.literal('setTotals'),
      unitId: id('单位'),
      declaredMemberTotal: z.number().int().min(0).max(100000),
      declaredResidentTotal: z.number().int().min(0).max(100000),
    })
    .strict(),
])
export type RosterInput = z.input<typeof rosterInput>

export interface RosterRow {
  memberId: string
  name: string
  gender: string
  /** Masked unless the reader may see it (DESIGN.md §6). */
  mobile: string
  jobTitle: string
  communityName: string
  reportedAt: string | null
  reportedCommunityName: string | null
  dueAt: string
  overdue: boolean
  cardNo: string | null
  cardStatus: 'active' | 'revoked' | null
  /** The member's active report, whose receipt (回执) the unit may open; null when not reported. */
  reportId: string | null
}
export type RosterList = Page<RosterRow>

/** `get`: every roster field of one member, unmasked (only the unit's secretary and liaison read it). */
export interface RosterMember extends MemberFields {
  memberId: string
  /** Name of `communityId`, for a residence outside the choices `communities` offers. */
  communityName: string
  /** When the member joined the unit (ISO); null on records from before it was kept. */
  joinedUnitAt: string | null
}

/** `bindingCode`: shown to the secretary once, to hand to the member; only its hash is kept. */
export interface BindingCodeIssued {
  memberName: string
  /** As printed: "K7QM-3XPA". */
  code: string
  expiresAt: string
}

/** `communities`: one community to choose as 居住社区, shown as "街道 · 社区". */
export interface CommunityChoice {
  communityId: string
  name: string
  streetName: string
}

export interface RosterImportRowError {
  /** Spreadsheet row number as the user sees it (header is row 1). */
  row: number
  messages: string[]
}

export interface RosterImportResult {
  rows: number
  valid: number
  errors: RosterImportRowError[]
  /** Written only in commit mode. */
  created: number
  updated: number
  committed: boolean
}

/** The spreadsheet's headers: 附件3 columns plus 居住社区 and 工作职务. */
export const ROSTER_COLUMNS = ['姓名', '性别', '出生年月', '入党时间', '文化程度', '专业特长', '办公电话', '手机', '居住社区', '工作职务'] as const
