import { creditedMinutes } from '../../../src/domain/activity-hours'
import { YEARLY_MINIMUM, countedKind } from '../../../src/domain/activity-status'
import { inChina } from '../../../src/domain/china-time'
import type { AttendanceRow } from '../../../src/domain/contracts/activity.contract'
import { unitPairedAt } from '../../../src/domain/pairing'
import { ownMemberPlace } from '../../access/own-member'
import type { ActivityDoc, AttendanceDoc, MemberDoc, SignupDoc, UnitPairingDoc } from '../../db/docs'
import { unitPairingTerms } from '../../db/unit-pairings'
import { docsByIds } from '../../db/by-ids'
import { namesOf } from '../../db/names'
import { scan, scanAll } from '../../db/read'
import type { KnownContext } from '../../kernel/function-def'

// What the organiser sees of an activity (sign-ups, waitlist, attendance with
// hours and flags) and what a member sees of their year (issue 9 §5). Every
// list is read page by page: an activity of any size comes whole.

export function attendanceRow(activity: ActivityDoc, record: AttendanceDoc, memberName: string, unitName: string): AttendanceRow {
  return {
    memberId: record.memberId,
    memberName,
    unitName,
    inAt: record.inAt.toISOString(),
    inMethod: record.inMethod,
    outAt: record.outAt ? record.outAt.toISOString() : null,
    outMethod: record.outMethod,
    minutes: creditedMinutes(activity, record, activity.status === 'ended'),
    reason: record.reason,
    distance: record.location?.distance ?? null,
    accuracy: record.location?.accuracy ?? null,
    flagged: record.location?.flagged ?? false,
    corrections: (record.history ?? []).map((v) => ({ inAt: v.inAt.toISOString(), outAt: v.outAt ? v.outAt.toISOString() : null, correctedAt: v.correctedAt.toISOString(), correction: v.correction })),
  }
}

export async function attendanceOf(ctx: KnownContext, activity: ActivityDoc) {
  const _ = ctx.db.command
  const [records, signups] = await Promise.all([
    scanAll<AttendanceDoc>(ctx.db, 'attendance', { activityId: activity._id }),
    scanAll<SignupDoc>(ctx.db, 'signups', { activityId: activity._id, status: _.in(['signedUp', 'waitlisted']) }),
  ])
  const members = await docsByIds<MemberDoc>(ctx.db, 'members', [...records.map((r) => r.memberId), ...signups.map((s) => s.memberId)], { name: true, unitId: true })
  const units = await namesOf(ctx.db, 'units', [...members.values()].map((m) => m.unitId))
  const who = (memberId: string) => {
    const member = members.get(memberId)
    return { memberName: member?.name ?? '', unitName: member ? (units.get(member.unitId) ?? '') : '' }
  }
  const signupRow = (s: SignupDoc) => ({ memberId: s.memberId, ...who(s.memberId), at: s.at.toISOString() })
  const bySignup = new Map(signups.map((s) => [s.memberId, s]))
  return {
    activityId: activity._id,
    signedUp: signups.filter((s) => s.status === 'signedUp').sort((a, b) => a.at.getTime() - b.at.getTime()).map(signupRow),
    // The activity document holds the order.
    waitlist: activity.waitlist.flatMap((id) => {
      const s = bySignup.get(id)
      return s ? [signupRow(s)] : []
    }),
    attended: records.sort((a, b) => a.inAt.getTime() - b.inAt.getTime()).map((r) => attendanceRow(activity, r, who(r.memberId).memberName, who(r.memberId).unitName)),
  }
}

/**
 * This year's counts against the rule: community-organised X / 2, and
 * unit-organised Y / 2 — activities of the member's own unit in a community
 * the unit was paired with when they took place (002 §三.1).
 */
export async function myYear(ctx: KnownContext, year: number | undefined) {
  const member = ownMemberPlace(ctx.principal)
  const theYear = year ?? inChina(ctx.now()).year()
  const counts = { community: 0, unit: 0 }
  let minutes = 0
  // Read once, and only when a unit-organised record needs them.
  let terms: Promise<UnitPairingDoc[]> | undefined
  const countsForUnit = async (activity: ActivityDoc) =>
    activity.unitId === member.unitId && unitPairedAt(await (terms ??= unitPairingTerms(ctx.db, member.unitId)), member.unitId, activity.communityId, activity.startAt)
  for await (const records of scan<AttendanceDoc>(ctx.db, 'attendance', { memberId: member._id, year: theYear })) {
    const activities = await docsByIds<ActivityDoc>(ctx.db, 'activities', records.map((r) => r.activityId))
    for (const record of records) {
      const activity = activities.get(record.activityId)
      if (!activity || activity.status === 'cancelled') continue
      // The centre's activities count as community-organised where they are held.
      const kind = countedKind(activity.organiserKind)
      if (kind === 'community' || (await countsForUnit(activity))) counts[kind] += 1
      minutes += creditedMinutes(activity, record, activity.status === 'ended') ?? 0
    }
  }
  return { year: theYear, required: YEARLY_MINIMUM, ...counts, minutes }
}
