import { fieldWithIdCardNumber } from '../../src/domain/id-card'
import { buildDemoData } from '../../local/seed/demo-data'
import { buildDemoRecords } from '../../local/seed/demo-records'

// The demo's community records keep the rules the functions enforce: pairings
// within the target's community, one live pairing per member and target, no
// ID-card-like number anywhere, and demo-member-1 paired with visits.

const data = buildDemoData()
const records = buildDemoRecords(data)
const members = new Map(data.members.map((m) => [m._id, m]))
const targets = new Map(records.assistTargets.map((t) => [t._id, t]))

it('pairs targets only with members living in their community, once each', () => {
  const live = new Set<string>()
  for (const p of records.assistancePairings) {
    expect(members.get(p.memberId)!.communityId).toBe(p.communityId)
    if (p.targetId) expect(targets.get(p.targetId)!.communityId).toBe(p.communityId)
    const key = `${p.targetId}|${p.memberId}|${p.liveKey}`
    expect(live.has(key)).toBe(false)
    live.add(key)
  }
})

it('has paired and unpaired targets, an ended pairing, an offer and meetings in every community', () => {
  for (const community of data.communities) {
    const pairings = records.assistancePairings.filter((p) => p.communityId === community._id)
    const pairedTargets = new Set(pairings.filter((p) => p.status === 'active').map((p) => p.targetId))
    const all = records.assistTargets.filter((t) => t.communityId === community._id)
    expect(pairedTargets.size).toBeGreaterThan(0)
    expect(all.length).toBeGreaterThan(pairedTargets.size)
    expect(pairings.map((p) => p.status)).toEqual(expect.arrayContaining(['active', 'ended', 'offered']))
    expect(records.meetings.filter((m) => m.communityId === community._id).length).toBeGreaterThanOrEqual(3)
    expect(records.communityProfiles.find((p) => p._id === community._id)!.compounds.length).toBeGreaterThan(0)
  }
  const first = records.assistancePairings.find((p) => p.memberId === data.members[0]!._id && p.status === 'active')!
  expect(records.assistanceVisits.filter((v) => v.pairingId === first._id).length).toBeGreaterThan(0)
})

it('holds no ID-card-like number', () => {
  expect(fieldWithIdCardNumber(records)).toBeNull()
})
