import { z } from 'zod'
import type { ReportRate } from '../report-rate'
import { id } from './common'

// `stats`: the unit's report rate (附件3 footer) and the street/district view.

export const statsInput = z.discriminatedUnion('action', [
  z.object({ action: z.literal('unit'), unitId: id('单位') }).strict(),
  z.object({ action: z.literal('district'), streetId: id('街道').optional() }).strict(),
])
export type StatsInput = z.input<typeof statsInput>

/** 本单位共有在职党员 N 人（其中居住地在社区的党员 M 人），到社区报到 K 人，领办活动项目 P 个. */
export interface UnitStats {
  unitId: string
  unitName: string
  declaredMemberTotal: number
  declaredResidentTotal: number
  /** Members on the roster (what the rate counts). */
  memberTotal: number
  reported: number
  claimedProjects: number
  overdue: number
  rate: ReportRate
  /** Moves the unit has been told of, newest first. */
  notices: Array<{ text: string; at: string }>
}

export interface DistrictRow {
  unitId: string
  unitName: string
  memberTotal: number
  reported: number
  rate: number
  belowThreshold: boolean
}

export interface DistrictStats {
  scopeName: string
  rows: DistrictRow[]
  totals: { memberTotal: number; reported: number; rate: number }
}
