import type { Grant } from './roles'
import { roleAllows, type Permission } from './permissions'

// The entries the tabs show: a label, the tab it lives on, a hint, and the
// permission a user needs to see it. Which calls a page then makes is the
// server's business (permissions.ts); the menu only decides what is offered.

export type Tab = 'home' | 'report' | 'activities' | 'needs' | 'mine'

export interface MenuEntrySpec {
  label: string
  tab: Tab
  /** Short Chinese line shown under the entry. */
  hint: string
  permission: Permission
}

export const MENU = {
  'card.show': { label: '我的联系证', tab: 'report', hint: '出示二维码，社区扫码报到', permission: 'card.show' },
  'registration.fill': { label: '报到登记', tab: 'report', hint: '填写报到登记表，认领至少2个服务项目', permission: 'registration.fill' },
  'checkin.scan': { label: '扫码报到', tab: 'report', hint: '扫描党员联系证，登记报到', permission: 'checkin.scan' },
  'posts.manage': { label: '服务岗位', tab: 'report', hint: '维护本社区服务项目清单', permission: 'posts.manage' },
  'community.summary': { label: '在职党员信息汇总表', tab: 'report', hint: '按认领服务岗位排序', permission: 'community.summary' },
  'activity.signin': { label: '扫码签到', tab: 'activities', hint: '扫描活动现场二维码签到', permission: 'activity.signin' },
  'service.log': { label: '我的服务清单', tab: 'activities', hint: '记录每一次服务，按季度汇总', permission: 'service.log' },
  'activity.manage': { label: '组织活动', tab: 'activities', hint: '发布活动、签到、登记服务情况', permission: 'activity.manage' },
  'need.submit': { label: '提交服务需求', tab: 'needs', hint: '说出您的需求，社区安排党员服务', permission: 'need.submit' },
  'roster.manage': { label: '党员名册', tab: 'home', hint: '导入名册、发放联系证', permission: 'roster.manage' },
  'unit.stats': { label: '本单位报到率', tab: 'home', hint: '报到率、未报到和逾期党员', permission: 'unit.stats' },
  'member.rate': { label: '党员评价', tab: 'home', hint: '年度综合评价与反馈卡', permission: 'member.rate' },
  'ledger.print': { label: '台账', tab: 'home', hint: '五类台账，打印归档', permission: 'ledger.print' },
  'district.stats': { label: '各单位报到率', tab: 'home', hint: '低于95%的单位标红', permission: 'district.stats' },
  'org.manage': { label: '街道、社区与单位', tab: 'home', hint: '新建本区街道、社区和报到单位', permission: 'org.manage' },
  'residents.manage': { label: '居民登记', tab: 'home', hint: '查看新登记的居民，移除虚假登记', permission: 'residents.manage' },
  'audit.read': { label: '操作记录', tab: 'home', hint: '授权、撤销、移除和失败核对的记录', permission: 'audit.read' },
  'grants.manage': { label: '授权管理', tab: 'mine', hint: '邀请工作人员、撤销授权', permission: 'grants.manage' },
  'record.view': { label: '我的年度记录', tab: 'mine', hint: '报到、活动、服务与评价', permission: 'record.view' },
  'pairing.view': { label: '结对共建', tab: 'home', hint: '结对的社区或单位，及附件4汇总表', permission: 'pairing.view' },
  'pairing.manage': { label: '单位与社区结对', tab: 'home', hint: '登记、结束结对，查看附件4汇总表', permission: 'pairing.manage' },
  'records.collections': { label: '服务需求征集记录本', tab: 'needs', hint: '走访、电话、座谈会征集的需求，可转为需求办理', permission: 'records.manage' },
  'records.targets': { label: '帮扶对象与结对帮扶', tab: 'needs', hint: '摸底表、安排党员结对、登记表打印', permission: 'records.manage' },
  'records.meetings': { label: '会议记录本', tab: 'home', hint: '双报到工作会议记录，可打印', permission: 'records.manage' },
  'records.profile': { label: '社区基本情况', tab: 'home', hint: '辖区范围、人口、单位、学校与小区', permission: 'records.manage' },
  'records.pair': { label: '我的结对帮扶', tab: 'activities', hint: '结对对象与走访记录，申请结对', permission: 'records.pair' },
  'participation.unit': { label: '党员参与活动情况', tab: 'home', hint: '每人社区活动X/2、单位活动Y/2，未达标的党员', permission: 'participation.unit' },
  'participation.register': { label: '服务活动情况登记表', tab: 'activities', hint: '附件2：在职党员参与社区服务活动情况，可打印', permission: 'participation.register' },
  'volunteers.read': { label: '志愿专业服务', tab: 'home', hint: '各专业服务项目的党员，跨社区统筹', permission: 'volunteers.read' },
  'needs.board': { label: '居民需求', tab: 'needs', hint: '受理、分派党员、发布微心愿，超时标黄标红', permission: 'need.manage' },
  'needs.wall': { label: '微心愿', tab: 'needs', hint: '认领居民的微心愿，完成分派的服务', permission: 'need.serve' },
  // 服务清单 (issue 11 §2): the unit hands each quarter in, the community confirms.
  'service.unit': { label: '服务清单上交', tab: 'home', hint: '每季度汇总党员服务清单，上交报到社区', permission: 'service.unitRead' },
  'service.confirm': { label: '服务清单确认', tab: 'home', hint: '确认各单位上交的服务清单，或退回修改', permission: 'service.confirm' },
  // 数据核对 (issue 11 §3)
  'corrections.unit': { label: '数据核对', tab: 'home', hint: '核对社区登记的党员信息，查看缺照片的党员', permission: 'correction.raise' },
  'corrections.staff': { label: '核对请求', tab: 'home', hint: '单位提出的党员信息核对请求，更正或答复', permission: 'correction.resolve' },
  'evaluation.unit': { label: '本单位年度评价', tab: 'home', hint: '党员综合评价分布、报到率与反馈卡', permission: 'evaluation.unit' },
  'bulletin.unit': { label: '半年通报', tab: 'home', hint: '本单位每半年通报：预览、填写说明、报送区委组织部', permission: 'bulletin.unit' },
  'bulletin.review': { label: '单位通报', tab: 'home', hint: '各单位半年通报报送情况，全区报到率排名通报', permission: 'bulletin.review' },
  'year.close': { label: '年度关账', tab: 'home', hint: '12月31日后关闭年度，设置自动关账日期', permission: 'year.close' },
  // 消息提醒 (issue 12 §4): everyone who receives messages.
  'messages.reminders': { label: '消息提醒', tab: 'mine', hint: '订阅提醒，查看剩余次数和已发给我的消息', permission: 'messages.subscribe' },
} as const satisfies Record<string, MenuEntrySpec>

export type MenuEntry = keyof typeof MENU

export const MENU_ENTRIES = Object.keys(MENU) as MenuEntry[]

/** The entries a user with these grants is offered, in menu order. */
export function menuOf(grants: readonly Grant[]): MenuEntry[] {
  return MENU_ENTRIES.filter((entry) => roleAllows(grants, MENU[entry].permission))
}

export function isMenuEntry(value: unknown): value is MenuEntry {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(MENU, value)
}
