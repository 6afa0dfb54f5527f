import type { EvaluationDoc, MemberDoc, PledgeDoc, ReportDoc } from '../../server/db/docs'
import { scanAll } from '../../server/db/read'
import { seedIfEmpty } from '../../local/seed/seed'
import { DEMO_SEAL_COMMUNITY } from '../../local/seed/demo-evaluation'
import { DEMO_PHOTO_PATH, demoSealPath } from '../../local/seed/demo-images'
import { proposeRating } from '../../src/domain/evaluation-rule'
import { sniffFormat } from '../../src/domain/upload-kinds'
import type { FeedbackCardDoc } from '../../server/features/evaluation/evaluation-docs'
import { openHarness, type Harness } from './support/bridge-client'

// The demo city as `npm start` seeds it: cards for everyone, about 70%
// reported with two claims each, some units above the 95% line, some below.
// demo-staff-N is staff of the N-th community, demo-secretary-N of unit-N,
// demo-member-N is member-N.

let h: Harness
beforeAll(async () => {
  h = await openHarness({ seed: async (db, files) => void (await seedIfEmpty(db, { files })) })
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

describe('the annual evaluation and the 反馈卡 (issue 11 §5–6)', () => {
  const byYear = <T extends { year: number }>(docs: T[], year: number) => docs.filter((d) => d.year === year)
  let evaluations: EvaluationDoc[]
  let cards: FeedbackCardDoc[]
  let reports: ReportDoc[]
  beforeAll(async () => {
    ;[evaluations, cards, reports] = await Promise.all([
      scanAll<EvaluationDoc>(h.db, 'evaluations'),
      scanAll<FeedbackCardDoc>(h.db, 'feedbackCards'),
      scanAll<ReportDoc>(h.db, 'reports', { status: 'active' }),
    ])
  })

  it('confirms every member reported in 2025, with the facts behind each rating, the proposal mostly kept and every pledge judged; every card issued', async () => {
    const year = byYear(evaluations, 2025)
    expect(year.map((e) => e.memberId).sort()).toEqual(reports.map((r) => r.memberId).sort())
    const pledges = new Set((await scanAll<PledgeDoc>(h.db, 'pledges', { year: 2025 })).map((p) => p.memberId))
    for (const e of year) {
      expect(e.facts).toMatchObject({ reported: true, reportedAt: reports.find((r) => r.memberId === e.memberId)!.reportedAt.toISOString() })
      // The proposal is the rule's on the stored facts and judgement; a changed rating carries its reason.
      expect(e.proposed).toBe(proposeRating(e.facts, e.pledgeKept).rating)
      if (e.rating !== e.proposed) expect(e.comment).not.toBe('')
      expect(e.facts.pledge !== null).toBe(pledges.has(e.memberId))
      expect(e.pledgeKept === null).toBe(e.facts.pledge === null)
      expect(e.confirmedAt.getTime()).toBeLessThan(new Date('2025-12-20T16:00:00Z').getTime())
    }
    const changed = year.filter((e) => e.rating !== e.proposed)
    expect(changed.length).toBeGreaterThan(0)
    expect(changed.length).toBeLessThan(year.length * 0.15)
    expect(year.some((e) => e.pledgeKept === false) && year.some((e) => e.pledgeKept === true)).toBe(true)
    expect(new Set(year.map((e) => e.rating)).size).toBeGreaterThan(1)
    expect(year.some((e) => e.facts.serviceEntries > 0)).toBe(true)

    const issued = byYear(cards, 2025)
    expect(issued.map((c) => c.memberId).sort()).toEqual(year.map((e) => e.memberId).sort())
    const evaluationOf = new Map(year.map((e) => [e.memberId, e]))
    for (const c of issued) {
      const e = evaluationOf.get(c.memberId)!
      expect(c).toMatchObject({ rating: e.rating, comment: e.comment, facts: e.facts, evaluationConfirmedAt: e.confirmedAt })
      expect(c.claimedPosts).toHaveLength(2)
    }
  })

  it('shows the staff of 2025 every member rated and carded, read-only', async () => {
    const list = await h.asUser('demo-staff-1').ok('evaluation', { action: 'list', communityId: 'community-shuguang', year: 2025, filter: 'all' })
    expect(list.yearClosed).toBe(true)
    expect(list.counts.reported).toBeGreaterThan(40)
    expect(list.counts).toMatchObject({ pending: 0, noCard: 0, rated: list.counts.reported, carded: list.counts.reported })
    expect(list.rows[0]!.rating).not.toBeNull()
    const card = await h.asUser('demo-secretary-1').ok('evaluation', { action: 'card', memberId: 'member-0001', year: 2025 })
    expect(card).toMatchObject({ memberId: 'member-0001', claimedPosts: [expect.any(String), expect.any(String)] })
  })

  it('has 2026 in progress on 2026-12-04: about half confirmed, a third of those carded, the missing cards shown', async () => {
    const year = byYear(evaluations, 2026)
    const issued = byYear(cards, 2026)
    expect(year.length).toBeGreaterThan(reports.length * 0.4)
    expect(year.length).toBeLessThan(reports.length * 0.6)
    expect(issued.length).toBeGreaterThan(year.length * 0.25)
    expect(issued.length).toBeLessThan(year.length * 0.45)
    const confirmed = new Set(year.map((e) => e.memberId))
    expect(issued.every((c) => confirmed.has(c.memberId))).toBe(true)

    const fixed = h.clock.now
    h.clock.now = new Date('2026-12-04T02:00:00Z')
    try {
      const staff = h.asUser('demo-staff-1')
      const missing = await staff.ok('evaluation', { action: 'list', communityId: 'community-shuguang', filter: 'noCard' })
      expect(missing.year).toBe(2026)
      expect(missing.cardsDue.showMissing).toBe(true)
      expect(missing.counts.noCard).toBeGreaterThan(0)
      expect(missing.counts.pending).toBeGreaterThan(0)
      expect(missing.counts.carded).toBeGreaterThan(0)
      expect(missing.rows.every((r) => r.cardIssuedAt === null)).toBe(true)
      expect(missing.yearClosed).toBe(false)
    } finally {
      h.clock.now = fixed
    }
  })

  it('stores the photo and one community\'s seal as real images the pages can show', async () => {
    expect(sniffFormat(h.files.read(DEMO_PHOTO_PATH))).toBe('png')
    const members = await scanAll<MemberDoc>(h.db, 'members')
    const withPhoto = members.filter((m) => m.photoFileId)
    expect(withPhoto.length).toBeGreaterThan(400)
    expect(withPhoto.length).toBeLessThan(600)
    expect(new Set(withPhoto.map((m) => m.photoFileId))).toEqual(new Set([h.files.fileIdOf(DEMO_PHOTO_PATH)]))

    expect(sniffFormat(h.files.read(demoSealPath(DEMO_SEAL_COMMUNITY)))).toBe('png')
    const seal = await h.asUser('demo-staff-1').ok('evaluation', { action: 'sealGet', communityId: DEMO_SEAL_COMMUNITY })
    expect(seal.sealUrl).toContain(demoSealPath(DEMO_SEAL_COMMUNITY))
    const card = await h.asUser('demo-staff-1').ok('evaluation', { action: 'card', memberId: byYear(cards, 2025).find((c) => c.communityId === DEMO_SEAL_COMMUNITY)!.memberId, year: 2025 })
    expect(card.sealUrl).toContain(demoSealPath(DEMO_SEAL_COMMUNITY))
    const other = await h.asUser('demo-staff-2').ok('evaluation', { action: 'sealGet', communityId: 'community-taoyuan' })
    expect(other.sealUrl).toBeNull()
  })
})

it('我的 → 消息提醒 has subscriptions left and messages sent, delivered or not (issue 12 §4)', async () => {
  const member = await h.asUser('demo-member-1').ok('messages', { action: 'reminders' })
  expect(member.kinds.find((k) => k.kind === 'activityChanged')!.remaining).toBe(2)
  expect(member.sent.rows.map((r) => [r.kind, r.delivered])).toEqual([
    ['waitlistPromoted', false],
    ['needAssigned', true],
    ['activityChanged', true],
  ])
  const resident = await h.asUser('demo-resident-1').ok('messages', { action: 'reminders' })
  expect(resident.sent.total).toBe(2)
})

it('has a 台账 for 2025 and 2026: the two source documents filed as examples, every category counted (issue 12)', async () => {
  const staff = h.asUser('demo-staff-1')
  for (const year of [2025, 2026]) {
    const overview = await staff.ok('ledger', { action: 'overview', communityId: 'community-shuguang', year })
    const items = overview.categories.flatMap((c) => c.items)
    const count = (item: string) => items.find((i) => i.item === item)!.count
    expect(count('documents')).toBe(2)
    expect(count('summary')).toBeGreaterThan(0)
    expect(count('registration')).toBeGreaterThan(0)
  }
  const docs = await staff.ok('ledger', { action: 'documentList', communityId: 'community-shuguang', year: 2026 })
  expect(docs.rows.map((d) => d.issuedBy)).toEqual(['中共梧州市委组织部', '中共杭州市西湖区委组织部'])
  expect(docs.rows.every((d) => d.format === 'none' && d.url === '' && d.note.startsWith('示例'))).toBe(true)
})
