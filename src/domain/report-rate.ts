// 在职党员到社区报到率 = 报到党员数 / 单位党员总数 (西组〔2013〕2号 §四.4).
// A unit below 95% cannot, as a rule, be rated 年度先进党组织.

export const REPORT_RATE_THRESHOLD = 0.95

export interface ReportRate {
  reported: number
  total: number
  /** 0..1; 0 for a unit with no members. */
  rate: number
  belowThreshold: boolean
}

export function reportRate(reported: number, total: number): ReportRate {
  const rate = total > 0 ? Math.min(reported / total, 1) : 0
  return { reported, total, rate, belowThreshold: total > 0 && rate < REPORT_RATE_THRESHOLD }
}

/** 96.7% style, for tables and charts. */
export function formatRate(rate: number): string {
  return `${(Math.round(rate * 1000) / 10).toFixed(1)}%`
}
