import type { CorrectionField } from '../domain/corrections'

// Where the community's staff fix what a correction request is about: the
// member's 附件1 registration (特长, claims, photo at the desk), or the
// activity's attendance list (a missing or wrong record), or the list of
// activities when the request names none.
export function fixRouteOf(field: CorrectionField, memberId: string, activityId: string | null): string {
  if (field === 'activity') return activityId ? `/packages/staff/activity-attendance/index?activityId=${activityId}` : '/packages/staff/activities/index'
  return `/packages/member/registration/index?memberId=${memberId}`
}

export const FIX_LABELS: Record<CorrectionField, string> = {
  specialty: '去报到登记表修改爱好特长',
  claims: '去报到登记表修改认领项目',
  photo: '去报到登记表更换照片',
  activity: '去活动签到名单更正记录',
}
