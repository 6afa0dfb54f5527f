import type { CardView } from '../../src/domain/contracts/card.contract'
import type { ConfirmResult, ScannedMember } from '../../src/domain/contracts/report.contract'
import type { PostView, SummaryRow } from '../../src/domain/contracts/posts.contract'
import type { DistrictStats, UnitStats } from '../../src/domain/contracts/stats.contract'
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
  const district = await h.asUser('demo-district').ok<DistrictStats>('stats', { action: 'district' })
  expect(district.rows).toHaveLength(20)
  expect(district.totals.memberTotal).toBe(600)
  expect(district.totals.rate).toBeGreaterThan(0.6)
  expect(district.totals.rate).toBeLessThan(0.8)
  expect(district.rows.filter((r) => !r.belowThreshold).length).toBe(6)
  expect(district.rows.filter((r) => r.belowThreshold).length).toBe(14)

  const first = await h.asUser('demo-secretary-1').ok<UnitStats>('stats', { action: 'unit', unitId: 'unit-01' })
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
  const card = await h.asUser('demo-member-1').ok<CardView>('card', { action: 'mine' })
  expect(card).toMatchObject({ memberId: 'member-0001', status: 'active' })
  const communityId = (await scanAll<MemberDoc>(h.db, 'members', { _id: 'member-0001' }))[0]!.communityId
  const staffIndex = ['community-shuguang', 'community-taoyuan', 'community-xihu', 'community-gudang', 'community-jialv', 'community-lianhua'].indexOf(communityId) + 1
  const staff = h.asUser(`demo-staff-${staffIndex}`)
  const seen = await staff.ok<ScannedMember>('report', { action: 'lookup', communityId, card: { token: card.token } })
  expect(seen.report).toMatchObject({ communityId }) // unit-01 is fully reported
  expect((await staff.ok<ConfirmResult>('report', { action: 'confirm', communityId, card: { cardNo: card.cardNo, proof: card.name.slice(0, 1) } })).alreadyReported).toBe(true)
  const posts = await staff.ok<PostView[]>('posts', { action: 'list', communityId })
  expect(posts.reduce((n, p) => n + p.claimCount, 0)).toBeGreaterThan(0)
  const summary = await staff.ok<SummaryRow[]>('posts', { action: 'summary', communityId })
  expect(summary.length).toBeGreaterThan(20)
  // A new card after the demo's 600 gets the next number.
  const fresh = await h.asUser('demo-secretary-1').ok<CardView>('card', { action: 'issue', memberId: 'member-0002' })
  expect(fresh.cardNo.slice(0, -1)).toBe('1000600')
})

it('has needs in every state of the workflow, some overdue yellow and some red', async () => {
  // The demo needs are dated back from the real start time, as `npm start` seeds them.
  const fixed = h.clock.now
  h.clock.now = new Date()
  const list = await h.asUser('demo-staff-1').ok<{ rows: Array<{ state: string; overdue: string }> }>('needs', { action: 'list', communityId: 'community-shuguang', pageSize: 100 })
  expect(new Set(list.rows.map((r) => r.state))).toEqual(new Set(['pending', 'accepted', 'published', 'serving', 'completed', 'rated', 'rejected']))
  expect(new Set(list.rows.map((r) => r.overdue))).toEqual(new Set(['none', 'yellow', 'red']))
  const mine = await h.asUser('demo-resident-1').ok<{ rows: unknown[] }>('needs', { action: 'mine' })
  expect(mine.rows.length).toBe(10)
  h.clock.now = fixed
})
