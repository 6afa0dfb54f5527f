import { countedKind } from '../../../src/domain/activity-status'
import { inChina } from '../../../src/domain/china-time'
import type { AttendanceRow, SigninResult } from '../../../src/domain/contracts/activity.contract'
import { AppError } from '../../../src/domain/errors'
import { checkLocation, type ReportedPosition } from '../../../src/domain/location-flag'
import { decideSignin, marginsOf, type Direction } from '../../../src/domain/signin-window'
import { ownMemberPlace, type MemberPlace } from '../../access/own-member'
import { isDuplicateKey } from '../../db/db-errors'
import type { ActivityDoc, AttendanceDoc, AttendanceMethod, AttendanceVersion, MemberDoc } from '../../db/docs'
import { findById, notFound } from '../../db/load'
import { namesOf } from '../../db/names'
import { findInTransaction, inTransaction } from '../../db/transaction'
import type { KnownContext } from '../../kernel/function-def'
import { resolveToken } from '../card/card-resolve'
import { drawQrDataUrl } from '../card/card-view'
import { managedActivity, requireOpenTo } from './activity-access'
import { openToMember } from './volunteer-access'
import { attendanceRow } from './attendance'
import { codeExpiresAt, currentSigninCode, nextWindowAt, verifySigninCode } from './signin-token'

// Sign-in and sign-out (issue 9 §4). One attendance record per member per
// activity, its id fixed by the pair and held by the unique index: a second
// scan, or two phones at once, find the first record and write nothing. A
// member's scan costs four requests: the session's user and member (principal.ts
// reads the member's current place for the call), the activity, the write —
// for a member there by their unit's or branch's pairing too, by the
// activity's mirror of its community's pairings (unit-pairings.ts).

export function attendanceId(activityId: string, memberId: string): string {
  return `${activityId}:${memberId}`
}

/** The organiser's display may show the code early; the scan is what the schedule decides. */
export async function signinCode(ctx: KnownContext, activity: ActivityDoc, direction: Direction) {
  if (activity.status !== 'published') throw new AppError(activity.status === 'cancelled' ? 'ACTIVITY_CANCELLED' : activity.status === 'ended' ? 'ACTIVITY_ENDED' : 'ACTIVITY_NOT_OPEN')
  const now = ctx.now()
  const token = currentSigninCode(ctx.env.cardSecret, activity._id, direction, now)
  return {
    token,
    // Drawn here as the card's QR is, so the display page ships no QR encoder;
    // not cached with the cards' images: a code lives 15 s.
    qr: await drawQrDataUrl(token),
    direction,
    serverNow: now.toISOString(),
    refreshAt: nextWindowAt(now).toISOString(),
    expiresAt: codeExpiresAt(now).toISOString(),
  }
}

async function findAttendance(ctx: KnownContext, activityId: string, memberId: string): Promise<AttendanceDoc | undefined> {
  return findById<AttendanceDoc>(ctx.db, 'attendance', attendanceId(activityId, memberId))
}

/** The member scanned in: their name when the organiser scanned them (a self-scan needs none). */
type Scanned = MemberPlace & { name: string | null }

interface Scan {
  activity: ActivityDoc
  member: Scanned
  direction: Direction
  method: AttendanceMethod
  position?: ReportedPosition
}

function result(scan: Scan, direction: Direction, already: boolean, at: Date, flagged: boolean): SigninResult {
  return { activityId: scan.activity._id, title: scan.activity.title, memberName: scan.member.name, direction, already, at: at.toISOString(), flagged }
}

/** Applies one scan: the plan from signin-window.ts, with the existing record read only when it matters. */
async function applyScan(ctx: KnownContext, scan: Scan): Promise<SigninResult> {
  const { activity, member, direction } = scan
  const now = ctx.now()
  // A sign-in needs no read first: the write itself finds a repeat (duplicate key).
  const existing = direction === 'out' ? ((await findAttendance(ctx, activity._id, member._id)) ?? null) : null
  const plan = decideSignin(activity, direction, existing, now, marginsOf(activity))
  if ('already' in plan) return result(scan, plan.already, true, plan.at, existing?.location?.flagged ?? false)
  if ('refuse' in plan) {
    // A repeated sign-in after the doors closed still answers 已签到.
    const earlier = direction === 'in' ? await findAttendance(ctx, activity._id, member._id) : undefined
    if (earlier) return result(scan, 'in', true, earlier.inAt, earlier.location?.flagged ?? false)
    throw new AppError(plan.refuse)
  }
  if (plan.write === 'signOut') {
    const updated = (await ctx.db
      .collection('attendance')
      .where({ _id: attendanceId(activity._id, member._id), outAt: null })
      .update({ data: { outAt: now, outMethod: scan.method } })) as { stats: { updated: number } }
    if (updated.stats.updated === 0) {
      const first = (await findAttendance(ctx, activity._id, member._id))!
      return result(scan, 'out', true, first.outAt ?? now, first.location?.flagged ?? false)
    }
    return result(scan, 'out', false, now, existing?.location?.flagged ?? false)
  }
  const location = scan.position && activity.location ? { lat: scan.position.lat, lng: scan.position.lng, ...checkLocation(activity.location, scan.position) } : null
  try {
    await writeAttendance(ctx, activity, member, { inAt: now, inMethod: scan.method, outAt: null, outMethod: null, reason: null, location })
  } catch (error) {
    if (!isDuplicateKey(error)) throw error
    const first = (await findAttendance(ctx, activity._id, member._id))!
    return result(scan, 'in', true, first.inAt, first.location?.flagged ?? false)
  }
  return result(scan, 'in', false, now, location?.flagged ?? false)
}

type Presence = Pick<AttendanceDoc, 'inAt' | 'inMethod' | 'outAt' | 'outMethod' | 'reason' | 'location'>

