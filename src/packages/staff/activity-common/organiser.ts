import type { GrantView } from '../../../domain/contracts/bootstrap.contract'
import type { ActivityStatus } from '../../../domain/activity-status'
import type { ATTENDANCE_METHODS } from '../../../domain/contracts/activity.contract'

// What the organiser's activity pages share: where they are, their words for
// an activity's status and a record's method, and whose community they plan in.

const ORGANISER_ROUTES = {
  edit: '/packages/staff/activity-edit/index',
  detail: '/packages/staff/activity/index',
  qr: '/packages/staff/activity-qr/index',
  attendance: '/packages/staff/activity-attendance/index',
} as const

export function pageUrl(page: keyof typeof ORGANISER_ROUTES, params: Record<string, string> = {}): string {
  const query = Object.entries(params)
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&')
  return query ? `${ORGANISER_ROUTES[page]}?${query}` : ORGANISER_ROUTES[page]
}

export const STATUS_LABELS: Record<ActivityStatus, string> = { draft: '草稿', published: '已发布', ended: '已结束', cancelled: '已取消' }

export const METHOD_LABELS: Record<(typeof ATTENDANCE_METHODS)[number], string> = {
  code: '扫码',
  card: '扫联系证',
  manual: '补录',
  scheduledEnd: '按结束时间',
}

/**
 * The community the organiser plans in: the one the page was opened for
 * (`?communityId=`, e.g. a unit organiser's paired community), else the
 * community of a staff grant; null when neither says.
 */
export function organiserCommunity(grant: GrantView, param: string | undefined): string | null {
  return param || grant.scope.communityId || null
}
