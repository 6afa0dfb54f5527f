import { formatRate, reportRate } from '../../src/domain/report-rate'
import { isReportOverdue, reportDueAt } from '../../src/domain/report-deadline'

describe('report rate', () => {
  it('is reported over total, with the 95% line', () => {
    expect(reportRate(19, 20)).toEqual({ reported: 19, total: 20, rate: 0.95, belowThreshold: false })
    expect(reportRate(2849, 3000).belowThreshold).toBe(true)
    expect(reportRate(2850, 3000).belowThreshold).toBe(false)
    expect(reportRate(0, 0)).toEqual({ reported: 0, total: 0, rate: 0, belowThreshold: false })
    expect(formatRate(2 / 3)).toBe('66.7%')
  })
})

describe('the one-month reporting deadline', () => {
  it('falls one calendar month after joining, in China time', () => {
    expect(reportDueAt(new Date('2026-01-31T02:00:00Z')).toISOString()).toBe('2026-02-28T15:59:59.999Z')
    const joined = new Date('2026-10-10T01:00:00Z')
    expect(isReportOverdue(joined, null, new Date('2026-11-10T10:00:00Z'))).toBe(false)
    expect(isReportOverdue(joined, null, new Date('2026-11-11T00:00:00Z'))).toBe(true)
    expect(isReportOverdue(joined, new Date('2026-11-20T00:00:00Z'), new Date('2026-11-22T00:00:00Z'))).toBe(false)
  })
})
