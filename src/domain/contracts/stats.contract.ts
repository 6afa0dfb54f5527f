import { z } from 'zod'
import { action } from './action-contract'
import { count, id, isoDate } from './common'

// `stats`: the unit's report rate (附件3 footer) and the street/district view.

const rate = z.number().min(0).max(1)

/** report-rate.ts's ReportRate. */
const reportRateSchema = z.strictObject({ reported: count, total: count, rate, belowThreshold: z.boolean() })

/** 本单位共有在职党员 N 人（其中居住地在社区的党员 M 人），到社区报到 K 人，领办活动项目 P 个. */
export const unitStatsSchema = z.strictObject({
  unitId: z.string(),
  unitName: z.string(),
  declaredMemberTotal: count,
  declaredResidentTotal: count,
  /** Members on the roster (what the rate counts). */
  memberTotal: count,
  reported: count,
  claimedProjects: count,
  overdue: count,
  rate: reportRateSchema,
  /** Moves the unit has been told of, newest first. */
  notices: z.array(z.strictObject({ text: z.string(), at: isoDate })),
})
export type UnitStats = z.output<typeof unitStatsSchema>

export const districtRowSchema = z.strictObject({
  unitId: z.string(),
  unitName: z.string(),
  memberTotal: count,
  reported: count,
  rate,
  belowThreshold: z.boolean(),
})
export type DistrictRow = z.output<typeof districtRowSchema>

export const districtStatsSchema = z.strictObject({
  scopeName: z.string(),
  rows: z.array(districtRowSchema),
  totals: z.strictObject({ memberTotal: count, reported: count, rate }),
  /** Issue 11 §7: from 12月 the units below 95% carry 报到率低于95%，不得评为年度先进党组织 (unit-year-flag.ts). */
  yearEnd: z.boolean().optional(),
})
export type DistrictStats = z.output<typeof districtStatsSchema>

const tallyCounts = z.strictObject({ memberTotal: z.number().int(), reported: z.number().int(), claimedPosts: z.number().int() })

/** The recount's report: which units' tallies had drifted from the records, and what was set right. */
export const recountResultSchema = z.strictObject({
  units: count,
  drifted: z.array(z.strictObject({ unitId: z.string(), unitName: z.string(), stored: tallyCounts.nullable(), actual: tallyCounts })),
  repaired: count,
  skipped: count,
})
export type RecountResult = z.output<typeof recountResultSchema>

export const statsContract = {
  unit: action(z.object({ unitId: id('单位') }).strict(), unitStatsSchema),
  /** Without a street: the caller's district (district admin) or street (street admin). */
  district: action(z.object({ streetId: id('街道').optional() }).strict(), districtStatsSchema),
  /** The district admin's district, recounted now. */
  recount: action(z.object({}).strict(), recountResultSchema),
}
