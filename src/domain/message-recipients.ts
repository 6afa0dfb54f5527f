import type { MessageKind } from './message-kinds'
import { MESSAGE_KIND_NAMES } from './message-kinds'
import type { Role } from './roles'

// Who receives each kind of subscription message: the roles whose holders a
// feature sends it to. One place, so 我的 → 消息提醒 offers each user exactly
// the reminders their roles can receive, and `messages.subscribed` accepts no
// other. A Record over every kind: a new kind does not compile until it names
// its recipients. test/domain/message-recipients.test.ts checks the map, and
// the integration harness checks every message a feature's tests send went to
// a user holding one of its kind's roles (support/message-recipients.ts).

export const MESSAGE_RECIPIENTS: Record<MessageKind, readonly Role[]> = {
  // activities (server/features/activity/activity-notify.ts): those signed up or waiting.
  activityChanged: ['member'],
  activityCancelled: ['member'],
  waitlistPromoted: ['member'],
  activityReminder: ['member'],
  // needs (server/features/needs/need-notify.ts, need-remind.ts)
  needAccepted: ['resident'],
  needAssigned: ['member'],
  needCompleted: ['resident'],
  needMatched: ['resident'],
  needOverdue: ['staff'],
  // reporting deadline
  reportReminder: ['member'],
  // 服务清单 hand-ins (server/features/services/service-remind.ts)
  serviceCollect: ['liaison', 'staff'],
  serviceLate: ['liaison', 'staff'],
  serviceConfirm: ['staff'],
  // 数据核对 (server/features/corrections/correction-notify.ts): raised by the unit, answered by the community.
  correctionRaised: ['staff'],
  correctionResolved: ['secretary', 'liaison'],
  // 反馈卡 (server/features/evaluation/cards-remind.ts)
  feedbackCardsDue: ['staff'],
  // 半年通报 (server/features/bulletin/bulletin-remind.ts)
  bulletinDue: ['secretary'],
}

/** The kinds a user holding these roles can receive, in MESSAGE_KINDS order. */
export function kindsForRoles(roles: readonly Role[]): MessageKind[] {
  return MESSAGE_KIND_NAMES.filter((kind) => MESSAGE_RECIPIENTS[kind].some((role) => roles.includes(role)))
}

/** Whether a holder of these roles may receive `kind`. */
export function receives(roles: readonly Role[], kind: MessageKind): boolean {
  return MESSAGE_RECIPIENTS[kind].some((role) => roles.includes(role))
}
