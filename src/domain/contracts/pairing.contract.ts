import { z } from 'zod'
import { plainText } from '../text'
import { action } from './action-contract'
import { count, id, isoDate } from './common'

// `pairing` (issue 9 §1, 附件4): 结对共建 — a unit, or one of its branches (支部),
// pairs with communities. The street (its communities) or the district records
// and ends a pairing; the unit and the community both see it; 附件4 sums up a year.

export const PAIRING_STATUSES = ['active', 'ended'] as const

export const pairingViewSchema = z.strictObject({
  pairingId: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  /** The unit's 单位党组织名称 (its name when none is recorded). */
  partyOrgName: z.string(),
  /** Null: the whole unit pairs. */
  branchId: z.string().nullable(),
  branchName: z.string().nullable(),
  communityId: z.string(),
  communityName: z.string(),
  streetName: z.string(),
  status: z.enum(PAIRING_STATUSES),
  startedAt: isoDate,
  endedAt: isoDate.nullable(),
  note: z.string(),
  endReason: z.string().nullable(),
})
export type PairingView = z.output<typeof pairingViewSchema>

const branchSchema = z.strictObject({ branchId: z.string(), name: z.string(), members: count })

/** What a street or district admin pairs: the district's units with their branches, and the communities they manage. */
export const pairingChoicesSchema = z.strictObject({
  units: z.array(z.strictObject({ unitId: z.string(), name: z.string(), branches: z.array(branchSchema) })),
  communities: z.array(z.strictObject({ communityId: z.string(), name: z.string(), streetName: z.string() })),
})
export type PairingChoices = z.output<typeof pairingChoicesSchema>

export const summaryRowSchema = z.strictObject({
  unitId: z.string(),
  partyOrgName: z.string(),
  communityId: z.string(),
  communityName: z.string(),
  streetName: z.string(),
  activities: z.string(),
  activityCount: count,
  remark: z.string(),
})

/** 附件4 西湖区单位党组织与社区结对联系服务群众情况汇总表 for one year. */
export const pairingSummarySchema = z.strictObject({
  year: z.number().int(),
  /** 填报单位: the unit, the street or the district. */
  filedBy: z.string(),
  rows: z.array(summaryRowSchema),
})
export type PairingSummary = z.output<typeof pairingSummarySchema>

const year = z.number({ error: '年份应为数字' }).int('年份应为整数').min(2000, '年份超出范围').max(2100, '年份超出范围')

export const pairingContract = {
  /** Pairings the caller sees, active first: a unit's secretary or liaison, their unit's; staff, their community's; street and district, their communities'. Ended ones are kept as history. */
  list: action(
    z.strictObject({ unitId: id('单位').optional(), communityId: id('社区').optional(), status: z.enum(PAIRING_STATUSES).optional() }),
    z.array(pairingViewSchema),
  ),
  /** The street or district admin's pickers. */
  choices: action(z.strictObject({}), pairingChoicesSchema),
  /** Records a pairing (the whole unit, or one branch) with a community. */
  create: action(
    z.strictObject({ unitId: id('单位'), branchId: id('支部').nullable().default(null), communityId: id('社区'), note: plainText('备注', { max: 60 }).default('') }),
    pairingViewSchema,
  ),
  /** Ends a pairing; it stays in the history with the reason. */
  end: action(z.strictObject({ pairingId: id('结对'), reason: plainText('结束原因', { max: 60, required: true }) }), pairingViewSchema),
  /** 附件4 for a year: one unit (its secretary, liaison, street or district), or every pairing the street or district sees. */
  summary: action(z.strictObject({ unitId: id('单位').optional(), year: year.optional() }), pairingSummarySchema),
}
