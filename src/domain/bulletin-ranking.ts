import { compareChinese } from './chinese-order'
import { REPORT_RATE_THRESHOLD, reportRate } from './report-rate'

// The district-wide bulletin ranks units by report rate (002 §四.3, §四.4):
// highest first, equal rates in name order (pinyin), and equal rates share a
// rank (1, 1, 3). The 95% line falls after the last unit at or above it.

export interface UnitRate {
  unitId: string
  unitName: string
  memberTotal: number
  reported: number
}

export interface RankedUnit extends UnitRate {
  rank: number
  rate: number
  belowThreshold: boolean
}

export function rankByRate(units: readonly UnitRate[]): RankedUnit[] {
  const rated = units.map((u) => {
    const r = reportRate(u.reported, u.memberTotal)
    return { ...u, rate: r.rate, belowThreshold: r.belowThreshold, rank: 0 }
  })
  rated.sort((a, b) => b.rate - a.rate || compareChinese(a.unitName, b.unitName) || (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0))
  rated.forEach((u, i) => {
    u.rank = i > 0 && rated[i - 1]!.rate === u.rate ? rated[i - 1]!.rank : i + 1
  })
  return rated
}

/** How many ranked units stand at or above the 95% line (the line is drawn after them). */
export function aboveLineCount(ranked: readonly RankedUnit[]): number {
  return ranked.filter((u) => u.memberTotal > 0 && u.rate >= REPORT_RATE_THRESHOLD).length
}
