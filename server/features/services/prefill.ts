import { creditedMinutes } from '../../../src/domain/activity-hours'
import { quarterOf, quarterRange, type Quarter } from '../../../src/domain/quarter'
import { hoursFromMinutes, roundHours, serviceDay } from '../../../src/domain/service-entry-rules'
import { docsByIds } from '../../db/by-ids'
import { isDuplicateKey } from '../../db/db-errors'
import type { ActivityDoc, AttendanceDoc, CommunityDoc, MemberDoc, ServiceEntryDoc } from '../../db/docs'
import { scanAll } from '../../db/read'
import { addDocs } from '../../db/write'
import type { Database } from '../../kernel/database'
import { completedNeedsOf } from '../needs/need-service'
import type { VisitDoc } from '../records/record-docs'

// What the system already knows appears in the member's 服务清单 filled in:
// activities attended (not cancelled ones; hours as credited), needs completed
// and 结对帮扶 visits. Each becomes an entry once: its `_id` is derived from
// its source, so filling in again (every time the member opens the list)
// inserts only what is missing. The cost is fixed: one bounded read per
// source, one read of the existing ids, one insert.

export const sourceEntryId = (type: 'attendance' | 'need' | 'visit', id: string) => `${type}:${id}`

type Candidate = Omit<ServiceEntryDoc, 'memberId' | 'unitId' | 'communityId' | 'districtId' | 'createdAt' | 'updatedAt'>

/** Fills in the member's entries of `year` in the open `quarters` (not handed in); returns how many were added. */
export async function prefillEntries(db: Database, member: MemberDoc, communityId: string, year: number, quarters: readonly Quarter[], now: Date): Promise<number> {
  if (quarters.length === 0) return 0
  const _ = db.command
  const from = quarterRange({ year, quarter: Math.min(...quarters) as Quarter }).from
  const to = quarterRange({ year, quarter: Math.max(...quarters) as Quarter }).to
  const [attendance, needs, visits] = await Promise.all([
    scanAll<AttendanceDoc>(db, 'attendance', { memberId: member._id, year }),
    completedNeedsOf(db, member._id, year),
    scanAll<VisitDoc>(db, 'assistanceVisits', { memberId: member._id, date: _.gte(from).and(_.lt(to)) }),
  ])
  const live = attendance.filter((a) => !a.activityCancelled)
  const [activities, communities] = await Promise.all([
    docsByIds<ActivityDoc>(db, 'activities', live.map((a) => a.activityId), { title: true, place: true, startAt: true, endAt: true, status: true, organiserKind: true }),
    docsByIds<CommunityDoc>(db, 'communities', [...needs.map((n) => n.communityId), ...visits.map((v) => v.communityId)], { name: true }),
  ])

  const candidates: Candidate[] = []
  const base = { photoFileId: null, status: 'draft' as const, returnReason: null, returnedBy: null, handInId: null }
  const inOpenQuarter = (date: Date) => {
    const ref = quarterOf(date)
    return ref.year === year && quarters.includes(ref.quarter) ? ref : null
  }
  for (const a of live) {
    const activity = activities.get(a.activityId)
    if (!activity || activity.status === 'cancelled') continue
    const minutes = creditedMinutes(activity, a, activity.status === 'ended')
    const hours = minutes === null ? 0 : hoursFromMinutes(minutes)
    const date = serviceDay(activity.startAt)
    const ref = inOpenQuarter(date)
    if (!ref || hours <= 0) continue
    candidates.push({ ...base, _id: sourceEntryId('attendance', a._id), date, year, quarter: ref.quarter, place: activity.place, content: activity.title, kind: activity.organiserKind === 'unit' ? 'unit' : 'community', hours, source: { type: 'attendance', id: a._id } })
  }
  for (const n of needs) {
    const date = serviceDay(n.completion!.doneAt)
    const ref = inOpenQuarter(date)
    if (!ref) continue
    const place = communities.get(n.communityId)?.name ?? '社区'
    candidates.push({ ...base, _id: sourceEntryId('need', n._id), date, year, quarter: ref.quarter, place, content: `${n.categoryName}：${n.completion!.what}`.slice(0, 300), kind: 'need', hours: roundHours(n.completion!.hours), source: { type: 'need', id: n._id } })
  }
  for (const v of visits) {
    const date = serviceDay(v.date)
    const ref = inOpenQuarter(date)
    if (!ref) continue
    // A visit records no duration: one hour, which the member corrects.
    candidates.push({ ...base, _id: sourceEntryId('visit', v._id), date, year, quarter: ref.quarter, place: communities.get(v.communityId)?.name ?? '社区', content: `结对帮扶走访：${v.content}`.slice(0, 300), kind: 'pairing', hours: 1, source: { type: 'visit', id: v._id } })
  }
  if (candidates.length === 0) return 0

  const existing = await docsByIds<ServiceEntryDoc>(db, 'serviceEntries', candidates.map((c) => c._id), { _id: true })
  const missing = candidates.filter((c) => !existing.has(c._id))
  if (missing.length === 0) return 0
  const owner = { memberId: member._id, unitId: member.unitId, communityId, districtId: member.districtId, createdAt: now, updatedAt: now }
  try {
    await addDocs(db, 'serviceEntries', missing.map((c) => ({ ...c, ...owner })))
  } catch (error) {
    // Two lists opened at once: the other call inserted them first (ids are the sources'), which is the outcome wanted.
    if (!isDuplicateKey(error)) throw error
  }
  return missing.length
}
