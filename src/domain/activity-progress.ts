import { hoursOf } from './activity-hours'
import type { CountedKind, OrganiserKind } from './activity-status'
import type { ActivityView } from './contracts/activity.contract'
import { ERROR_MESSAGES } from './errors'
import { windowRefusal } from './signup'

// What a member's pages say about their activities (issue 9 §5): each
// activity's standing for them, and the year's counts against the rule
// (002 §三.1: community-organised X / 2, unit-organised in the paired
// community Y / 2), short ones marked.

export const ORGANISER_LABELS: Record<CountedKind, string> = {
  community: '社区组织',
  unit: '单位组织（结对社区）',
}

/** Who organised it, as a member reads it; the centre's count as community-organised (002 §三.4). */
export function organiserLabel(kind: OrganiserKind): string {
  return kind === 'volunteerCentre' ? '区志愿者工作指导中心（计入社区组织）' : ORGANISER_LABELS[kind]
}

export interface RuleProgress {
  kind: CountedKind
  label: string
  done: number
  required: number
  /** Fewer than the rule asks for this year. */
  short: boolean
}

export function ruleProgress(year: { required: number; community: number; unit: number }): RuleProgress[] {
  return (['community', 'unit'] as const).map((kind) => ({ kind, label: ORGANISER_LABELS[kind], done: year[kind], required: year.required, short: year[kind] < year.required }))
}

export type StandingTone = 'green' | 'amber'

/** The member's standing on one activity, or null when they have none. */
export function myStanding(activity: Pick<ActivityView, 'mySignup' | 'myWaitlistPosition' | 'myAttendance'>): { text: string; tone: StandingTone } | null {
  const attended = activity.myAttendance
  if (attended) return { text: attended.minutes === null ? '已签到' : `已签到 · ${hoursOf(attended.minutes)}小时`, tone: 'green' }
  if (activity.mySignup === 'signedUp') return { text: '已报名', tone: 'green' }
  if (activity.mySignup === 'waitlisted') return { text: activity.myWaitlistPosition ? `候补第${activity.myWaitlistPosition}位` : '候补中', tone: 'amber' }
  return null
}

export type SignupOffer = { action: 'signUp' | 'cancel' } | { closed: string }

/** What the detail page offers a member: sign up, cancel, or why neither (the server decides again on the tap). */
export function signupOffer(activity: ActivityView, now: Date): SignupOffer {
  const refusal = windowRefusal(
    {
      status: activity.status,
      signupRequired: activity.signupRequired,
      signupOpensAt: activity.signupOpensAt ? new Date(activity.signupOpensAt) : null,
      signupClosesAt: new Date(activity.signupClosesAt),
    },
    now,
  )
  if (refusal) return { closed: ERROR_MESSAGES[refusal] }
  return { action: activity.mySignup ? 'cancel' : 'signUp' }
}
