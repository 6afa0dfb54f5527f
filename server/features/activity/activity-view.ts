import { marginsOf } from '../../../src/domain/signin-window'
import type { ActivityView } from '../../../src/domain/contracts/activity.contract'
import { creditedMinutes } from '../../../src/domain/activity-hours'
import type { ActivityDoc, AttendanceDoc, SignupDoc } from '../../db/docs'

// An activity as callers see it; `mine` and `claimed` are the member's own.

export interface MemberSide {
  signup: SignupDoc | null
  attendance: AttendanceDoc | null
  claimedPostIds: ReadonlySet<string>
}

const iso = (date: Date | null) => (date ? date.toISOString() : null)

function myAttendance(activity: ActivityDoc, record: AttendanceDoc): NonNullable<ActivityView['myAttendance']> {
  return { inAt: record.inAt.toISOString(), outAt: iso(record.outAt), minutes: creditedMinutes(activity, record, activity.status === 'ended') }
}

export function activityView(activity: ActivityDoc, communityName: string, side: MemberSide | null): ActivityView {
  const signup = side?.signup && side.signup.status !== 'cancelled' ? side.signup : null
  const waitIndex = signup?.status === 'waitlisted' ? activity.waitlist.indexOf(signup.memberId) : -1
  return {
    activityId: activity._id,
    organiserKind: activity.organiserKind,
    unitId: activity.unitId ?? null,
    unitName: activity.unitName ?? null,
    communityId: activity.communityId,
    communityName,
    title: activity.title,
    postId: activity.postId,
    postName: activity.postName,
    description: activity.description,
    place: activity.place,
    startAt: activity.startAt.toISOString(),
    endAt: activity.endAt.toISOString(),
    status: activity.status,
    signupRequired: activity.signupRequired,
    capacity: activity.capacity,
    signinEarlyMin: marginsOf(activity).beforeStartMin,
    signupOpensAt: iso(activity.signupOpensAt),
    signupClosesAt: activity.signupClosesAt.toISOString(),
    signedUp: activity.signedUp,
    waitlisted: activity.waitlist.length,
    location: activity.location,
    cancelReason: activity.cancelReason,
    claimedPost: activity.postId !== null && (side?.claimedPostIds.has(activity.postId) ?? false),
    mySignup: signup?.status === 'signedUp' || signup?.status === 'waitlisted' ? signup.status : null,
    myWaitlistPosition: waitIndex >= 0 ? waitIndex + 1 : null,
    myAttendance: side?.attendance ? myAttendance(activity, side.attendance) : null,
  }
}
