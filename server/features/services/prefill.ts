import { creditedMinutes } from '../../../src/domain/activity-hours'
import { DONE_STATES } from '../../../src/domain/need-rules'
import { quarterOf, quarterRange, type Quarter, type QuarterRef } from '../../../src/domain/quarter'
import { hoursFromMinutes, roundHours, serviceDay } from '../../../src/domain/service-entry-rules'
import { docsByIds } from '../../db/by-ids'
import { isDuplicateKey } from '../../db/db-errors'
import type { ActivityDoc, AttendanceDoc, CommunityDoc, MemberDoc, ServiceEntryDoc } from '../../db/docs'
import { scanAll } from '../../db/read'
import { addDocs } from '../../db/write'
import type { Database } from '../../kernel/database'
import type { NeedDoc } from '../needs/need-doc'
import type { VisitDoc } from '../records/record-docs'

// What the system already knows appears in the member's 服务清单 filled in:
// activities attended (not cancelled ones; hours as credited), needs completed
// and 结对帮扶 visits. Each becomes an entry once: its `_id` is derived from
// its source, so filling in again inserts only what is missing. Three callers
// share fillInSources(): the member opening their list (their year), the
// liaison opening a page of a community's quarter (that page's members), and
// the daily timer (sources recorded since its last run, prefill-sweep.ts).
// Each gathers the sources its own way; the cost of filling in is then fixed:
// the sources' activities and communities, the existing ids, one insert.

export const sourceEntryId = (type: 'attendance' | 'need' | 'visit', id: string) => `${type}:${id}`

export interface Sources {
  attendance: AttendanceDoc[]
  needs: NeedDoc[]
  visits: VisitDoc[]
}

/** Whose lines they are: the member, and the community they reported to (entries are filed with it). */
export interface Owner {
  member: Pick<MemberDoc, '_id' | 'unitId' | 'districtId'>
  communityId: string
}

/** May a line of this owner's dated in `ref` be added (its quarter begun, not handed in, its year not closed)? */
export type OpenQuarter = (owner: Owner, ref: QuarterRef, date: Date) => boolean

type Candidate = Omit<ServiceEntryDoc, 'unitId' | 'communityId' | 'districtId' | 'createdAt' | 'updatedAt'>

/** Adds the lines of `sources` not yet in any 服务清单, for owners known and quarters open; returns how many were added. */
export async function fillInSources(db: Database, sources: Sources, owners: ReadonlyMap<string, Owner>, open: OpenQuarter, now: Date): Promise<number> {
  const live = sources.attendance.filter((a) => !a.activityCancelled && owners.has(a.memberId))
  const needs = sources.needs.filter((n) => n.completion && n.assignedMemberId && owners.has(n.assignedMemberId))
  const visits = sources.visits.filter((v) => owners.has(v.memberId))
  if (live.length + needs.length + visits.length === 0) return 0
  const [activities, communities] = await Promise.all([
    docsByIds<ActivityDoc>(db, 'activities', live.map((a) => a.activityId), { title: true, place: true, startAt: true, endAt: true, status: true, organiserKind: true }),
    docsByIds<CommunityDoc>(db, 'communities', [...needs.map((n) => n.communityId), ...visits.map((v) => v.communityId)], { name: true }),
  ])

  const today = serviceDay(now).getTime()
  const candidates: Candidate[] = []
  const base = { photoFileId: null, status: 'draft' as const, returnReason: null, returnedBy: null, handInId: null }
  const dated = (memberId: string, when: Date) => {
    const date = serviceDay(when)
    const ref = quarterOf(date)
    // A line is never dated in the future (as planEntry refuses), nor added to a quarter handed in.
    return date.getTime() <= today && open(owners.get(memberId)!, ref, date) ? { memberId, date, year: ref.year, quarter: ref.quarter } : null
  }
  for (const a of live) {
    const activity = activities.get(a.activityId)
    if (!activity || activity.status === 'cancelled') continue
    const minutes = creditedMinutes(activity, a, activity.status === 'ended')
    const hours = minutes === null ? 0 : hoursFromMinutes(minutes)
    const at = dated(a.memberId, activity.startAt)
    if (!at || hours <= 0) continue
    candidates.push({ ...base, ...at, _id: sourceEntryId('attendance', a._id), place: activity.place, content: activity.title, kind: activity.organiserKind === 'unit' ? 'unit' : 'community', hours, source: { type: 'attendance', id: a._id } })
  }
  for (const n of needs) {
    const at = dated(n.assignedMemberId!, n.completion!.doneAt)
    if (!at) continue
    const place = communities.get(n.communityId)?.name ?? '社区'
    candidates.push({ ...base, ...at, _id: sourceEntryId('need', n._id), place, content: `${n.categoryName}：${n.completion!.what}`.slice(0, 300), kind: 'need', hours: roundHours(n.completion!.hours), source: { type: 'need', id: n._id } })
  }
  for (const v of visits) {
    const at = dated(v.memberId, v.date)
    if (!at) continue
    // A visit records no duration: one hour, which the member corrects.
    candidates.push({ ...base, ...at, _id: sourceEntryId('visit', v._id), place: communities.get(v.communityId)?.name ?? '社区', content: `结对帮扶走访：${v.content}`.slice(0, 300), kind: 'pairing', hours: 1, source: { type: 'visit', id: v._id } })
  }
  if (candidates.length === 0) return 0

  const docs = candidates.map((c) => {
    const owner = owners.get(c.memberId)!
    return { ...c, unitId: owner.member.unitId, communityId: owner.communityId, districtId: owner.member.districtId, createdAt: now, updatedAt: now }
  })
  return insertMissing(db, docs)
}

