import { buildDemoCorrections } from '../../local/seed/demo-corrections'
import { buildDemoData } from '../../local/seed/demo-data'

// The demo's 数据核对 data: most members have pledges for 2025 and 2026 and a
// photo, some do not; requests open and resolved, each to the community the
// member reported to.
it('gives most members a pledge for both years and a photo, and some open and resolved requests', () => {
  const data = buildDemoData()
  const { pledges, corrections, photoless } = buildDemoCorrections(data)
  const members = data.members.length
  for (const year of [2025, 2026]) {
    const n = pledges.filter((p) => p.year === year).length
    expect(n).toBeGreaterThan(members * 0.7)
    expect(n).toBeLessThan(members)
  }
  expect(pledges.every((p) => [...p.text].length <= 40 && p._id === `${p.memberId}:${p.year}`)).toBe(true)
  expect(photoless.size).toBeGreaterThan(0)
  expect(photoless.size).toBeLessThan(members * 0.3)
  expect(new Set(corrections.map((c) => c.status))).toEqual(new Set(['open', 'fixed', 'declined']))
  const byId = new Map(data.members.map((m) => [m._id, m]))
  expect(corrections.every((c) => byId.get(c.memberId)?.report?.communityId === c.communityId && c.raisedBy !== '')).toBe(true)
})
