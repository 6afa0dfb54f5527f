import { inChina } from '../../../src/domain/china-time'
import { DONE_STATES } from '../../../src/domain/need-rules'
import { quarterOf, quarterRange, type Quarter, type QuarterRef } from '../../../src/domain/quarter'
import { docsByIds } from '../../db/by-ids'
import type { ActivityDoc, AttendanceDoc, MemberDoc } from '../../db/docs'
import { findById } from '../../db/load'
import { scan } from '../../db/read'
import { yearCloseId, type YearCloseDoc } from '../../db/year-close'
import type { Database } from '../../kernel/database'
import type { NeedDoc } from '../needs/need-doc'
import type { VisitDoc } from '../records/record-docs'
import { handInId, lockedByHandIn, type ServiceHandInDoc } from './handin-doc'
import { fillInSources, type Owner, type Sources } from './prefill'

// The daily timer's part of filling in (issue 11 §1: "activities attended and
// needs completed appear in it already filled in", whether or not the member
// ever opens their list). It reads only what was recorded since its last run
// — attendance signed out (outAt), activities ended (endedAt: their members
// still in were signed out at the scheduled end), needs whose last change
// (updatedAt) left them done, visits recorded (recordedAt) — a page at a time,
// and fills those in with the code the member's list uses.
//
// Skipped: members who have not reported (a line is filed with the community
// they reported to), lines dated in a year the district closed, and lines
// dated on or before the last hand-in day of a quarter their unit has handed
// in to that community (handed in or confirmed): locked days get nothing new
// (a fourth quarter handed in early still takes the days after). If the community later
// returns that quarter it is open again, and the line is added when the member
// or the liaison opens it (the sweep does not come back to old sources).
// Attendance recorded by hand with times before the last run, after its
// activity ended, is likewise added when either opens the list.

/** meta document holding where the last run stopped. */
export const PREFILL_CURSOR_ID = 'servicePrefillCursor'
/** Each run starts this much before the last one stopped: a write in flight then is not missed (ids make the overlap harmless). */
const OVERLAP_MS = 3600_000
const DAY_MS = 24 * 3600_000
/** Wall-clock time a run spends filling in before it leaves the rest to the next (the function's timeout is 20 s; the reminders follow). */
const RUN_BUDGET_MS = 10_000
/** Sources per fill-in: each page costs its members, hand-ins, year closes, activities, communities, existing ids and one insert. */
const PAGE = 200

interface CursorDoc {
  _id: string
  kind: 'servicePrefillCursor'
  until: Date
}

/** The first run reaches back to the start of the previous quarter: the ones a liaison may still hand in. */
function firstFrom(now: Date): Date {
  const ref = quarterOf(now)
  const previous: QuarterRef = ref.quarter === 1 ? { year: ref.year - 1, quarter: 4 } : { year: ref.year, quarter: (ref.quarter - 1) as Quarter }
  return quarterRange(previous).from
}

/** Fills in the lines of sources recorded since the last run; returns how many were added. */
export async function prefillRecent(db: Database, now: Date): Promise<number> {
  const cursor = await findById<CursorDoc>(db, 'meta', PREFILL_CURSOR_ID)
  let from = cursor ? new Date(cursor.until.getTime() - OVERLAP_MS) : firstFrom(now)
  const started = Date.now()
  let added = 0
  // A day of records at a time, the cursor moved after each: a long first run
  // (or one after days without) stops within its time and the next goes on from there.
  while (from.getTime() < now.getTime()) {
    const to = new Date(Math.min(from.getTime() + DAY_MS, now.getTime()))
    added += await prefillBetween(db, from, to, now)
    if (!cursor || to.getTime() > cursor.until.getTime()) await db.collection('meta').doc(PREFILL_CURSOR_ID).set({ data: { kind: 'servicePrefillCursor', until: to } })
    from = to
    if (Date.now() - started > RUN_BUDGET_MS) break
  }
  return added
}

/** The sources recorded in [from, to]. */
async function prefillBetween(db: Database, from: Date, to: Date, now: Date): Promise<number> {
  const _ = db.command
  const within = () => _.gte(from).and(_.lte(to))
  const none: Sources = { attendance: [], needs: [], visits: [] }
  let added = 0
  for await (const page of scan<AttendanceDoc>(db, 'attendance', { outAt: within() }, { pageSize: PAGE })) added += await fillPage(db, { ...none, attendance: page }, now)
  for await (const ended of scan<ActivityDoc>(db, 'activities', { endedAt: within() }, { fields: { _id: true }, pageSize: 100 })) {
    for await (const page of scan<AttendanceDoc>(db, 'attendance', { activityId: _.in(ended.map((a) => a._id)) }, { pageSize: PAGE })) added += await fillPage(db, { ...none, attendance: page }, now)
  }
  for await (const page of scan<NeedDoc>(db, 'needs', { updatedAt: within(), state: _.in([...DONE_STATES]) }, { pageSize: PAGE })) added += await fillPage(db, { ...none, needs: page }, now)
  for await (const page of scan<VisitDoc>(db, 'assistanceVisits', { recordedAt: within() }, { pageSize: PAGE })) added += await fillPage(db, { ...none, visits: page }, now)
  return added
}

/** One page of sources: their members, and for each the quarters still open to lines. */
async function fillPage(db: Database, sources: Sources, now: Date): Promise<number> {
  const dates = [...sources.attendance.map((a) => ({ memberId: a.memberId, year: a.year })), ...sources.needs.map((n) => ({ memberId: n.assignedMemberId ?? '', year: n.completion?.year ?? 0 })), ...sources.visits.map((v) => ({ memberId: v.memberId, year: inChina(v.date).year() }))]
  const members = await docsByIds<MemberDoc>(db, 'members', dates.map((d) => d.memberId), { unitId: true, districtId: true, report: true })
  const owners = new Map<string, Owner>()
  for (const m of members.values()) if (m.report?.communityId) owners.set(m._id, { member: m, communityId: m.report.communityId })
  if (owners.size === 0) return 0

  const years = [...new Set(dates.map((d) => d.year).filter(Boolean))]
  const handInIds = [...owners.values()].flatMap((o) => years.map((y) => handInId(o.member.unitId, o.communityId, y)))
  const closeIds = [...new Set([...owners.values()].map((o) => o.member.districtId))].flatMap((d) => years.map((y) => yearCloseId(d, y)))
  const [handIns, closes] = await Promise.all([
    docsByIds<ServiceHandInDoc>(db, 'serviceHandIns', handInIds, { quarters: true }),
    docsByIds<YearCloseDoc>(db, 'yearCloses', closeIds, { _id: true }),
  ])
  const open = (owner: Owner, ref: QuarterRef, date: Date) =>
    !closes.has(yearCloseId(owner.member.districtId, ref.year)) && !lockedByHandIn(handIns.get(handInId(owner.member.unitId, owner.communityId, ref.year)), date)
  return fillInSources(db, sources, owners, open, now)
}
