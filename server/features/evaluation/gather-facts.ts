import { hoursOf } from '../../../src/domain/activity-hours'
import type { EvaluationFacts } from '../../../src/domain/evaluation-facts'
import { DONE_STATES } from '../../../src/domain/need-rules'
import type { Database } from '../../kernel/database'
import type { PledgeDoc, RegistrationDoc } from '../../db/docs'
import { MAX_PAGE, scan } from '../../db/read'
import { pledgeId, yearRange } from './evaluation-ids'

// The facts of a year (src/domain/evaluation-facts.ts) for a batch of
// members, read with one grouped request per source whatever the batch:
// attendance (joined to its activities for the hours), confirmed 服务清单
// entries, completed needs, pairing visits, registrations (posts claimed) and
// pledges. The staff list reads a page of ≤ 50 members this way; the
// benchmark reads a district in larger batches through the same function.
// A grouped result is paged only past 1,000 groups, which a staff page never reaches.

export interface EvaluatedMember {
  memberId: string
  unitId: string
  /** The community that evaluates: where the member's claims count. */
  communityId: string
  /** When the member reported there; null: not reported. */
  reportedAt: Date | null
}

type Grouped<K> = { _id: K } & Record<string, unknown>

/** Every row of a grouped aggregate, paged past the platform's limits. */
async function allGroups<R>(build: () => { skip(n: number): { limit(n: number): { end(): unknown } } }): Promise<R[]> {
  const rows: R[] = []
  for (let skip = 0; ; skip += MAX_PAGE) {
    const { list } = (await build().skip(skip).limit(MAX_PAGE).end()) as { list: R[] }
    rows.push(...list)
    if (list.length < MAX_PAGE) return rows
  }
}

/**
 * One attendance record of a group: times in milliseconds since the epoch
 * (null when missing), its activity's from the lookup (one activity or none).
 */
interface AttendedRow {
  /** The organiser kind; missing fields are left out by the aggregate. */
  k?: string
  i?: number | null
  o?: number | null
  /** How many activities the record joined to (0: the activity is gone). */
  n: number
  s?: number | null
  e?: number | null
  st?: Array<string | null>
}

interface AttendanceGroup {
  _id: { m: string; u: string }
  rows: AttendedRow[]
}

interface AttendanceTally {
  _id: { m: string; u: string }
  community: number
  unit: number
  minutes: number
}

/** Dates minus the epoch are milliseconds in the aggregate ($subtract of two dates). */
const EPOCH = new Date(0)

const timeOf = (value: unknown): number | null => (typeof value === 'number' ? value : null)

/**
 * Minutes credited for one record, as myYear credits them (activity-hours.ts
 * creditedMinutes: the scheduled time bounds both sides; no sign-out counts to
 * the scheduled end once the activity ended), and as the aggregate computed them
 * before it handed the arithmetic back: a missing time is left out of the
 * bounds, and nothing is credited when a side has no time at all.
 */
function minutesOf(row: AttendedRow): number {
  if (row.n === 0) return 0
  const endAt = timeOf(row.e)
  const out = timeOf(row.o) ?? (row.st?.[0] === 'ended' ? endAt : null)
  if (out === null) return 0
  const ends = [out, endAt].filter((t): t is number => t !== null)
  const starts = [timeOf(row.i), timeOf(row.s)].filter((t): t is number => t !== null)
  if (starts.length === 0) return 0
  return Math.max(0, Math.floor((Math.min(...ends) - Math.max(...starts)) / 60_000))
}

/**
 * Attendance of the year, not of a cancelled activity, per member and the
 * unit the member attended as, joined to its activities for the times. The
 * aggregate only gathers each group's records (a few fields each); counting
 * and crediting minutes happen here, which keeps the per-record work out of
 * the database's expression evaluation.
 */
async function attendanceGroups(db: Database, ids: string[], year: number): Promise<AttendanceTally[]> {
  const _ = db.command
  const $ = db.command.aggregate
  const groups = await allGroups<AttendanceGroup>(() =>
    db
      .collection('attendance')
      .aggregate()
      .match({ memberId: _.in(ids), year, activityCancelled: _.neq(true) })
      .lookup({ from: 'activities', localField: 'activityId', foreignField: '_id', as: 'activity' })
      // One row per member and unit attended as (normally one): a batch of 1,000 members fits one page.
      .group({
        _id: { m: '$memberId', u: '$unitId' },
        // Times as numbers: they travel and decode cheaper than dates.
        rows: $.push({
          k: '$organiserKind',
          i: $.subtract(['$inAt', EPOCH]),
          o: $.subtract(['$outAt', EPOCH]),
          n: $.size('$activity'),
          s: $.subtract([$.min('$activity.startAt'), EPOCH]),
          e: $.subtract([$.min('$activity.endAt'), EPOCH]),
          st: '$activity.status',
        }),
      })
      .sort({ _id: 1 }),
  )
  return groups.map((group) => {
    const tally: AttendanceTally = { _id: group._id, community: 0, unit: 0, minutes: 0 }
    for (const row of group.rows) {
      if (row.n > 0 && row.k === 'community') tally.community += 1
      if (row.n > 0 && row.k === 'unit') tally.unit += 1
      tally.minutes += minutesOf(row)
    }
    return tally
  })
}

