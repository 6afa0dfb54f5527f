import { activeAt, activeKey, endedKey, mirrorOpensTo, overlapsYear, pairedCommunityIds, pairedKeysAt, unitPairedAt, yearBounds, type PairingTerm } from '../../src/domain/pairing'
import { summaryRows, type SummaryTerm } from '../../src/domain/pairing-summary'

// 结对共建 rules: which terms apply to a member, when a term is active, which
// year it belongs to (China time), and how 附件4 rows are made.

const at = (text: string) => new Date(text)
const term = (over: Partial<PairingTerm> = {}): PairingTerm => ({ unitId: 'u1', branchId: null, communityId: 'c1', startedAt: at('2026-03-01T00:00:00+08:00'), endedAt: null, ...over })

it('a community’s mirror holds each active term once, by unit or branch, and opens an activity to exactly their members', () => {
  const now = at('2026-06-01T00:00:00+08:00')
  const terms = [term(), term({ branchId: 'b2' }), term({ unitId: 'u3', endedAt: at('2026-05-01T00:00:00+08:00') }), term({ unitId: 'u4', startedAt: at('2026-07-01T00:00:00+08:00') })]
  const keys = pairedKeysAt(terms, now)
  expect(keys).toEqual(['unit:u1', 'branch:b2'])
  expect(mirrorOpensTo(keys, { unitId: 'u1', branchId: null })).toBe(true)
  expect(mirrorOpensTo(keys, { unitId: 'u3' })).toBe(false)
  expect(mirrorOpensTo(['branch:b2'], { unitId: 'u1', branchId: 'b2' })).toBe(true)
  expect(mirrorOpensTo(['branch:b2'], { unitId: 'u1', branchId: 'b1' })).toBe(false)
  expect(mirrorOpensTo(['branch:b2'], { unitId: 'u1', branchId: null })).toBe(false)
  expect(mirrorOpensTo([], { unitId: 'u1', branchId: 'b2' })).toBe(false)
})

it('a unit-wide term applies to every member of the unit; a branch’s only to that branch', () => {
  const terms = [term(), term({ branchId: 'b2', communityId: 'c2' }), term({ unitId: 'u2', communityId: 'c3' })]
  const now = at('2026-06-01T00:00:00+08:00')
  expect(pairedCommunityIds(terms, { unitId: 'u1', branchId: null }, now)).toEqual(['c1'])
  expect(pairedCommunityIds(terms, { unitId: 'u1', branchId: 'b2' }, now)).toEqual(['c1', 'c2'])
  expect(pairedCommunityIds(terms, { unitId: 'u1', branchId: 'b1' }, now)).toEqual(['c1'])
  // Before it starts and from the moment it ends, a term is not active.
  expect(pairedCommunityIds(terms, { unitId: 'u1', branchId: null }, at('2026-02-28T23:59:59+08:00'))).toEqual([])
  const ended = term({ endedAt: at('2026-05-01T00:00:00+08:00') })
  expect([activeAt(ended, at('2026-04-30T23:59:59+08:00')), activeAt(ended, at('2026-05-01T00:00:00+08:00'))]).toEqual([true, false])
  // The organiser's rule: any term of the unit with the community, a branch's too.
  expect(unitPairedAt([term({ branchId: 'b2' })], 'u1', 'c1', now)).toBe(true)
  expect(unitPairedAt([term()], 'u2', 'c1', now)).toBe(false)
})

it('keys: one active key per unit, branch and community; an ended term’s key never collides with it', () => {
  expect(activeKey(term())).toBe('u1:*:c1')
  expect(activeKey(term({ branchId: 'b2' }))).toBe('u1:b2:c1')
  expect(endedKey('p1')).not.toBe(activeKey(term()))
})

it('years are China years: a term ending at midnight on 1 January China time is not in the new year', () => {
  expect(yearBounds(2026).start.toISOString()).toBe('2025-12-31T16:00:00.000Z')
  const endsAtNewYear = term({ startedAt: at('2025-05-01T00:00:00+08:00'), endedAt: at('2026-01-01T00:00:00+08:00') })
  expect([overlapsYear(endsAtNewYear, 2025), overlapsYear(endsAtNewYear, 2026)]).toEqual([true, false])
  expect(overlapsYear(term({ startedAt: at('2027-01-01T00:00:00+08:00') }), 2026)).toBe(false)
})

it('附件4: one row per unit and community, activities in date order, branches and term changes in 备注', () => {
  const named = (over: Partial<SummaryTerm>): SummaryTerm => ({ ...term(), unitName: '区教育局', partyOrgName: '', branchName: null, communityName: '曙光社区', streetName: '甲街道', note: '', ...over })
  const terms = [
    named({ branchId: 'b1', branchName: '第一支部', startedAt: at('2025-06-01T00:00:00+08:00') }),
    named({ branchId: 'b2', branchName: '第二支部', startedAt: at('2025-06-01T00:00:00+08:00'), endedAt: at('2026-09-30T12:00:00+08:00') }),
    named({ unitId: 'u0', unitName: '区财政局', partyOrgName: '区财政局机关党委', communityId: 'c2', communityName: '古荡社区', note: '共建文明社区' }),
  ]
  const activities = [
    { unitId: 'u1', communityId: 'c1', title: '政策宣讲', startAt: at('2026-05-02T09:00:00+08:00') },
    { unitId: 'u1', communityId: 'c1', title: '环境整治', startAt: at('2026-03-10T09:00:00+08:00') },
    { unitId: 'u1', communityId: 'c2', title: '不是结对社区的', startAt: at('2026-03-10T09:00:00+08:00') },
  ]
  expect(summaryRows(terms, activities, 2026)).toEqual([
    expect.objectContaining({ partyOrgName: '区财政局机关党委', communityName: '古荡社区', activities: '', activityCount: 0, remark: '3月1日起结对；共建文明社区' }),
    expect.objectContaining({ partyOrgName: '区教育局', communityName: '曙光社区', activities: '3月10日 环境整治；5月2日 政策宣讲', activityCount: 2, remark: '结对支部：第一支部、第二支部；9月30日结束结对' }),
  ])
  expect(summaryRows(terms, activities, 2024)).toEqual([])
})
