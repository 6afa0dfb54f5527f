import { AppError } from '../../src/domain/errors'
import {
  assertEditable,
  collectingQuarter,
  confirmOverdueBefore,
  handInStatus,
  hoursFromMinutes,
  lateQuarter,
  planEntry,
  planHandIn,
  type EntryFacts,
} from '../../src/domain/service-entry-rules'

// The 服务清单 rules at each boundary: the day, the quarter's hand-in, the
// hours (step, sign, 24 a day), what is editable, when a quarter may be
// handed in, and when each reminder is due.

const at = (iso: string) => new Date(`${iso}+08:00`)
const codeOf = (body: () => unknown) => {
  try {
    body()
  } catch (error) {
    return (error as AppError).code
  }
  return 'ok'
}
const facts = (over: Partial<EntryFacts> = {}): EntryFacts => ({ date: at('2026-05-10T00:00:00'), hours: 2, now: at('2026-05-10T20:00:00'), otherHoursThatDay: 0, quarterStates: {}, ...over })

describe('planEntry', () => {
  it('files the entry under its China day, year and quarter', () => {
    expect(planEntry(facts({ date: new Date('2026-03-31T16:30:00Z'), now: at('2026-05-01T00:00:00') }))).toEqual({ date: at('2026-04-01T00:00:00'), year: 2026, quarter: 2, hours: 2 })
  })
  it('takes today, refuses tomorrow', () => {
    expect(codeOf(() => planEntry(facts({ date: at('2026-05-10T23:59:00') })))).toBe('ok')
    expect(codeOf(() => planEntry(facts({ date: at('2026-05-11T00:00:00') })))).toBe('SERVICE_DATE_FUTURE')
  })
  it('refuses a quarter handed in or confirmed, takes a returned one', () => {
    expect(codeOf(() => planEntry(facts({ quarterStates: { 2: 'handedIn' } })))).toBe('SERVICE_QUARTER_HANDED_IN')
    expect(codeOf(() => planEntry(facts({ quarterStates: { 2: 'confirmed' } })))).toBe('SERVICE_QUARTER_HANDED_IN')
    expect(codeOf(() => planEntry(facts({ quarterStates: { 2: 'returned', 1: 'confirmed' } })))).toBe('ok')
  })
  it('hours: above 0, in half hours', () => {
    for (const hours of [0, -0.5, -2, 0.3, 1.25, Number.NaN, Number.POSITIVE_INFINITY]) expect(codeOf(() => planEntry(facts({ hours })))).toBe('SERVICE_HOURS_INVALID')
    for (const hours of [0.5, 1, 7.5, 24]) expect(codeOf(() => planEntry(facts({ hours })))).toBe('ok')
  })
  it('at most 24 hours in a day, with the member’s other entries', () => {
    expect(codeOf(() => planEntry(facts({ hours: 4, otherHoursThatDay: 20 })))).toBe('ok')
    expect(codeOf(() => planEntry(facts({ hours: 4.5, otherHoursThatDay: 20 })))).toBe('SERVICE_DAY_OVER_24')
    expect(codeOf(() => planEntry(facts({ hours: 24.5 })))).toBe('SERVICE_DAY_OVER_24')
  })
})

it('only drafts and returned entries are editable', () => {
  expect(codeOf(() => assertEditable('draft'))).toBe('ok')
  expect(codeOf(() => assertEditable('returned'))).toBe('ok')
  expect(codeOf(() => assertEditable('handedIn'))).toBe('SERVICE_ENTRY_LOCKED')
  expect(codeOf(() => assertEditable('confirmed'))).toBe('SERVICE_ENTRY_LOCKED')
})

it('credits hours to the nearest half hour, at least half an hour', () => {
  expect([0, 1, 14, 15, 44, 45, 60, 100, 105].map(hoursFromMinutes)).toEqual([0, 0.5, 0.5, 0.5, 0.5, 1, 1, 1.5, 2])
})

describe('planHandIn', () => {
  const base = { year: 2026, quarters: [1, 2, 3] as Array<1 | 2 | 3 | 4>, now: at('2026-10-01T00:00:00'), quarterStates: {}, unfixedReturns: 0 }
  it('hands in several ended quarters at once, in order', () => {
    expect(planHandIn({ ...base, quarters: [3, 1, 2, 1] })).toEqual([1, 2, 3])
  })
  it('refuses a quarter not yet ended (the first instant after it is fine)', () => {
    expect(codeOf(() => planHandIn({ ...base, now: at('2026-09-30T23:59:59') }))).toBe('SERVICE_QUARTER_NOT_ENDED')
  })
  it('refuses a quarter handed in or confirmed; a returned one is handed in again', () => {
    expect(codeOf(() => planHandIn({ ...base, quarterStates: { 2: 'handedIn' } }))).toBe('SERVICE_QUARTER_HANDED_IN')
    expect(codeOf(() => planHandIn({ ...base, quarterStates: { 1: 'confirmed' } }))).toBe('SERVICE_QUARTER_HANDED_IN')
    expect(codeOf(() => planHandIn({ ...base, quarterStates: { 1: 'returned' } }))).toBe('ok')
  })
  it('waits while a returned entry is unfixed', () => {
    expect(codeOf(() => planHandIn({ ...base, unfixedReturns: 1 }))).toBe('SERVICE_RETURNS_PENDING')
  })
  it('derives the hand-in’s state', () => {
    expect(handInStatus({ 1: 'confirmed', 2: 'handedIn', 3: 'returned' })).toBe('waiting')
    expect(handInStatus({ 1: 'confirmed', 3: 'returned' })).toBe('returned')
    expect(handInStatus({ 1: 'confirmed' })).toBe('confirmed')
  })
})

describe('reminder windows', () => {
  it('collecting: the quarter’s last 7 days', () => {
    expect(collectingQuarter(at('2026-09-23T23:59:59'))).toBeNull()
    expect(collectingQuarter(at('2026-09-24T00:00:00'))).toEqual({ year: 2026, quarter: 3 })
    expect(collectingQuarter(at('2026-09-30T23:59:59'))).toEqual({ year: 2026, quarter: 3 })
    expect(collectingQuarter(at('2026-10-01T00:00:00'))).toBeNull()
  })
  it('late: 15 days after the previous quarter’s end, across a year', () => {
    expect(lateQuarter(at('2026-10-15T23:59:59'))).toBeNull()
    expect(lateQuarter(at('2026-10-16T00:00:00'))).toEqual({ year: 2026, quarter: 3 })
    expect(lateQuarter(at('2027-01-16T00:00:00'))).toEqual({ year: 2026, quarter: 4 })
  })
  it('confirm: waiting since more than 7 days', () => {
    expect(confirmOverdueBefore(at('2026-07-25T09:00:00'))).toEqual(at('2026-07-18T09:00:00'))
  })
})
