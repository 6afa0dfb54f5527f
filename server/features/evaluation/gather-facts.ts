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

interface AttendanceGroup {
  _id: { m: string; u: string }
  community: number
  unit: number
  minutes: number
}

/**
 * Attendance of the year, not of a cancelled activity, per member, organiser
 * kind and the unit the member attended as; minutes credited as myYear credits
 * them (activity-hours.ts creditedMinutes: the scheduled time bounds both
 * sides; no sign-out counts to the scheduled end once the activity ended).
 */
function attendanceGroups(db: Database, ids: string[], year: number) {
  const _ = db.command
  const $ = db.command.aggregate
  return allGroups<AttendanceGroup>(() =>
    db
      .collection('attendance')
      .aggregate()
      .match({ memberId: _.in(ids), year, activityCancelled: _.neq(true) })
      .lookup({ from: 'activities', localField: 'activityId', foreignField: '_id', as: 'activity' })
      .project({ memberId: true, unitId: true, organiserKind: true, inAt: true, outAt: true, found: $.size('$activity'), a: $.arrayElemAt(['$activity', 0]) })
      .addFields({ out: $.ifNull(['$outAt', $.cond({ if: $.eq(['$a.status', 'ended']), then: '$a.endAt', else: null })]) })
      .addFields({
        minutes: $.cond({
          if: $.or([$.eq(['$found', 0]), $.eq(['$out', null])]),
          then: 0,
          else: $.max([0, $.floor($.divide([$.subtract([$.min(['$out', '$a.endAt']), $.max(['$inAt', '$a.startAt'])]), 60_000]))]),
        }),
      })
      // One row per member and unit attended as (normally one): a batch of 1,000 members fits one page.
      .group({
        _id: { m: '$memberId', u: '$unitId' },
        community: $.sum($.cond({ if: $.and([$.gt(['$found', 0]), $.eq(['$organiserKind', 'community'])]), then: 1, else: 0 })),
        unit: $.sum($.cond({ if: $.and([$.gt(['$found', 0]), $.eq(['$organiserKind', 'unit'])]), then: 1, else: 0 })),
        minutes: $.sum('$minutes'),
      })
      .sort({ _id: 1 }),
  )
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
  const attendedBy = new Map<string, AttendanceGroup[]>()
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
