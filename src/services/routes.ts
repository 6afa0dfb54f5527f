import type { Ability, Tab } from '../domain/abilities'

/*
 * Where each entry goes, and the hooks browser tests use.
 *
 * Test hooks (Taro's h5 components pass `id` and `className` through to the
 * DOM reliably; arbitrary data-* attributes are not guaranteed):
 *   #page-<tab>              root of a tab page:  #page-home, #page-report,
 *                            #page-activities, #page-needs, #page-mine
 *   #tab-<tab>-entries       the entry list on that tab, e.g. #tab-home-entries
 *   .entry                   one entry card; its visible text is the ability's
 *                            label (ABILITIES[a].label) followed by its hint
 *   #entry-<ability>         the same card by ability, dots as dashes:
 *                            #entry-card-show, #entry-unit-stats
 *   #tab-<tab>-empty         the empty state when the role has no entry there
 *   #session-loading         bootstrap still loading
 *   #session-auth-required   "请先选择演示用户登录" (local h5 runtime only)
 *   #session-unknown         "您还未登记" (a WeChat user not in the system)
 *   #session-error           any other failure; #session-retry retries
 *   #dev-login-link          link/button to /dev/login (h5 only)
 *   #home-greeting, #home-grants (.grant), #mine-name, #mine-roles (.grant)
 *   #placeholder             a page whose feature is not built yet
 *
 * On h5, Taro keeps every visited page in the DOM and hides the inactive
 * ones, so the same id can exist once per visited page (e.g. a
 * #session-auth-required on each tab). Scope selectors to the page root
 * (`#page-mine #dev-login-link`) or to visible elements (`.entry:visible`).
 * The tab bar items are `.weui-tabbar__item` with the tab's text.
 */

export const TAB_ROUTES: Record<Tab, string> = {
  home: '/pages/home/index',
  report: '/pages/report/index',
  activities: '/pages/activities/index',
  needs: '/pages/needs/index',
  mine: '/pages/mine/index',
}

/** A subpackage's "not built yet" page, titled with the ability's label. */
function pending(pkg: 'member' | 'staff' | 'resident', ability: Ability): string {
  return `/packages/${pkg}/pending/index?ability=${ability}`
}

// Role pages live in subpackages so the main package holds only the tabs.
// An ability without a page yet points at the pending page of the
// subpackage of the role that mainly uses it; replace it when the page exists.
export const ABILITY_ROUTES: Record<Ability, string> = {
  'card.show': pending('member', 'card.show'),
  'registration.fill': pending('member', 'registration.fill'),
  'checkin.scan': '/packages/staff/checkin/index',
  'posts.manage': '/packages/staff/posts/index',
  'community.summary': '/packages/staff/summary/index',
  'activity.signin': pending('member', 'activity.signin'),
  'service.log': pending('member', 'service.log'),
  'activity.manage': pending('staff', 'activity.manage'),
  'need.submit': pending('resident', 'need.submit'),
  'need.manage': pending('staff', 'need.manage'),
  'roster.manage': '/packages/unit/roster/index',
  'unit.stats': '/packages/unit/stats/index',
  'member.rate': pending('staff', 'member.rate'),
  'ledger.print': pending('staff', 'ledger.print'),
  'district.stats': '/packages/admin/district/index',
  'record.view': pending('member', 'record.view'),
}

export function routeOf(ability: Ability): string {
  return ABILITY_ROUTES[ability]
}

/** `card.show` → `entry-card-show`: ids with dots are awkward in CSS selectors. */
export function entryId(ability: Ability): string {
  return 'entry-' + ability.replace(/\./g, '-')
}
