import type { Grant, Role } from './roles'

// What each role may do, and on which tab the entry lives. The server decides
// with the same table (see server/kernel/authorize.ts), so a button the client
// hides is also a call the server refuses.

export type Tab = 'home' | 'report' | 'activities' | 'needs' | 'mine'

export interface AbilitySpec {
  label: string
  tab: Tab
  roles: readonly Role[]
  /** Short Chinese line shown under the entry. */
  hint: string
}

export const ABILITIES = {
  'card.show': { label: '我的联系证', tab: 'report', roles: ['member'], hint: '出示二维码，社区扫码报到' },
  'registration.fill': { label: '报到登记', tab: 'report', roles: ['member', 'staff'], hint: '填写报到登记表，认领至少2个服务项目' },
  'checkin.scan': { label: '扫码报到', tab: 'report', roles: ['staff'], hint: '扫描党员联系证，登记报到' },
  'posts.manage': { label: '服务岗位', tab: 'report', roles: ['staff'], hint: '维护本社区服务项目清单' },
  'community.summary': { label: '在职党员信息汇总表', tab: 'report', roles: ['staff'], hint: '按认领服务岗位排序' },
  'activity.signin': { label: '扫码签到', tab: 'activities', roles: ['member'], hint: '扫描活动现场二维码签到' },
  'service.log': { label: '我的服务清单', tab: 'activities', roles: ['member'], hint: '记录每一次服务，按季度汇总' },
  'activity.manage': { label: '组织活动', tab: 'activities', roles: ['staff', 'secretary'], hint: '发布活动、签到、登记服务情况' },
  'need.submit': { label: '提交服务需求', tab: 'needs', roles: ['resident'], hint: '说出您的需求，社区安排党员服务' },
  'need.manage': { label: '需求征集记录', tab: 'needs', roles: ['staff'], hint: '受理居民需求，匹配岗位和党员' },
  'roster.manage': { label: '党员名册', tab: 'home', roles: ['secretary', 'liaison'], hint: '导入名册、发放联系证' },
  'unit.stats': { label: '本单位报到率', tab: 'home', roles: ['secretary', 'liaison'], hint: '报到率、未报到和逾期党员' },
  'member.rate': { label: '党员评价', tab: 'home', roles: ['staff'], hint: '年度综合评价与反馈卡' },
  'ledger.print': { label: '台账', tab: 'home', roles: ['staff'], hint: '五类台账，打印归档' },
  'district.stats': { label: '各单位报到率', tab: 'home', roles: ['streetAdmin', 'districtAdmin'], hint: '低于95%的单位标红' },
  'record.view': { label: '我的年度记录', tab: 'mine', roles: ['member'], hint: '报到、活动、服务与评价' },
} as const satisfies Record<string, AbilitySpec>

export type Ability = keyof typeof ABILITIES

export function abilitiesOf(grants: readonly Grant[]): Ability[] {
  const roles = new Set(grants.map((g) => g.role))
  return (Object.keys(ABILITIES) as Ability[]).filter((a) =>
    (ABILITIES[a].roles as readonly Role[]).some((r) => roles.has(r)),
  )
}

export function rolesFor(ability: Ability): readonly Role[] {
  return ABILITIES[ability].roles
}
