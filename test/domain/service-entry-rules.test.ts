import { AppError } from '../../src/domain/errors'
import {
  assertEditable,
  assertPrefilledEdit,
  collectingQuarter,
  dateLocked,
  earliestEntryDay,
  handInCover,
  handedInThroughLabel,
  newRequestId,
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

describe('the fourth quarter handed in early (from 12月1日, up to the day)', () => {
  const q4 = { year: 2026, quarter: 4 as const }
  it('covers an ended quarter whole, the fourth from 12月1日 up to the hand-in day, nothing else before its end', () => {
    expect(handInCover({ year: 2026, quarter: 3 }, at('2026-10-01T00:00:00'))).toEqual(at('2026-09-30T00:00:00'))
    expect(handInCover({ year: 2026, quarter: 3 }, at('2026-09-30T23:59:59'))).toBeNull()
    expect(handInCover(q4, at('2026-11-30T23:59:59'))).toBeNull()
    expect(handInCover(q4, at('2026-12-01T00:00:00'))).toEqual(at('2026-12-01T00:00:00'))
    expect(handInCover(q4, at('2026-12-05T18:00:00'))).toEqual(at('2026-12-05T00:00:00'))
    expect(handInCover(q4, at('2027-01-01T00:00:00'))).toEqual(at('2026-12-31T00:00:00'))
  })
  it('plans an early hand-in, then a later batch, refusing one that covers nothing new', () => {
    const base = { year: 2026, quarters: [4] as Array<4>, unfixedReturns: 0 }
    expect(codeOf(() => planHandIn({ ...base, now: at('2026-11-30T23:59:59'), quarterStates: {} }))).toBe('SERVICE_QUARTER_NOT_ENDED')
    expect(planHandIn({ ...base, now: at('2026-12-01T08:00:00'), quarterStates: {} })).toEqual([4])
    const handed = { quarterStates: { 4: 'handedIn' as const }, lockedThrough: { 4: at('2026-12-05T00:00:00') } }
    expect(codeOf(() => planHandIn({ ...base, now: at('2026-12-05T23:00:00'), ...handed }))).toBe('SERVICE_QUARTER_HANDED_IN')
    expect(planHandIn({ ...base, now: at('2026-12-06T00:00:00'), ...handed })).toEqual([4])
    expect(planHandIn({ ...base, now: at('2026-12-20T00:00:00'), quarterStates: { 4: 'confirmed' }, lockedThrough: handed.lockedThrough })).toEqual([4])
    // Covered whole (no last day): a quarter handed in after its end is done.
    expect(codeOf(() => planHandIn({ ...base, now: at('2027-01-05T00:00:00'), quarterStates: { 4: 'handedIn' } }))).toBe('SERVICE_QUARTER_HANDED_IN')
  })
  it('locks an entry dated on or before the last hand-in day, not after', () => {
    const states = { 4: 'handedIn' as const }
    const through = { 4: at('2026-12-05T00:00:00') }
    expect(dateLocked(at('2026-12-05T23:59:00'), states, through)).toBe(true)
    expect(dateLocked(at('2026-12-06T00:00:00'), states, through)).toBe(false)
    expect(dateLocked(at('2026-12-06T00:00:00'), states)).toBe(true)
    expect(dateLocked(at('2026-12-06T00:00:00'), { 4: 'returned' })).toBe(false)
    expect(codeOf(() => planEntry(facts({ date: at('2026-12-05T00:00:00'), now: at('2026-12-07T00:00:00'), quarterStates: states, lockedThrough: through })))).toBe('SERVICE_QUARTER_HANDED_IN')
    expect(codeOf(() => planEntry(facts({ date: at('2026-12-06T00:00:00'), now: at('2026-12-07T00:00:00'), quarterStates: states, lockedThrough: through })))).toBe('ok')
    expect(handedInThroughLabel(through[4])).toBe('已上交至12月5日')
  })
})

describe('the earliest date', () => {
  it('is the first day of the previous year, and not before the member reported', () => {
    expect(earliestEntryDay(at('2026-12-04T10:00:00'))).toEqual(at('2025-01-01T00:00:00'))
    expect(codeOf(() => planEntry(facts({ date: at('2024-12-31T23:59:00') })))).toBe('SERVICE_DATE_TOO_EARLY')
    expect(codeOf(() => planEntry(facts({ date: at('2025-01-01T00:00:00') })))).toBe('ok')
    expect(codeOf(() => planEntry(facts({ date: at('2026-03-31T00:00:00'), reportedAt: at('2026-04-01T09:00:00') })))).toBe('SERVICE_DATE_TOO_EARLY')
    expect(codeOf(() => planEntry(facts({ date: at('2026-04-01T00:00:00'), reportedAt: at('2026-04-01T09:00:00') })))).toBe('ok')
  })
})

describe('filled-in lines', () => {
  const line = { date: at('2026-05-10T00:00:00'), kind: 'community' as const, hours: 2, place: '社区', content: '义诊' }
  it('an activity’s or a need’s date, kind and hours stay; place and content may change', () => {
    for (const source of ['attendance', 'need'] as const) {
      expect(codeOf(() => assertPrefilledEdit({ ...line, source }, { ...line, place: '卫生站', content: '社区义诊' }))).toBe('ok')
      expect(codeOf(() => assertPrefilledEdit({ ...line, source }, { ...line, hours: 2.5 }))).toBe('SERVICE_ENTRY_PREFILLED')
      expect(codeOf(() => assertPrefilledEdit({ ...line, source }, { ...line, kind: 'own' }))).toBe('SERVICE_ENTRY_PREFILLED')
      expect(codeOf(() => assertPrefilledEdit({ ...line, source }, { ...line, date: at('2026-05-11T00:00:00') }))).toBe('SERVICE_ENTRY_PREFILLED')
      // The same China day at another hour is the same date.
      expect(codeOf(() => assertPrefilledEdit({ ...line, source }, { ...line, date: at('2026-05-10T18:00:00') }))).toBe('ok')
    }
  })
  it('a visit’s hours alone', () => {
    const visit = { ...line, kind: 'pairing' as const, source: 'visit' as const }
    expect(codeOf(() => assertPrefilledEdit(visit, { ...visit, hours: 3 }))).toBe('ok')
    expect(codeOf(() => assertPrefilledEdit(visit, { ...visit, content: '别的' }))).toBe('SERVICE_ENTRY_PREFILLED')
    expect(codeOf(() => assertPrefilledEdit(visit, { ...visit, place: '别处' }))).toBe('SERVICE_ENTRY_PREFILLED')
    expect(codeOf(() => assertPrefilledEdit(visit, { ...visit, date: at('2026-05-09T00:00:00') }))).toBe('SERVICE_ENTRY_PREFILLED')
  })
})

it('makes request ids the contract accepts, different each time', () => {
  const a = newRequestId()
  expect(a).toMatch(/^[A-Za-z0-9_-]{8,64}$/)
  expect(newRequestId(() => 0, 0)).toMatch(/^[A-Za-z0-9_-]{8,64}$/)
  expect(newRequestId()).not.toBe(a)
})