/** Confirmed 服务清单 entries, leaving out those that mirror an attended activity (its hours are the activity's). */
function serviceGroups(db: Database, ids: string[], year: number) {
  const _ = db.command
  const $ = db.command.aggregate
  return allGroups<Grouped<string> & { n: number; hours: number }>(() =>
    db
      .collection('serviceEntries')
      .aggregate()
      .match({ memberId: _.in(ids), year, status: 'confirmed', 'source.type': _.neq('attendance') })
      .group({ _id: '$memberId', n: $.sum(1), hours: $.sum('$hours') })
      .sort({ _id: 1 }),
  )
}

/** Needs completed in the year (need-service.ts completedNeedsOf, grouped), with the residents' ratings. */
function needGroups(db: Database, ids: string[], year: number) {
  const _ = db.command
  const $ = db.command.aggregate
  return allGroups<Grouped<string> & { n: number; rated: number; ratingSum: number }>(() =>
    db
      .collection('needs')
      .aggregate()
      .match({ assignedMemberId: _.in(ids), state: _.in([...DONE_STATES]), 'completion.year': year })
      .group({ _id: '$assignedMemberId', n: $.sum(1), rated: $.sum($.cond({ if: $.gt(['$rating', 0]), then: 1, else: 0 })), ratingSum: $.sum($.ifNull(['$rating', 0])) })
      .sort({ _id: 1 }),
  )
}

/** 结对帮扶 visits dated in the year (China time). */
function visitGroups(db: Database, ids: string[], year: number) {
  const _ = db.command
  const $ = db.command.aggregate
  const { from, to } = yearRange(year)
  return allGroups<Grouped<string> & { n: number }>(() =>
    db
      .collection('assistanceVisits')
      .aggregate()
      .match({ memberId: _.in(ids), date: _.gte(from).and(_.lt(to)) })
      .group({ _id: '$memberId', n: $.sum(1) })
      .sort({ _id: 1 }),
  )
}

async function registrationsOf(db: Database, ids: string[]): Promise<RegistrationDoc[]> {
  const found: RegistrationDoc[] = []
  for await (const page of scan<RegistrationDoc>(db, 'registrations', { memberId: db.command.in(ids) }, { fields: { memberId: true, communityId: true, claimCount: true } })) found.push(...page)
  return found
}

async function pledgesOf(db: Database, ids: string[], year: number): Promise<PledgeDoc[]> {
  const found: PledgeDoc[] = []
  for await (const page of scan<PledgeDoc>(db, 'pledges', { _id: db.command.in(ids.map((id) => pledgeId(id, year))) }, { fields: { memberId: true, text: true } })) found.push(...page)
  return found
}

/** The facts of `year` for each member of the batch, by member id: six requests for a batch of up to 1,000. */
export async function gatherFacts(db: Database, year: number, members: readonly EvaluatedMember[]): Promise<Map<string, EvaluationFacts>> {
  const facts = new Map<string, EvaluationFacts>()
  if (members.length === 0) return facts
  const ids = [...new Set(members.map((m) => m.memberId))]
  const [attendance, services, needs, visits, registrations, pledges] = await Promise.all([
    attendanceGroups(db, ids, year),
    serviceGroups(db, ids, year),
    needGroups(db, ids, year),
    visitGroups(db, ids, year),
    registrationsOf(db, ids),
    pledgesOf(db, ids, year),
  ])
  const byMember = <R extends { _id: string }>(rows: R[]) => new Map(rows.map((r) => [r._id, r]))
  const serviceOf = byMember(services)
  const needOf = byMember(needs)
  const visitOf = byMember(visits)
  const pledgeOf = new Map(pledges.map((p) => [p.memberId, p.text]))
  const claimsOf = new Map(registrations.map((r) => [`${r.memberId}|${r.communityId}`, r.claimCount ?? 0]))
  const attendedBy = new Map<string, AttendanceTally[]>()
  for (const row of attendance) attendedBy.set(row._id.m, [...(attendedBy.get(row._id.m) ?? []), row])

  for (const m of members) {
    let community = 0
    let unit = 0
    let minutes = 0
    for (const row of attendedBy.get(m.memberId) ?? []) {
      // The centre's activities are stored as community-organised; a unit's count for the unit the member attended as (unit-year.ts).
      community += row.community
      if (row._id.u === m.unitId) unit += row.unit
      minutes += row.minutes
    }
    const service = serviceOf.get(m.memberId)
    const need = needOf.get(m.memberId)
    facts.set(m.memberId, {
      reported: m.reportedAt !== null,
      reportedAt: m.reportedAt ? m.reportedAt.toISOString() : null,
      claimedPosts: claimsOf.get(`${m.memberId}|${m.communityId}`) ?? 0,
      communityActivities: community,
      unitActivities: unit,
      activityHours: hoursOf(minutes),
      serviceEntries: service?.n ?? 0,
      serviceHours: Math.round((service?.hours ?? 0) * 10) / 10,
      needsCompleted: need?.n ?? 0,
      needRatingMean: need && need.rated > 0 ? Math.round((need.ratingSum / need.rated) * 100) / 100 : null,
      pairingVisits: visitOf.get(m.memberId)?.n ?? 0,
      pledge: pledgeOf.get(m.memberId) ?? null,
    })
  }
  return facts
}
