import type { EvaluationFacts } from '../../src/domain/evaluation-facts'
import { EVALUATION_THRESHOLDS as T, proposeRating, totalServiceHours } from '../../src/domain/evaluation-rule'
import { advancedBarred, yearEnded } from '../../src/domain/unit-year-flag'
import { reportRate } from '../../src/domain/report-rate'

// The proposed rating at each of its thresholds: one step below, at, above.

/** A member who meets everything for 好 by exactly the thresholds. */
const good = (over: Partial<EvaluationFacts> = {}): EvaluationFacts => ({
  reported: true,
  reportedAt: '2026-03-01T00:00:00.000Z',
  claimedPosts: T.claimedPosts,
  communityActivities: T.communityActivities,
  unitActivities: T.unitActivities,
  activityHours: 8,
  serviceHours: T.serviceHours - 8,
  serviceEntries: 2,
  needsCompleted: 0,
  needRatingMean: null,
  pairingVisits: 0,
  pledge: null,
  ...over,
})

const nothing: Partial<EvaluationFacts> = { communityActivities: 0, unitActivities: 0, activityHours: 0, serviceEntries: 0, serviceHours: 0, needsCompleted: 0, pairingVisits: 0 }

describe('proposeRating', () => {
  it('rates 好 exactly at every threshold', () => {
    expect(proposeRating(good()).rating).toBe('好')
  })

  it('差: not reported, whatever else', () => {
    expect(proposeRating(good({ reported: false, reportedAt: null }))).toEqual({ rating: '差', reasons: ['未到社区报到'] })
  })

  it('差: nothing at all in the year; any one thing lifts it', () => {
    expect(proposeRating(good({ ...nothing, claimedPosts: 5 })).rating).toBe('差')
    expect(proposeRating(good({ ...nothing, communityActivities: 1 })).rating).toBe('一般')
    expect(proposeRating(good({ ...nothing, unitActivities: 1 })).rating).toBe('一般')
    expect(proposeRating(good({ ...nothing, serviceEntries: 1, serviceHours: 2 })).rating).toBe('一般')
    expect(proposeRating(good({ ...nothing, needsCompleted: 1 })).rating).toBe('一般')
    expect(proposeRating(good({ ...nothing, pairingVisits: 1 })).rating).toBe('一般')
  })

  it.each([
    ['claimedPosts', T.claimedPosts],
    ['communityActivities', T.communityActivities],
    ['unitActivities', T.unitActivities],
  ] as const)('一般 one below the basic %s (%i), 好 at it', (field, min) => {
    const below = proposeRating(good({ [field]: min - 1 }))
    expect(below.rating).toBe('一般')
    expect(below.reasons.some((r) => r.includes(`少于${min}`))).toBe(true)
    expect(proposeRating(good({ [field]: min })).rating).toBe('好')
    expect(proposeRating(good({ [field]: min + 1 })).rating).toBe('好')
  })

  it('较好 below the service hours (19.9) and entries (5); 好 at 20 hours or at 6 entries', () => {
    expect(proposeRating(good({ activityHours: 8, serviceHours: 11.9, serviceEntries: T.serviceEntries - 1 })).rating).toBe('较好')
    expect(proposeRating(good({ activityHours: 8, serviceHours: 12, serviceEntries: T.serviceEntries - 1 })).rating).toBe('好')
    expect(proposeRating(good({ activityHours: 0, serviceHours: 0, serviceEntries: T.serviceEntries })).rating).toBe('好')
    expect(proposeRating(good({ activityHours: 0, serviceHours: 0, serviceEntries: T.serviceEntries - 1 })).rating).toBe('较好')
  })

  it('adds activity and 服务清单 hours to the tenth (no float drift at the line)', () => {
    expect(totalServiceHours({ activityHours: 19.7, serviceHours: 0.3 })).toBe(20)
    expect(proposeRating(good({ activityHours: 19.7, serviceHours: 0.3, serviceEntries: 0 })).rating).toBe('好')
  })

  it('residents’ mean rating: 3.9 → 较好, 4 → 好, none rated → not held against', () => {
    expect(proposeRating(good({ needsCompleted: 2, needRatingMean: 3.9 })).rating).toBe('较好')
    expect(proposeRating(good({ needsCompleted: 2, needRatingMean: 3.9 })).reasons).toContain('居民评价平均3.9分，低于4分')
    expect(proposeRating(good({ needsCompleted: 2, needRatingMean: T.needRatingMean })).rating).toBe('好')
    expect(proposeRating(good({ needsCompleted: 2, needRatingMean: null })).rating).toBe('好')
  })

  it('the pledge judged broken → 较好; kept or not judged → 好', () => {
    expect(proposeRating(good({ pledge: '每月义务理发' }), false)).toMatchObject({ rating: '较好' })
    expect(proposeRating(good({ pledge: '每月义务理发' }), false).reasons).toContain('一句话承诺未兑现')
    expect(proposeRating(good({ pledge: '每月义务理发' }), true).rating).toBe('好')
    expect(proposeRating(good({ pledge: '每月义务理发' }), null).rating).toBe('好')
  })

  it('a broken pledge does not lower 一般 further', () => {
    expect(proposeRating(good({ claimedPosts: 1 }), false).rating).toBe('一般')
  })
})

describe('the unit year flag (报到率低于95%，不得评为年度先进党组织)', () => {
  const dec = new Date('2026-12-01T00:00:00+08:00')
  const nov = new Date('2026-11-30T23:59:00+08:00')

  it('the year ends from 12月 of the year; past years have ended', () => {
    expect(yearEnded(2026, nov)).toBe(false)
    expect(yearEnded(2026, dec)).toBe(true)
    expect(yearEnded(2025, nov)).toBe(true)
    expect(yearEnded(2027, dec)).toBe(false)
  })

  it('flags 94.9% at year end, not 95%, not before December', () => {
    expect(advancedBarred(reportRate(949, 1000), 2026, dec)).toBe(true)
    expect(advancedBarred(reportRate(950, 1000), 2026, dec)).toBe(false)
    expect(advancedBarred(reportRate(949, 1000), 2026, nov)).toBe(false)
    expect(advancedBarred(reportRate(0, 0), 2026, dec)).toBe(false)
  })
})
