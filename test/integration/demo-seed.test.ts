import type { MemberDoc, ReportDoc } from '../../server/db/docs'
import { scanAll } from '../../server/db/read'
import { seedIfEmpty } from '../../local/seed/seed'
import { openHarness, type Harness } from './support/bridge-client'

// The demo city as `npm start` seeds it: cards for everyone, about 70%
// reported with two claims each, some units above the 95% line, some below.
// demo-staff-N is staff of the N-th community, demo-secretary-N of unit-N,
// demo-member-N is member-N.

let h: Harness
beforeAll(async () => {
  h = await openHarness({ seed: async (db) => void (await seedIfEmpty(db)) })
}, 120_000)
afterAll(() => h.close())

it('has meaningful rates: some units above 95%, some below, about 70% overall', async () => {
  const district = await h.asUser('demo-district').ok('stats', { action: 'district' })
  expect(district.rows).toHaveLength(20)
  expect(district.totals.memberTotal).toBe(600)
  expect(district.totals.rate).toBeGreaterThan(0.6)
  expect(district.totals.rate).toBeLessThan(0.8)
  expect(district.rows.filter((r) => !r.belowThreshold).length).toBe(6)
  expect(district.rows.filter((r) => r.belowThreshold).length).toBe(14)

  const first = await h.asUser('demo-secretary-1').ok('stats', { action: 'unit', unitId: 'unit-01' })
  expect(first).toMatchObject({ memberTotal: 30, reported: 30, claimedProjects: 60, rate: { rate: 1, belowThreshold: false } })
})

it('keeps each member\'s mirrors consistent with cards and reports', async () => {
  const members = await scanAll<MemberDoc>(h.db, 'members')
  const reports = await scanAll<ReportDoc>(h.db, 'reports', { status: 'active' })
  const byMember = new Map(reports.map((r) => [r.memberId, r]))
  expect(byMember.size).toBe(reports.length)
  for (const m of members) {
    expect(m.card).toMatchObject({ serial: 1, status: 'active' })
    expect(m.report?.reportId ?? null).toBe(byMember.get(m._id)?._id ?? null)
    if (m.report) expect(m.report.communityId).toBe(m.communityId)
  }
})

it('works end to end: a demo member shows their card, the desk sees their report, posts and summary have claims', async () => {
  const card = (await h.asUser('demo-member-1').ok('card', { action: 'mine' }))!
  expect(card).toMatchObject({ memberId: 'member-0001', status: 'active' })
  const communityId = (await scanAll<MemberDoc>(h.db, 'members', { _id: 'member-0001' }))[0]!.communityId
  const staffIndex = ['community-shuguang', 'community-taoyuan', 'community-xihu', 'community-gudang', 'community-jialv', 'community-lianhua'].indexOf(communityId) + 1
  const staff = h.asUser(`demo-staff-${staffIndex}`)
  const seen = await staff.ok('report', { action: 'lookup', communityId, card: { token: card.token! } })
  expect(seen.report).toMatchObject({ communityId }) // unit-01 is fully reported
  expect((await staff.ok('report', { action: 'confirm', communityId, card: { cardNo: card.cardNo, proof: card.name.slice(0, 1) } })).alreadyReported).toBe(true)
  const posts = await staff.ok('posts', { action: 'list', communityId })
  expect(posts.reduce((n, p) => n + p.claimCount, 0)).toBeGreaterThan(0)
  const summary = await staff.ok('posts', { action: 'summary', communityId })
  expect(summary.length).toBeGreaterThan(20)
  // A new card after the demo's 600 gets the next number.
  const fresh = await h.asUser('demo-secretary-1').ok('card', { action: 'issue', memberId: 'member-0002' })
  expect(fresh.cardNo.slice(0, -1)).toBe('1000600')
})

