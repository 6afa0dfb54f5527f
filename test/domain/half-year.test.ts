import { figuresAsOf, halfEnded, halfInLastWeek, halfKey, halfRange, recentHalves, submitOpen, submitOpensAt } from '../../src/domain/half-year'

// The half-year windows of the 每半年通报, in China time, at every boundary.

const china = (text: string) => new Date(`${text}+08:00`)
const before = (d: Date) => new Date(d.getTime() - 1)

describe('half-year windows', () => {
  it('run from 1月1日 and 7月1日, China time', () => {
    expect(halfRange({ year: 2026, half: 1 })).toEqual({ from: china('2026-01-01T00:00:00'), to: china('2026-07-01T00:00:00') })
    expect(halfRange({ year: 2026, half: 2 })).toEqual({ from: china('2026-07-01T00:00:00'), to: china('2027-01-01T00:00:00') })
    expect(halfKey({ year: 2026, half: 2 })).toBe('2026H2')
  })

  it('end at the first instant of the next half', () => {
    const end = china('2026-07-01T00:00:00')
    expect(halfEnded({ year: 2026, half: 1 }, before(end))).toBe(false)
    expect(halfEnded({ year: 2026, half: 1 }, end)).toBe(true)
  })

  it('open for submission from the first day of the last month', () => {
    expect(submitOpensAt({ year: 2026, half: 1 })).toEqual(china('2026-06-01T00:00:00'))
    expect(submitOpensAt({ year: 2026, half: 2 })).toEqual(china('2026-12-01T00:00:00'))
    expect(submitOpen({ year: 2026, half: 2 }, before(china('2026-12-01T00:00:00')))).toBe(false)
    expect(submitOpen({ year: 2026, half: 2 }, china('2026-12-01T00:00:00'))).toBe(true)
    // Later halves stay open (the year's closing is what ends it).
    expect(submitOpen({ year: 2025, half: 1 }, china('2026-12-04T10:00:00'))).toBe(true)
  })

  it('describe the half at its end, or now while it is under way', () => {
    const now = china('2026-12-04T10:00:00')
    expect(figuresAsOf({ year: 2026, half: 2 }, now)).toEqual(now)
    expect(figuresAsOf({ year: 2026, half: 1 }, now)).toEqual(china('2026-07-01T00:00:00'))
  })

  it('list the current half and those before it, newest first', () => {
    expect(recentHalves(china('2026-12-04T10:00:00'), 3)).toEqual([
      { year: 2026, half: 2 },
      { year: 2026, half: 1 },
      { year: 2025, half: 2 },
    ])
    expect(recentHalves(china('2026-06-30T23:59:59'), 2)).toEqual([
      { year: 2026, half: 1 },
      { year: 2025, half: 2 },
    ])
    expect(recentHalves(china('2026-07-01T00:00:00'), 1)).toEqual([{ year: 2026, half: 2 }])
  })

  it('have a last week for the reminder: June 24–30, December 25–31', () => {
    expect(halfInLastWeek(before(china('2026-06-24T00:00:00')))).toBeNull()
    expect(halfInLastWeek(china('2026-06-24T00:00:00'))).toEqual({ year: 2026, half: 1 })
    expect(halfInLastWeek(china('2026-06-30T23:59:59'))).toEqual({ year: 2026, half: 1 })
    expect(halfInLastWeek(china('2026-07-01T00:00:00'))).toBeNull()
    expect(halfInLastWeek(before(china('2026-12-25T00:00:00')))).toBeNull()
    expect(halfInLastWeek(china('2026-12-25T00:00:00'))).toEqual({ year: 2026, half: 2 })
    expect(halfInLastWeek(china('2026-12-31T23:59:59'))).toEqual({ year: 2026, half: 2 })
  })
})
