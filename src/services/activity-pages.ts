// Where a member's activity pages live (packages/member): the detail, with
// sign-up, and the scanner that signs in and out.

const ACTIVITY_PAGE = '/packages/member/activity/index'
export const SIGNIN_PAGE = '/packages/member/signin/index'

export function activityPageOf(activityId: string): string {
  return `${ACTIVITY_PAGE}?activityId=${encodeURIComponent(activityId)}`
}

/** The scanner, opened from an activity's page: the code must be that activity's. */
export function signinPageOf(activityId: string): string {
  return `${SIGNIN_PAGE}?activityId=${encodeURIComponent(activityId)}`
}
