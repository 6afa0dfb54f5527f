import { activityKeyOf, planRaise, planResolve } from '../../src/domain/corrections'
import { checkPledgeYear, pledgeId, pledgeText, PLEDGE_MAX_CHARS } from '../../src/domain/pledge'

const code = (fn: () => unknown) => {
  try {
    fn()
  } catch (error) {
    return (error as { code: string }).code
  }
  return 'none'
}

describe('planRaise', () => {
  const base = { field: 'claims' as const, activityId: null, reportedCommunityId: 'c1', open: null }
  it('refuses a member who has not reported', () => expect(code(() => planRaise({ ...base, reportedCommunityId: null }))).toBe('NOT_REPORTED'))
  it('returns the open request again', () => expect(planRaise({ ...base, open: { _id: 'x' } })).toEqual({ kind: 'existing', correctionId: 'x' }))
  it('goes to the reported community; only an activity request names an activity', () => {
    expect(planRaise(base)).toEqual({ kind: 'new', communityId: 'c1', activityKey: '' })
    expect(planRaise({ ...base, field: 'activity', activityId: 'a1' })).toEqual({ kind: 'new', communityId: 'c1', activityKey: 'a1' })
    expect(code(() => planRaise({ ...base, activityId: 'a1' }))).toBe('VALIDATION_FAILED')
  })
  it('keys an activity only for activity requests', () => {
    expect(activityKeyOf('activity', null)).toBe('')
    expect(activityKeyOf('photo', 'a1')).toBe('')
  })
})

describe('planResolve', () => {
  it('resolves an open request only', () => {
    expect(code(() => planResolve('fixed', 'fixed', ''))).toBe('CORRECTION_RESOLVED')
    expect(code(() => planResolve('declined', 'declined', '原因'))).toBe('CORRECTION_RESOLVED')
  })
  it('needs a reason to decline; a fix may say nothing', () => {
    expect(code(() => planResolve('open', 'declined', '  '))).toBe('CORRECTION_ANSWER_REQUIRED')
    expect(planResolve('open', 'declined', ' 没有依据 ')).toEqual({ status: 'declined', answer: '没有依据' })
    expect(planResolve('open', 'fixed', '')).toEqual({ status: 'fixed', answer: '已按核对意见更正' })
  })
})

describe('一句话承诺', () => {
  it('is one line of at most 40 characters', () => {
    expect(pledgeText.safeParse('理'.repeat(PLEDGE_MAX_CHARS)).success).toBe(true)
    expect(pledgeText.safeParse('理'.repeat(PLEDGE_MAX_CHARS + 1)).success).toBe(false)
    expect(pledgeText.safeParse('').success).toBe(false)
    expect(pledgeText.safeParse('一\n二').success).toBe(false)
  })
  it('may be written up to next year, not before 2013', () => {
    expect(code(() => checkPledgeYear(2027, 2026))).toBe('none')
    expect(code(() => checkPledgeYear(2028, 2026))).toBe('PLEDGE_YEAR_INVALID')
    expect(code(() => checkPledgeYear(2013, 2026))).toBe('none')
    expect(code(() => checkPledgeYear(2012, 2026))).toBe('PLEDGE_YEAR_INVALID')
    expect(pledgeId('m1', 2026)).toBe('m1:2026')
  })
})