/** Insert attempts when another call inserts some of the same lines at once. */
const INSERT_ATTEMPTS = 3

/**
 * Inserts those of `docs` not in serviceEntries yet; how many it inserted.
 * Filled in twice at once (two lists opened, the timer and a list), a batch
 * insert stops at the first id the other call wrote, leaving the rest of the
 * batch out: the existing ids are read again and what is still missing goes
 * in, a few times, so the timer's cursor never moves past lines not written.
 */
async function insertMissing(db: Database, docs: ServiceEntryDoc[]): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    const existing = await docsByIds<ServiceEntryDoc>(db, 'serviceEntries', docs.map((d) => d._id), { _id: true })
    const missing = docs.filter((d) => !existing.has(d._id))
    if (missing.length === 0) return 0
    try {
      await addDocs(db, 'serviceEntries', missing as unknown as Array<Record<string, unknown>>)
      return missing.length
    } catch (error) {
      if (!isDuplicateKey(error) || attempt >= INSERT_ATTEMPTS) throw error
    }
  }
}

/** The sources of some members dated in `year`'s quarters `from`..`to` (one bounded read each; `in` over the members' ids). */
async function sourcesOfMembers(db: Database, memberIds: readonly string[], year: number, quarters: readonly Quarter[]): Promise<Sources> {
  const _ = db.command
  const ids = memberIds.length === 1 ? memberIds[0]! : _.in([...memberIds])
  const from = quarterRange({ year, quarter: Math.min(...quarters) as Quarter }).from
  const to = quarterRange({ year, quarter: Math.max(...quarters) as Quarter }).to
  const [attendance, needs, visits] = await Promise.all([
    scanAll<AttendanceDoc>(db, 'attendance', { memberId: ids, year }),
    scanAll<NeedDoc>(db, 'needs', { assignedMemberId: ids, state: _.in([...DONE_STATES]), 'completion.year': year }),
    scanAll<VisitDoc>(db, 'assistanceVisits', { memberId: ids, date: _.gte(from).and(_.lt(to)) }),
  ])
  return { attendance, needs, visits }
}

/**
 * Fills in the entries of `year`'s open `quarters` (not handed in, begun) of
 * members reported to `communityId`: the member's own list (one member) or a
 * page of the liaison's (the page's members). Returns how many were added.
 */
export async function prefillEntries(
  db: Database,
  members: ReadonlyArray<Owner['member']>,
  communityId: string,
  year: number,
  quarters: readonly Quarter[],
  now: Date,
  /** A day not yet handed in (the fourth quarter handed in early takes lines dated after its hand-in day). */
  openDay: (date: Date) => boolean = () => true,
): Promise<number> {
  if (quarters.length === 0 || members.length === 0) return 0
  const sources = await sourcesOfMembers(db, members.map((m) => m._id), year, quarters)
  const owners = new Map(members.map((m) => [m._id, { member: m, communityId }]))
  return fillInSources(db, sources, owners, (_owner, ref, date) => ref.year === year && quarters.includes(ref.quarter) && openDay(date), now)
}