async function writeAttendance(ctx: KnownContext, activity: ActivityDoc, member: MemberPlace, presence: Presence): Promise<AttendanceDoc> {
  const record: AttendanceDoc = {
    _id: attendanceId(activity._id, member._id),
    activityId: activity._id,
    memberId: member._id,
    unitId: member.unitId,
    organiserKind: countedKind(activity.organiserKind),
    communityId: activity.communityId,
    year: inChina(activity.startAt).year(),
    ...presence,
    recordedBy: ctx.principal.userId,
  }
  // add, not set: a second add of the same id is a duplicate key, never an overwrite.
  await ctx.db.collection('attendance').add({ data: { ...record } })
  return record
}

/** A member scans the organiser's code. */
export async function signIn(ctx: KnownContext, input: { token: string; activityId?: string; location?: ReportedPosition }): Promise<SigninResult> {
  const claim = verifySigninCode(ctx.env.cardSecret, input.token, ctx.now())
  if (input.activityId && input.activityId !== claim.activityId) throw new AppError('SIGNIN_CODE_OTHER_ACTIVITY')
  const activity = await findById<ActivityDoc>(ctx.db, 'activities', claim.activityId)
  const member = { ...ownMemberPlace(ctx.principal), name: null }
  // Signed by us, so it existed: deleted since, or of another environment.
  if (!activity) throw notFound('活动')
  // The code proves they saw it; say why rather than NOT_FOUND.
  if (!(await openToMember(ctx, activity, member))) throw new AppError('ACTIVITY_NOT_FOR_YOU')
  return applyScan(ctx, { activity, member, direction: claim.direction, method: 'code', position: input.location })
}

/** The organiser scans a member's 联系证. */
export async function signInByCard(ctx: KnownContext, input: { activityId: string; token: string }): Promise<SigninResult> {
  const activity = await managedActivity(ctx, input.activityId)
  const { member } = await resolveToken(ctx.db, ctx.env.cardSecret, input.token)
  await requireOpenTo(ctx, activity, member)
  return applyScan(ctx, { activity, member: { ...member, name: member.name }, direction: 'in', method: 'card' })
}

/** The organiser records a presence by hand, with the reason; during the activity or after it. */
export async function addRecord(ctx: KnownContext, input: { activityId: string; memberId: string; inAt: Date; outAt: Date | null; reason: string }): Promise<AttendanceRow> {
  const activity = await managedActivity(ctx, input.activityId)
  if (activity.status === 'cancelled') throw new AppError('ACTIVITY_CANCELLED')
  if (activity.status === 'draft') throw new AppError('ACTIVITY_NOT_OPEN')
  if (input.outAt && input.outAt.getTime() <= input.inAt.getTime()) throw new AppError('ATTENDANCE_TIME_INVALID')
  const member = await findById<MemberDoc>(ctx.db, 'members', input.memberId)
  if (!member) throw notFound('党员')
  await requireOpenTo(ctx, activity, member)
  try {
    const record = await writeAttendance(ctx, activity, member, {
      inAt: input.inAt,
      inMethod: 'manual',
      outAt: input.outAt ?? (activity.status === 'ended' ? activity.endAt : null),
      outMethod: input.outAt ? 'manual' : activity.status === 'ended' ? 'scheduledEnd' : null,
      reason: input.reason,
      location: null,
    })
    return rowWithNames(ctx, activity, record, member)
  } catch (error) {
    if (isDuplicateKey(error)) throw new AppError('ATTENDANCE_EXISTS')
    throw error
  }
}

/** The organiser corrects a record's times with a reason; the replaced version goes into its history. */
export async function correctRecord(ctx: KnownContext, input: { activityId: string; memberId: string; inAt?: Date; outAt?: Date | null; reason: string }): Promise<AttendanceRow> {
  const activity = await managedActivity(ctx, input.activityId)
  if (activity.status === 'cancelled') throw new AppError('ACTIVITY_CANCELLED')
  const id = attendanceId(activity._id, input.memberId)
  const now = ctx.now()
  // One transaction on the record: two corrections at once each keep the version they replaced.
  const corrected = await inTransaction(ctx.db, async (t) => {
    const record = await findInTransaction<AttendanceDoc>(t, 'attendance', id)
    if (!record) throw notFound('签到记录')
    const inAt = input.inAt ?? record.inAt
    const outAt = input.outAt === undefined ? record.outAt : input.outAt
    if (outAt && outAt.getTime() <= inAt.getTime()) throw new AppError('ATTENDANCE_TIME_INVALID')
    const replaced: AttendanceVersion = {
      inAt: record.inAt,
      outAt: record.outAt,
      inMethod: record.inMethod,
      outMethod: record.outMethod,
      reason: record.reason,
      correctedBy: ctx.principal.userId,
      correctedAt: now,
      correction: input.reason,
    }
    const changes = {
      inAt,
      outAt,
      inMethod: input.inAt ? 'manual' : record.inMethod,
      outMethod: input.outAt === undefined ? record.outMethod : outAt ? 'manual' : null,
      history: [...(record.history ?? []), replaced],
    } satisfies Partial<AttendanceDoc>
    await t.collection('attendance').doc(id).update({ data: changes })
    return { ...record, ...changes }
  })
  return rowWithNames(ctx, activity, corrected, await findById<MemberDoc>(ctx.db, 'members', input.memberId))
}

async function rowWithNames(ctx: KnownContext, activity: ActivityDoc, record: AttendanceDoc, member: MemberDoc | undefined): Promise<AttendanceRow> {
  const unitName = member ? ((await namesOf(ctx.db, 'units', [member.unitId])).get(member.unitId) ?? '') : ''
  return attendanceRow(activity, record, member?.name ?? '', unitName)
}