it('pairs every unit with a community (branches too), with a year of unit-organised activities for 附件4 and the members’ counts', async () => {
  const pairings = await h.asUser('demo-secretary-1').ok('pairing', { action: 'list' })
  expect(pairings.map((p) => p.branchName)).toEqual(expect.arrayContaining([null, '第二党支部']))
  const seen = await h.asUser('demo-district').ok('pairing', { action: 'list' })
  expect(seen.filter((p) => p.status === 'ended')).toHaveLength(1)
  const rows = (await h.asUser('demo-liaison-1').ok('roster', { action: 'list', unitId: 'unit-01', pageSize: 100 })).rows
  expect(new Set(rows.map((r) => r.branchName))).toEqual(new Set(['第一党支部', '第二党支部']))
  // The unit count of a member who attended, by the rule (own unit, paired community).
  const counts = await Promise.all(Array.from({ length: 30 }, (_, i) => h.asUser(`demo-member-${i + 1}`).ok('activity', { action: 'myYear' })))
  expect(counts.some((c) => c.unit > 0)).toBe(true)
  expect(counts.some((c) => c.unit < 2)).toBe(true)
})

it("has a year of activities: the unit sees who is short of the rule, the community its 附件2, the volunteer centre its items", async () => {
  const members = await h.asUser('demo-secretary-1').ok('participation', { action: 'unitMembers', unitId: 'unit-01', pageSize: 100 })
  expect(members.memberTotal).toBe(30)
  expect(members.shortTotal).toBeGreaterThan(0)
  expect(members.shortTotal).toBeLessThan(30)
  expect(members.rows.some((r) => r.community > 0) && members.rows.some((r) => r.unit > 0)).toBe(true)
  const activities = await h.asUser('demo-liaison-1').ok('participation', { action: 'unitActivities', unitId: 'unit-01' })
  expect(activities.total).toBeGreaterThan(0)
  const register = await h.asUser('demo-staff-1').ok('participation', { action: 'register', communityId: 'community-shuguang' })
  expect(register.rows.filter((r) => r.services.length > 0).length).toBeGreaterThan(5)
  const items = await h.asUser('demo-volunteer-centre').ok('participation', { action: 'volunteerItems' })
  expect(items.some((i) => i.members > 0)).toBe(true)
  const upcoming = await h.asUser('demo-staff-1').ok('activity', { action: 'list' })
  expect(upcoming.rows.some((r) => r.waitlisted > 0)).toBe(true)
})

it('has needs in every state of the workflow, some overdue yellow and some red', async () => {
  // The demo needs are dated back from the real start time, as `npm start` seeds them.
  const fixed = h.clock.now
  h.clock.now = new Date()
  const list = await h.asUser('demo-staff-1').ok('needs', { action: 'list', communityId: 'community-shuguang', pageSize: 100 })
  expect(new Set(list.rows.map((r) => r.state))).toEqual(new Set(['pending', 'accepted', 'published', 'serving', 'completed', 'rated', 'rejected']))
  expect(new Set(list.rows.map((r) => r.overdue))).toEqual(new Set(['none', 'yellow', 'red']))
  const mine = await h.asUser('demo-resident-1').ok('needs', { action: 'mine' })
  expect(mine.rows.length).toBe(10)
  h.clock.now = fixed
})

it('has the half-yearly bulletins and a closed 2025 (issue 11 §8, §9)', async () => {
  const district = h.asUser('demo-district')
  expect(await district.ok('bulletin', { action: 'yearStatus', year: 2025 })).toMatchObject({ closed: true, closedBy: '定时任务' })
  expect(await district.ok('bulletin', { action: 'yearStatus', year: 2026 })).toMatchObject({ closed: false })
  for (const half of [1, 2] as const) {
    const review = await district.ok('bulletin', { action: 'review', year: 2025, half })
    expect(review.submitted).toBeGreaterThanOrEqual(17)
    expect(review.notSubmitted).toBeGreaterThan(0)
    expect(review.published?.rows).toHaveLength(20)
    expect(review.yearClosed).toBe(true)
  }
  const now = await district.ok('bulletin', { action: 'review', year: 2026, half: 1 })
  expect(now.submitted).toBeGreaterThan(5)
  expect(now.notSubmitted).toBeGreaterThan(5)
  expect(now.published).toBeNull()
  const mine = await h.asUser('demo-secretary-1').ok('bulletin', { action: 'preview', unitId: 'unit-01', year: 2025, half: 2 })
  expect(mine.submitted?.figures.memberTotal).toBeGreaterThan(0)
  expect(mine.canSubmit).toBe(false)
})
