import type { MenuEntry, Tab } from '../domain/menu'
import { SIGNIN_PAGE } from './activity-pages'

/*
 * Where each entry goes, and the hooks browser tests use.
 *
 * Test hooks (Taro's h5 components pass `id` and `className` through to the
 * DOM reliably; arbitrary data-* attributes are not guaranteed):
 *   #page-<tab>              root of a tab page:  #page-home, #page-report,
 *                            #page-activities, #page-needs, #page-mine
 *   #tab-<tab>-entries       the entry list on that tab, e.g. #tab-home-entries
 *   .entry                   one entry card; its visible text is the
 *                            menu entry's label (MENU[e].label), then its hint
 *   #entry-<entry>           the same card by menu entry, dots as dashes:
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
 * Role pages (subpackages). Every one is wrapped in components/role-page:
 *   #page-<name>             page root: #page-card, #page-registration,
 *                            #page-checkin, #page-posts, #page-summary,
 *                            #page-roster, #page-unit-stats, #page-cards,
 *                            #page-receipt, #page-district
 *   #role-missing            signed in without a grant for the page
 *   #page-loading, #load-error   the page's data still loading / failed (retry)
 *   A ChoiceChips group (#reg-gender…) holds .chip items; .chip--selected is chosen.
 *
 *   我的联系证   #card-view, #card-no, #card-name, #card-unit, #card-community,
 *               #card-qr (the QR <img>), #card-token (the QR's text; visually
 *               hidden when there is an image), #card-hint, #card-none,
 *               #card-revoked, #card-to-registration
 *   报到登记     #registration-name, #registration-reported, #reg-<field>
 *               (gender, birthMonth, joinPartyMonth, education, hobbies,
 *               officePhone, mobile, qq, address, jobTitle, liaison),
 *               .claim-chip (#claim-<postId>), #registration-custom-input,
 *               #registration-custom-add, #registration-claim-count,
 *               #registration-error, #registration-submit, #registration-saved
 *               (.claimed-item), #registration-edit, #registration-no-member
 *   扫码报到     #checkin-image-input (h5 file input), #checkin-camera-start,
 *               #checkin-camera-stop, #checkin-video, #checkin-camera-message,
 *               #checkin-scan (weapp), #checkin-card-no, #checkin-lookup,
 *               #checkin-error, #checkin-member (#checkin-name, #checkin-unit,
 *               #checkin-residence, #checkin-status, #checkin-reported |
 *               #checkin-unreported), #checkin-elsewhere, #checkin-confirm,
 *               #checkin-move, #checkin-result (#checkin-result-title:
 *               报到成功 | 已报到), #checkin-registration, #checkin-receipt,
 *               #checkin-again
 *   服务岗位     #posts-add, #posts-add-category, #posts-add-name,
 *               #posts-add-description, #posts-add-submit, #posts-error,
 *               #posts-list, #post-<postId> (.post-rename, .post-retire,
 *               .post-restore), #posts-rename-input, #posts-rename-save
 *   汇总表       #summary-table (.summary-row), #summary-print, #summary-empty
 *   党员名册     #roster-total, #roster-filter-all|unreported|overdue,
 *               #roster-add, #roster-import, #roster-print-all, #roster-message,
 *               #roster-error, #roster-list, #roster-row-<memberId>
 *               (.roster-row__reported|__overdue|__unreported,
 *               .roster-row__card, .roster-issue, .roster-reissue,
 *               .roster-revoke, .roster-print-card, .roster-edit,
 *               .roster-receipt), #roster-prev, #roster-next, #roster-page,
 *               #roster-empty; import: #roster-file-input (h5),
 *               #roster-file-pick (weapp), #roster-template (h5 CSV),
 *               #roster-import-error, #roster-import-summary,
 *               #roster-import-errors (.roster-import-error), #roster-import-all,
 *               #roster-import-valid, #roster-import-close; add/edit:
 *               #roster-editor, #editor-<field>, #editor-communityId (the
 *               居住社区 Picker, "街道 · 社区"; #editor-community-text is the
 *               chosen name), #editor-load-error, #editor-error, #editor-save,
 *               #editor-cancel
 *   打印联系证   #card-sheet (.print-card), #cards-print, #cards-empty
 *   回执         #receipt, #receipt-text, #receipt-community, #receipt-print
 *   本单位报到率 #unit-rate, #unit-rate-bar, #unit-rate-warning, #unit-footer,
 *               #unit-declared, #unit-unreported-link, #unit-overdue-link,
 *               #unit-notices (.unit-notice), #unit-totals-edit
 *   各单位报到率 #district-summary, #district-table,
 *               #district-sort-unitName|memberTotal|reported|rate,
 *               .district-row (.district-row--below under 95%),
 *               .district-row__unit, #district-totals, #district-chart
 *               (.district-bar, .district-bar__fill--below)
 *
 *   组织活动     #page-activity-list (staff: the community's; secretary or
 *               liaison: the unit's; the volunteer centre: its own),
 *               #activity-new, #activity-when-upcoming|past (tabs),
 *               #activity-list (#activity-row-<activityId>, each an
 *               .activity-summary), #activity-list-empty, #activity-prev,
 *               #activity-next, #activity-page, #activity-no-scope
 *   新建/编辑活动 #page-activity-edit (?activityId= edits; else creates),
 *               #paired-community (a unit's: the paired community first),
 *               #centre-choice (#centre-item, #centre-community: the centre's),
 *               #activity-form, #activity-title, #activity-post (Picker;
 *               #activity-post-text is the chosen post), #activity-description,
 *               #activity-place, #activity-startAt, #activity-endAt (typed as
 *               "2026-05-10 09:00", China time), #activity-signupRequired
 *               (chips 需要报名 | 无需报名), #activity-capacity,
 *               #activity-signupOpensAt, #activity-signupClosesAt,
 *               #activity-locate, #activity-location-text,
 *               #activity-location-clear, #activity-radius, #activity-note
 *               (published only), #activity-error, #activity-save,
 *               #activity-closed, #activity-no-community
 *   活动详情     #page-activity (?activityId=), #activity-detail,
 *               #activity-summary, #activity-organiser, #activity-read-only
 *               (a community's staff reading a unit's or the centre's),
 *               #activity-location, #activity-qr-in,
 *               #activity-qr-out, #activity-publish, #activity-attendance,
 *               #activity-edit, #activity-end, #activity-cancel,
 *               #activity-cancel-form (#activity-cancel-reason,
 *               #activity-cancel-confirm, #activity-cancel-back),
 *               #activity-action-error
 *   报名与签到   #page-activity-attendance (?activityId=), #attendance-totals,
 *               the card scanner (#attendance-scan on weapp;
 *               #attendance-image-input, #attendance-camera-start… on h5),
 *               #attendance-scan-result, #attendance-error,
 *               #attendance-attended (#attendance-row-<memberId>:
 *               .attendance-row__in|__out|__minutes|__distance|__flag,
 *               .attendance-correction, .attendance-correct),
 *               #attendance-attended-empty, #attendance-signed-up
 *               (#signup-row-<memberId>, .signup-add), #attendance-waitlist
 *               (.waitlist-row in order), #attendance-add-form and
 *               #attendance-correct-form (-in, -out, -reason, -save, -cancel)
 *   活动签到码   #page-activity-qr (?activityId=…&direction=in|out),
 *               #activity-qr-title, #activity-qr-direction (.chip 签到码 |
 *               签退码), #activity-qr-image (the QR <img>, a PNG data URL
 *               drawn by the function), #activity-qr-token (its text,
 *               visually hidden), #activity-qr-label (请扫码签到 | 请扫码签退),
 *               #activity-qr-countdown ("N 秒后更新"), #activity-qr-loading,
 *               #activity-qr-error (retrying), #activity-qr-closed
 *               (cancelled, ended, not published)
 *   活动（党员） #activities-year (#activities-year-community |
 *               #activities-year-unit: "X / 2", .year-rule--short when short;
 *               #activities-year-note), #activities-when-upcoming|past,
 *               #activities-list (#activities-row-<activityId>, .activity-row__mine:
 *               已报名 | 候补第N位 | 已签到 · N小时), #activities-empty,
 *               #activities-prev|next, #activities-resident-note (residents)
 *   活动（党员详情） #page-member-activity (?activityId=…),
 *               #member-activity-title, #member-activity-standing,
 *               #member-activity-seats, #member-activity-my-attendance,
 *               #member-activity-signup, #member-activity-cancel-signup,
 *               #member-activity-signup-closed, #member-activity-scan,
 *               #member-activity-error, #member-activity-resident-note
 *   扫码签到     #page-signin (?activityId=… from an activity's page),
 *               #signin-image-input (h5 file input), #signin-camera-start,
 *               #signin-scan (weapp), #signin-busy, #signin-error,
 *               #signin-result (#signin-result-title: 签到成功 | 已签到 |
 *               签退成功 | 已签退, #signin-result-activity, #signin-result-text),
 *               #signin-again, #signin-back, #signin-activity
 *   设置与授权  #setup-code, #setup-district, #setup-name, #setup-submit,
 *               #setup-error, #setup-done; #org-street-name, #org-street-add,
 *               #org-community-street (chips), #org-community-name,
 *               #org-community-add, #org-unit-name, #org-unit-add, #org-error,
 *               #org-tree (.org-street, .org-community), #org-units (.org-unit);
 *               #grant-targets (.chip, text "角色 · 范围"), #grant-invitee,
 *               #grant-invite, #grant-error, #grant-invitation
 *               (#grant-invitation-qr, #grant-invitation-link,
 *               #grant-invitation-token), #grant-list (.held-grant,
 *               .held-grant__revoke); #accept-token, #accept-preview,
 *               #accept-submit, #accept-error, #accept-done
 *   居民登记     #register-streets, #register-communities (chips),
 *               #register-name, #register-mobile, #register-submit,
 *               #register-error, #register-done; #residents-list
 *               (.resident-row, .resident-remove), #residents-empty
 *   操作记录     #audit-list (.audit-row), #audit-prev, #audit-next
 *   newcomers    #newcomer-setup, #newcomer-accept, #newcomer-register
 *               (buttons in #session-unknown)
 *   数据核对     #page-unit-corrections: #unit-members (#unit-members-summary,
 *   (单位)      #unit-members-search, #unit-members-find,
 *               #unit-members-missing-photo (chip), #unit-members-error,
 *               #unit-members-list, #unit-member-<memberId> (.unit-member__raise,
 *               .unit-member__pledge, .unit-member__no-photo,
 *               #unit-member-photo-<memberId>[-input] the photo picker),
 *               #unit-members-empty); #correction-form (#correction-field
 *               chips, #correction-text, #correction-error, #correction-submit,
 *               #correction-cancel); #unit-corrections (#unit-corrections-counts,
 *               #unit-corrections-status, #unit-corrections-list,
 *               #unit-corrections-empty); a request is #correction-<id>
 *               (.correction-row--open|fixed|declined, .correction-row__answer)
 *   核对请求     #page-staff-corrections (?id= opens one): #corrections-counts,
 *   (社区)      #corrections-status, #corrections-list, #corrections-empty,
 *               #correction-detail (#correction-held .correction-held__line,
 *               #correction-held-photo, #correction-fix, #correction-close,
 *               #correction-outcome, #correction-answer,
 *               #correction-resolve-error, #correction-resolve)
 *   照片与承诺   card page: #card-photo (img) | #card-photo-none,
 *               #card-photo-pick[-input], #card-photo-error, #card-pledge,
 *               #card-pledge-input, #card-pledge-save, #card-pledge-error,
 *               #card-pledge-closed; registration page: #registration-photo
 *               (img) | #registration-photo-none, #registration-photo-pick[-input],
 *               #registration-photo-error
 *   半年通报     #page-bulletin, #bulletin-half (#bulletin-half-<2026H1> chips),
 *               #bulletin-view-unit|district, #bulletin-status, #bulletin-sheet
 *               (.sheet-row; #bulletin-sheet-print), #bulletin-note,
 *               #bulletin-submit, #bulletin-error, #bulletin-saved,
 *               #bulletin-district-none, #bulletin-ranking
 *               (#bulletin-ranking-row-<unitId>, .ranking-row--mine,
 *               #bulletin-ranking-line: the 95% line, #bulletin-ranking-print)
 *   单位通报     #page-bulletins, #review-half (chips), #review-summary,
 *               #review-closed, #review-rows (#review-row-<unitId>: tap a
 *               submitted one), #review-sheet, #review-back, #review-publish,
 *               #review-publish-error, #review-ranking (as #bulletin-ranking)
 *   年度关账     #page-year-close, #year-rows (#year-<year>, #year-close-<year>
 *               asks to confirm), #year-message, #close-date-month,
 *               #close-date-day, #close-date-save, #close-date-error,
 *               #close-date-saved
 *   消息提醒     #page-reminders, #reminders-notice, #reminders-kinds
 *               (#reminder-<kind>: #reminder-<kind>-subscribe | #reminder-<kind>-off,
 *               #reminder-<kind>-remaining), #reminders-none, #reminders-sent
 *               (#sent-<id> .sent-row--delivered|undelivered), #reminders-sent-empty,
 *               #reminders-sent-prev|page|next
 *   台账         #page-ledger, #ledger-year, #ledger-prev-year, #ledger-next-year,
 *               #ledger-category-<1..5>, #ledger-item-<item> (.ledger-count,
 *               .ledger-missing), #ledger-view-<item>, #ledger-back,
 *               #ledger-tables (#ledger-table-<i>, its -print, -footer),
 *               #ledger-documents (#ledger-doc-<id>, .ledger-doc-remove,
 *               .ledger-doc-open), #ledger-doc-title, #ledger-doc-issuer,
 *               #ledger-doc-date, #ledger-doc-file-input (h5) | #ledger-doc-file-pick (weapp), #ledger-doc-add,
 *               #ledger-doc-error, #ledger-doc-added; export slot (lead):
 *               #ledger-export-<1..5>-xlsx|-pdf, #ledger-export-all
 *
 * On h5 a Taro Input is <taro-input-core id=…> around the real <input>: type
 * into `#reg-address input`. A Button is <taro-button-core>; taps work. The
 * Taro.showModal dialog is `.taro__modal`, its buttons `.taro-model__confirm`
 * and `.taro-model__cancel`. A pushed page slides in over the one below,
 * which stays "visible" to Playwright: tell pages apart by the URL hash.
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

/** A subpackage's "not built yet" page, titled with the entry's label (exported: no entry uses it since the ledger, the next unbuilt one will). */
export function pending(pkg: 'member' | 'staff' | 'resident', entry: MenuEntry): string {
  return `/packages/${pkg}/pending/index?entry=${entry}`
}

