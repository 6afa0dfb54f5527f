import { cardNoFromSequence, FIRST_CARD_SEQUENCE } from '../../src/domain/card-no'
import type { MemberDoc } from '../../server/db/docs'
import type { Random } from './random'

// The demo's reporting state, so that rates mean something on first start:
// every member holds card no. 1; about 70% have reported to their residence
// community and claimed two of its posts. Units 1–4 are at 100%, 5–6 just
// above the 95% line (29 of 30), the rest between 40% and 77%.

// The demo member fields this file reads: a slice of the stored member record.
type SeedMember = Pick<
  MemberDoc,
  '_id' | 'unitId' | 'communityId' | 'streetId' | 'districtId' | 'gender' | 'birthMonth' | 'joinPartyMonth' | 'education' | 'specialty' | 'officePhone' | 'mobile' | 'jobTitle' | 'joinedUnitAt'
>

interface SeedPost {
  _id: string
  communityId: string
  category: string
  categoryName: string
  kind: string
  name: string
  order: number
}

interface SeedCommunity {
  _id: string
  profile: { compounds: string[] }
}

const DAY = 86_400_000
const CAMPAIGN = Date.UTC(2025, 0, 6) // a reporting drive in January 2025

function reportedPerUnit(unitIndex: number, size: number, random: Random): number {
  if (unitIndex < 4) return size
  if (unitIndex < 6) return size - 1
  return random.int(Math.round(size * 0.4), Math.round(size * 0.77))
}

function pickDistinct<T>(list: readonly T[], count: number, random: Random): T[] {
  const pool = [...list]
  const picked: T[] = []
  while (picked.length < count && pool.length > 0) picked.push(pool.splice(random.int(0, pool.length - 1), 1)[0]!)
  return picked
}

export function buildDemoReporting<M extends SeedMember>(
  members: readonly M[],
  units: ReadonlyArray<{ _id: string }>,
  communities: readonly SeedCommunity[],
  posts: readonly SeedPost[],
  random: Random,
) {
  const communityIndex = new Map(communities.map((c, i) => [c._id, i]))
  const compounds = new Map(communities.map((c) => [c._id, c.profile.compounds]))
  const claimable = new Map<string, SeedPost[]>()
  for (const p of posts) if (p.kind !== 'custom') claimable.set(p.communityId, [...(claimable.get(p.communityId) ?? []), p])

  const cards = members.map((m, i) => {
    const sequence = FIRST_CARD_SEQUENCE + i
    const unitIndex = units.findIndex((u) => u._id === m.unitId)
    return {
      _id: `card-${m._id}-1`,
      memberId: m._id,
      unitId: m.unitId,
      districtId: m.districtId,
      serial: 1,
      sequence,
      cardNo: cardNoFromSequence(sequence),
      status: 'active' as const,
      issuedAt: new Date(CAMPAIGN - 10 * DAY),
      issuedBy: `user-demo-secretary-${unitIndex + 1}`,
    }
  })

  const reports: Array<Record<string, unknown> & { _id: string; memberId: string; communityId: string; reportedAt: Date }> = []
  const registrations: Array<Record<string, unknown> & { _id: string }> = []
  units.forEach((unit, u) => {
    const unitMembers = members.filter((m) => m.unitId === unit._id)
    for (const m of pickDistinct(unitMembers, reportedPerUnit(u, unitMembers.length, random), random)) {
      const start = Math.max(m.joinedUnitAt.getTime(), CAMPAIGN)
      const reportedAt = new Date(start + random.int(0, 40) * DAY + random.int(1, 8) * 3_600_000)
      reports.push({
        _id: `report-${m._id}-${m.communityId}`,
        memberId: m._id,
        unitId: m.unitId,
        communityId: m.communityId,
        streetId: m.streetId,
        districtId: m.districtId,
        reportedAt,
        receivedBy: `user-demo-staff-${communityIndex.get(m.communityId)! + 1}`,
        cardNo: cards.find((c) => c.memberId === m._id)!.cardNo,
        status: 'active',
      })
      const claims = pickDistinct(claimable.get(m.communityId) ?? [], 2, random).map((p) => ({
        postId: p._id,
        postName: p.name,
        category: p.category,
        categoryName: p.categoryName,
        order: p.order,
      }))
      const memberNumber = Number(m._id.slice('member-'.length))
      registrations.push({
        _id: `registration-${m._id}-${m.communityId}`,
        memberId: m._id,
        unitId: m.unitId,
        communityId: m.communityId,
        streetId: m.streetId,
        districtId: m.districtId,
        gender: m.gender,
        birthMonth: m.birthMonth,
        joinPartyMonth: m.joinPartyMonth,
        education: m.education,
        hobbies: m.specialty,
        officePhone: m.officePhone,
        mobile: m.mobile,
        qq: '',
        address: `${random.pick(compounds.get(m.communityId) ?? [''])}${random.int(1, 30)}幢${random.int(1, 4)}单元${random.int(1, 6)}0${random.int(1, 4)}`,
        jobTitle: m.jobTitle,
        willingLiaison: random.next() < 0.3,
        claims,
        claimCount: claims.length,
        savedBy: `user-demo-member-${memberNumber}`,
        savedAt: reportedAt,
      })
    }
  })

  // Members mirror their card, active report and claims, as the functions keep them.
  const reportOf = new Map(reports.map((r) => [r.memberId, r]))
  const claimsOf = new Map(registrations.map((r) => [r.memberId as string, { [r.communityId as string]: r.claimCount as number }]))
  const withState = members.map((m, i) => {
    const report = reportOf.get(m._id)
    return {
      ...m,
      card: { serial: 1, cardNo: cards[i]!.cardNo, status: 'active' as const },
      report: report ? { reportId: report._id, communityId: report.communityId, reportedAt: report.reportedAt } : null,
      claimCounts: claimsOf.get(m._id) ?? {},
    }
  })
  return { members: withState, cards, reports, registrations }
}
