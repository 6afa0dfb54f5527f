import type { Grant, Role } from './roles'

// What each role may do. Every action of every cloud function names one of
// these (or is public); the function kernel checks the ROLE before the handler
// runs, and the handler checks the SCOPE on the record it loads (access.ts).
// Reads have their own permissions: a page that may show a record is not the
// page that may change it. Menu entries (menu.ts) point here too, so a button
// the client shows is a call the server accepts.

export const PERMISSIONS = {
  // 联系证
  'card.show': ['member'],
  'card.manage': ['secretary', 'liaison'],
  // 党员名册
  'roster.read': ['secretary', 'liaison'],
  'roster.manage': ['secretary', 'liaison'],
  /** A one-time 绑定码 is handed over by the unit's secretary in person. */
  'binding.issue': ['secretary'],
  /** The communities a residence is chosen from, in the caller's own scope (the volunteer centre: where its activity is held). */
  'communities.read': ['staff', 'secretary', 'liaison', 'streetAdmin', 'districtAdmin', 'volunteerCentre'],
  // 报到
  'checkin.scan': ['staff'],
  'registration.read': ['member', 'staff'],
  'registration.fill': ['member', 'staff'],
  /** 回执: the member, the reporting community, the member's unit. */
  'receipt.read': ['member', 'staff', 'secretary', 'liaison'],
  // 服务岗位 and the 在职党员信息汇总表
  /** A unit's secretary or liaison: the catalog of a community the unit is paired with, to plan an activity there. */
  'posts.read': ['member', 'staff', 'resident', 'secretary', 'liaison'],
  'posts.manage': ['staff'],
  'community.summary': ['staff'],
  // 报到率
  'unit.stats': ['secretary', 'liaison'],
  'district.stats': ['streetAdmin', 'districtAdmin'],
  /** Recount the district's tallies now (the nightly timer does it anyway). */
  'tallies.recount': ['districtAdmin'],
  /** One's own subscription messages: everyone the system knows. */
  'messages.subscribe': ['member', 'staff', 'secretary', 'liaison', 'resident', 'streetAdmin', 'districtAdmin'],
  // Setting up a district (issue 8): places, grants by invitation, residents, the audit log
  /** Streets, communities and units: only the district creates them. */
  'org.manage': ['districtAdmin'],
  /** Invite and revoke; which grants each role may hand out is src/domain/grant-rules.ts. */
  'grants.manage': ['districtAdmin', 'streetAdmin', 'secretary'],
  /** The community's self-registered residents: see them, remove a fake one. */
  'residents.manage': ['staff'],
  'audit.read': ['districtAdmin'],
  // 活动 (issue 9): residents see a community's published activities; members sign up and sign in.
  'activity.read': ['member', 'staff', 'resident', 'secretary', 'liaison', 'volunteerCentre'],
  'activity.signin': ['member'],
  /** Staff: their community's; a unit's secretary or liaison: their unit's, in a paired community. */
  'activity.manage': ['staff', 'secretary', 'liaison', 'volunteerCentre'],
  // 结对共建 (issue 9 §1): both sides see a pairing; the street or district records it; 附件4.
  'pairing.read': ['secretary', 'liaison', 'staff', 'streetAdmin', 'districtAdmin'],
  /** The unit's and the community's own pairings page (the menu; its calls are pairing.read and pairing.summary). */
  'pairing.view': ['secretary', 'liaison', 'staff'],
  'pairing.manage': ['streetAdmin', 'districtAdmin'],
  'pairing.summary': ['secretary', 'liaison', 'streetAdmin', 'districtAdmin'],
  // The community's own records (issue 10): 征集记录, 摸底表, 结对帮扶, 会议记录本, 社区基本情况.
  'records.manage': ['staff'],
  /** A member's side of 结对帮扶: offer to pair, see their targets, record visits. */
  'records.pair': ['member'],
  /** A target's record: the community's staff, or the member paired with it. */
  'records.target': ['staff', 'member'],
  // 参与情况 (issue 9 §5, §6): the unit's members against the year's rule, the community's 附件2, the volunteer centre's items.
  'participation.unit': ['secretary', 'liaison'],
  'participation.register': ['staff'],
  'volunteers.read': ['volunteerCentre'],
  // 服务需求 (issue 10): residents submit and rate; staff run the workflow; members serve.
  'need.read': ['resident', 'staff', 'member'],
  'need.serve': ['member'],
  'need.submit': ['resident'],
  'need.manage': ['staff'],
  // Each member's year (issue 11).
  /** The member's own 服务清单 (000 §二.(二)): write, backdate until handed in, print. */
  'service.log': ['member'],
  /** The unit's liaison hands a quarter's 服务清单 in to each community, or returns an entry to its member. */
  'service.handIn': ['liaison'],
  /** The unit's secretary sees the hand-ins (read-only). */
  'service.unitRead': ['secretary', 'liaison'],
  /** The community confirms a hand-in, or returns entries with a reason. */
  'service.confirm': ['staff'],
  /** The unit checks what the community holds about a member and asks for a correction (000 §二.(一)). */
  'correction.raise': ['secretary', 'liaison'],
  'correction.resolve': ['staff'],
  /** 一句话承诺, and the member's own photo (报到党员照片). */
  'pledge.write': ['member'],
  /** The community rates each member reported there (002 附件2 综合评价) and issues the 反馈卡. */
  'member.rate': ['staff'],
  /** A 反馈卡: the member's own, the unit's members', the community's. */
  'feedback.read': ['member', 'secretary', 'liaison', 'staff'],
  /** The unit's year: ratings, the report rate against 95%, the flag. */
  'evaluation.unit': ['secretary', 'liaison'],
  /** 每半年通报: the unit writes and submits; the street and district see who submitted; the district publishes. */
  'bulletin.unit': ['secretary', 'liaison'],
  'bulletin.review': ['streetAdmin', 'districtAdmin'],
  'bulletin.publish': ['districtAdmin'],
  /** After 12月31日 the district closes the year: its evaluations, cards and bulletins become read-only. */
  'year.close': ['districtAdmin'],
  /** Whether a year is closed: everyone whose pages offer a year's writes or read its records. */
  'year.read': ['staff', 'secretary', 'liaison', 'streetAdmin', 'districtAdmin'],
  'record.view': ['member'],
  // Features not built yet: only their menu entries use these so far.
  'ledger.print': ['staff'],
} as const satisfies Record<string, readonly Role[]>

export type Permission = keyof typeof PERMISSIONS

export function rolesFor(permission: Permission): readonly Role[] {
  return PERMISSIONS[permission]
}

/** Does any of the grants have a role the permission names (scope aside)? */
export function roleAllows(grants: readonly Grant[], permission: Permission): boolean {
  const roles = rolesFor(permission)
  return grants.some((g) => roles.includes(g.role))
}
