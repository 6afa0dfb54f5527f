import type { GrantView } from '../../../domain/contracts/bootstrap.contract'
import type { ActivityStatus } from '../../../domain/activity-status'
import type { ATTENDANCE_METHODS, ActivityView } from '../../../domain/contracts/activity.contract'

// What the organiser's activity pages share: where they are, their words for
// an activity's status and a record's method, and whom they plan for.

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
 * Whom the organiser plans for (issue 9 §2, §6): a staff member their
 * community; a unit's secretary or liaison their unit, in a paired community
 * picked per activity; the 区志愿者工作指导中心 its district's professional
 * services. Null when the grant says none of these.
 */
export type OrganiserSide = { kind: 'community'; communityId: string } | { kind: 'unit'; unitId: string } | { kind: 'centre' }

export function organiserSide(grant: GrantView): OrganiserSide | null {
  if (grant.role === 'volunteerCentre') return { kind: 'centre' }
  if (grant.role === 'secretary' || grant.role === 'liaison') return grant.scope.unitId ? { kind: 'unit', unitId: grant.scope.unitId } : null
  return grant.scope.communityId ? { kind: 'community', communityId: grant.scope.communityId } : null
}

/** The list call's scope: the community's, the unit's (drafts too), or (none given) the centre's own. */
export function listScope(side: OrganiserSide): { communityId: string } | { unitId: string } | Record<string, never> {
  if (side.kind === 'community') return { communityId: side.communityId }
  if (side.kind === 'unit') return { unitId: side.unitId }
  return {}
}

/**
 * Does this side run the activity? The server's rule (activity-access.ts),
 * for what the page offers: otherwise it only reads it — a community's staff,
 * of a unit's or the centre's activity held in their community.
 */
export function runs(side: OrganiserSide, activity: Pick<ActivityView, 'organiserKind' | 'communityId' | 'unitId'>): boolean {
  if (side.kind === 'centre') return activity.organiserKind === 'volunteerCentre'
  if (side.kind === 'unit') return activity.organiserKind === 'unit' && activity.unitId === side.unitId
  return activity.organiserKind === 'community' && activity.communityId === side.communityId
}

/** 组织方 as the pages show it: "社区组织 · 曙光社区", "区教育局组织 · 在曙光社区", "区志愿者工作指导中心 · 在曙光社区". */
export function organiserText(activity: Pick<ActivityView, 'organiserKind' | 'communityName' | 'unitName'>): string {
  if (activity.organiserKind === 'unit') return `${activity.unitName ?? '单位'}组织 · 在${activity.communityName}`
  if (activity.organiserKind === 'volunteerCentre') return `区志愿者工作指导中心 · 在${activity.communityName}`
  return `社区组织 · ${activity.communityName}`
}
