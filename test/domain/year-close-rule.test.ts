import { autoCloseAt, autoCloseDue, canCloseYear, closeDateLabel, DEFAULT_CLOSE_DATE, isValidCloseDate } from '../../src/domain/year-close-rule'

// Closing a year: only after 12月31日 (China time); the timer on the district's date.

const china = (text: string) => new Date(`${text}+08:00`)
const before = (d: Date) => new Date(d.getTime() - 1)

it('closes a year only once 12月31日 has passed, China time', () => {
  const newYear = china('2027-01-01T00:00:00')
  expect(canCloseYear(2026, before(newYear))).toBe(false)
  expect(canCloseYear(2026, newYear)).toBe(true)
  // 2026-12-31T16:00Z is already 1月1日 in China.
  expect(canCloseYear(2026, new Date('2026-12-31T16:00:00Z'))).toBe(true)
  expect(canCloseYear(2027, newYear)).toBe(false)
})

it('takes dates that exist every year', () => {
  expect(isValidCloseDate({ month: 1, day: 31 })).toBe(true)
  expect(isValidCloseDate({ month: 2, day: 28 })).toBe(true)
  expect(isValidCloseDate({ month: 2, day: 29 })).toBe(false)
  expect(isValidCloseDate({ month: 4, day: 31 })).toBe(false)
  expect(isValidCloseDate({ month: 12, day: 31 })).toBe(true)
  expect(isValidCloseDate({ month: 13, day: 1 })).toBe(false)
  expect(isValidCloseDate({ month: 0, day: 1 })).toBe(false)
  expect(isValidCloseDate({ month: 3, day: 0 })).toBe(false)
  expect(isValidCloseDate({ month: 3.5, day: 1 })).toBe(false)
})

it('lets the timer close the previous year from the set day on (1月31日 by default)', () => {
  expect(DEFAULT_CLOSE_DATE).toEqual({ month: 1, day: 31 })
  expect(closeDateLabel(DEFAULT_CLOSE_DATE)).toBe('1月31日')
  const day = china('2027-01-31T00:00:00')
  expect(autoCloseAt(2026, DEFAULT_CLOSE_DATE)).toEqual(day)
  expect(autoCloseDue(before(day), DEFAULT_CLOSE_DATE)).toEqual({ year: 2026, due: false })
  expect(autoCloseDue(day, DEFAULT_CLOSE_DATE)).toEqual({ year: 2026, due: true })
  expect(autoCloseDue(china('2027-12-31T23:00:00'), DEFAULT_CLOSE_DATE)).toEqual({ year: 2026, due: true })
  expect(autoCloseDue(china('2027-02-14T02:00:00'), { month: 2, day: 15 })).toEqual({ year: 2026, due: false })
  expect(autoCloseDue(china('2027-02-15T02:00:00'), { month: 2, day: 15 })).toEqual({ year: 2026, due: true })
  // On 1月1日 the year just ended is the one in question, and it waits for its date.
  expect(autoCloseDue(china('2027-01-01T02:00:00'), DEFAULT_CLOSE_DATE)).toEqual({ year: 2026, due: false })
})