// Role pages live in subpackages so the main package holds only the tabs.
// An entry without a page yet points at the pending page of the
// subpackage of the role that mainly uses it; replace it when the page exists.
export const MENU_ROUTES: Record<MenuEntry, string> = {
  'card.show': '/packages/member/card/index',
  'registration.fill': '/packages/member/registration/index',
  'checkin.scan': '/packages/staff/checkin/index',
  'posts.manage': '/packages/staff/posts/index',
  'community.summary': '/packages/staff/summary/index',
  'activity.signin': SIGNIN_PAGE,
  'service.log': '/packages/member/services/index',
  'activity.manage': '/packages/staff/activities/index',
  'need.submit': '/packages/resident/needs/index',
  'roster.manage': '/packages/unit/roster/index',
  'unit.stats': '/packages/unit/stats/index',
  'member.rate': '/packages/staff/evaluation/index',
  'ledger.print': '/packages/staff/ledger/index',
  'district.stats': '/packages/admin/district/index',
  'record.view': '/packages/member/record/index',
  'org.manage': '/packages/admin/org/index',
  'residents.manage': '/packages/staff/residents/index',
  'audit.read': '/packages/admin/audit/index',
  'grants.manage': '/packages/admin/grants/index',
  'pairing.view': '/packages/unit/pairing/index',
  'pairing.manage': '/packages/admin/pairing/index',
  'records.collections': '/packages/staff/collections/index',
  'records.targets': '/packages/staff/targets/index',
  'records.meetings': '/packages/staff/meetings/index',
  'records.profile': '/packages/staff/profile/index',
  'records.pair': '/packages/member/pairings/index',
  'participation.unit': '/packages/unit/participation/index',
  'participation.register': '/packages/staff/register/index',
  'volunteers.read': '/packages/centre/volunteers/index',
  'needs.board': '/packages/staff/needs/index',
  'needs.wall': '/packages/member/wall/index',
  'service.unit': '/packages/unit/services/index',
  'service.confirm': '/packages/staff/services/index',
  'corrections.unit': '/packages/unit/corrections/index',
  'corrections.staff': '/packages/staff/corrections/index',
  'evaluation.unit': '/packages/unit/evaluation/index',
  'bulletin.unit': '/packages/unit/bulletin/index',
  'bulletin.review': '/packages/admin/bulletins/index',
  'year.close': '/packages/admin/year-close/index',
  'messages.reminders': '/packages/common/reminders/index',
}

/** Pages a WeChat user the system does not know yet may open (session-gate's 您还未登记). */
export const NEWCOMER_ROUTES = {
  setup: '/packages/admin/setup/index',
  accept: '/packages/admin/accept/index',
  residentRegister: '/packages/resident/register/index',
} as const

export function routeOf(entry: MenuEntry): string {
  return MENU_ROUTES[entry]
}

/** `card.show` → `entry-card-show`: ids with dots are awkward in CSS selectors. */
export function entryId(entry: MenuEntry): string {
  return 'entry-' + entry.replace(/\./g, '-')
}
