import { NOT_REPORTED_NAMES_MAX, type BulletinFigures } from '../../../src/domain/contracts/bulletin.contract'
import { hoursOf } from '../../../src/domain/activity-hours'
import { RATINGS, type Rating } from '../../../src/domain/evaluation-facts'
import { figuresAsOf, halfRange, type HalfRef } from '../../../src/domain/half-year'
import { quartersOfHalf } from '../../../src/domain/quarter'
import { reportRate } from '../../../src/domain/report-rate'
import { countsFrom } from '../../../src/domain/unit-tally'
import type { UnitDoc } from '../../db/docs'
import { findById } from '../../db/load'
import { countBy, countOf } from '../../db/read'
import type { UnitTallyDoc } from '../../db/unit-tallies'
import type { Database } from '../../kernel/database'

// One unit's 半年通报, generated from the records at a constant number of
// requests, each figure one query or aggregate the database answers whole:
//  - members and reporting as they stood at `asOf` (the half's end, or now
//    while the half is under way): members who joined the unit before it, and
//    of them those with a report made before it and not moved away by then
//    (reports keep reportedAt and movedAt, so a past half is computed, not
//    guessed); the first names of those not reported;
//  - posts claimed: the unit's tally at generation (claims keep no history);
//  - attendance of the unit's members at activities held in the half, by
//    organiser, with hours credited by activity-hours.ts's rule, computed in
//    the aggregate; the unit's own activities in the half;
//  - confirmed 服务清单 entries of the half's quarters (status 'confirmed'
//    only: what the community accepted), and their hours, without the lines
//    copied from attended activities (counted in the activity hours);
//  - the year's evaluations confirmed by `asOf`, per rating.

/** Membership of a report at `asOf`: made before it and not moved away by then. */
function standingAt(db: Database, asOf: Date) {
  const $ = db.command.aggregate
  return $.size(
    $.filter({
      input: '$reports',
      as: 'r',
      cond: $.and([$.lt(['$$r.reportedAt', asOf]), $.or([$.eq(['$$r.status', 'active']), $.gte(['$$r.movedAt', asOf])])]),
    }),
  )
}

/** The unit's members on the roster at `asOf`, each with how many reports stood then. */
export function membersAt(db: Database, unitIds: string | string[], asOf: Date) {
  const _ = db.command
  return db
    .collection('members')
    .aggregate()
    .match({ unitId: typeof unitIds === 'string' ? unitIds : _.in(unitIds), joinedUnitAt: _.lt(asOf) })
    .lookup({ from: 'reports', localField: '_id', foreignField: 'memberId', as: 'reports' })
    .project({ name: true, unitId: true, standing: standingAt(db, asOf) })
}

interface AttendanceGroup {
  _id: string
  attendances: number
  minutes: number
  activities: number
}

/** The unit's members' attendance at activities held in [from, to), by organiser kind, with credited minutes. */
function attendanceByKind(db: Database, unitId: string, ref: HalfRef) {
  const _ = db.command
  const $ = _.aggregate
  const { from, to } = halfRange(ref)
  // activity-hours.ts creditedMinutes, as an expression: no sign-out counts the scheduled end once the activity ended.
  const out = $.ifNull(['$outAt', $.cond({ if: $.eq(['$act.status', 'ended']), then: '$act.endAt', else: null })])
  const minutes = $.cond({
    if: $.eq([out, null]),
    then: 0,
    else: $.max([0, $.floor($.divide([$.subtract([$.min([out, '$act.endAt']), $.max(['$inAt', '$act.startAt'])]), 60_000]))]),
  })
  return db
    .collection('attendance')
    .aggregate()
    .match({ unitId, year: ref.year, inAt: _.gte(from).and(_.lt(to)), activityCancelled: _.neq(true) })
    .lookup({ from: 'activities', localField: 'activityId', foreignField: '_id', as: 'act' })
    .project({ organiserKind: true, activityId: true, inAt: true, outAt: true, act: $.arrayElemAt(['$act', 0]) })
    .project({ organiserKind: true, activityId: true, minutes })
    .group({ _id: '$organiserKind', attendances: $.sum(1), minutes: $.sum('$minutes'), ids: $.addToSet('$activityId') })
    .project({ attendances: true, minutes: true, activities: $.size('$ids') })
    .end() as Promise<{ list: AttendanceGroup[] }>
}

export async function generateFigures(db: Database, unit: UnitDoc, ref: HalfRef, now: Date): Promise<BulletinFigures> {
  const _ = db.command
  const $ = _.aggregate
  const asOf = figuresAsOf(ref, now)
  const { from, to } = halfRange(ref)
  const [totals, names, tally, attendance, own, services, ratings] = await Promise.all([
    membersAt(db, unit._id, asOf)
      .group({ _id: null, total: $.sum(1), notReported: $.sum($.cond({ if: $.eq(['$standing', 0]), then: 1, else: 0 })) })
      .end() as Promise<{ list: Array<{ total: number; notReported: number }> }>,
    membersAt(db, unit._id, asOf).match({ standing: 0 }).sort({ name: 1, _id: 1 }).limit(NOT_REPORTED_NAMES_MAX).end() as Promise<{ list: Array<{ name: string }> }>,
    findById<UnitTallyDoc>(db, 'unitTallies', unit._id),
    attendanceByKind(db, unit._id, ref),
    countOf(db.collection('activities').where({ unitId: unit._id, organiserKind: 'unit', startAt: _.gte(from).and(_.lt(to)), status: _.neq('cancelled') })),
    db
      .collection('serviceEntries')
      .aggregate()
      // Lines copied from an attended activity are left out: their hours are already the activity's (as gather-facts.ts).
      .match({ unitId: unit._id, year: ref.year, quarter: _.in(quartersOfHalf(ref.half)), status: 'confirmed', 'source.type': _.neq('attendance') })
      .group({ _id: null, entries: $.sum(1), hours: $.sum('$hours') })
      .end() as Promise<{ list: Array<{ entries: number; hours: number }> }>,
    // Ratings "so far": those confirmed by the bulletin's moment, so a June bulletin shows no November rating.
    countBy(db, 'evaluations', { unitId: unit._id, year: ref.year, confirmedAt: _.lte(asOf) }, 'rating'),
  ])
  const { total = 0, notReported = 0 } = totals.list[0] ?? {}
  const reported = total - notReported
  const rate = reportRate(reported, total)
  const kind = (k: string) => attendance.list.find((g) => g._id === k)
  const counts = Object.fromEntries(RATINGS.map((r) => [r, ratings.get(r) ?? 0])) as Record<Rating, number>
  const service = services.list[0]
  return {
    unitId: unit._id,
    unitName: unit.name,
    year: ref.year,
    half: ref.half,
    asOf: asOf.toISOString(),
    generatedAt: now.toISOString(),
    memberTotal: total,
    reported,
    notReported,
    rate: rate.rate,
    belowThreshold: rate.belowThreshold,
    notReportedNames: names.list.map((m) => m.name),
    claimedPosts: countsFrom(tally).claimedPosts,
    activities: {
      community: kind('community')?.activities ?? 0,
      unit: kind('unit')?.activities ?? 0,
      attendances: attendance.list.reduce((n, g) => n + g.attendances, 0),
      hours: hoursOf(attendance.list.reduce((n, g) => n + g.minutes, 0)),
    },
    ownActivities: own,
    services: { entries: service?.entries ?? 0, hours: Math.round((service?.hours ?? 0) * 10) / 10 },
    ratings: { year: ref.year, counts, total: RATINGS.reduce((n, r) => n + counts[r], 0) },
  }
}
