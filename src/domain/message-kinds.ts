import { fieldTypeOfKey, type FieldType } from './subscribe-fields'

// Every kind of subscription message the product sends, in one place. Each is
// one template chosen in the WeChat admin console (订阅消息 → 公共模板库) with
// these keywords; its id is set in the functions' environment variable
// `envVar`, and `key` must be the keyword's key as the template's detail page
// lists it (thing1, time2, …). Features add kinds here and send them through
// server/messages; the client asks users to subscribe to kinds by name.

export interface TemplateField {
  key: string
  type: FieldType
  /** The keyword as the template names it. */
  label: string
}

export interface MessageKindDef {
  /** The template to choose in the console. */
  title: string
  envVar: string
  /** What the user agrees to receive, as the app explains it before asking. */
  purpose: string
  fields: Record<string, TemplateField>
}

function field(key: string, label: string): TemplateField {
  const type = fieldTypeOfKey(key)
  if (!type) throw new Error(`message-kinds: ${key} is not a template key of a known type`)
  return { key, type, label }
}

export const MESSAGE_KINDS = {
  activityChanged: {
    title: '活动变更提醒',
    envVar: 'TEMPLATE_ACTIVITY_CHANGED',
    purpose: '报名的活动时间或地点变更时提醒您',
    fields: { activity: field('thing1', '活动名称'), time: field('time2', '活动时间'), place: field('thing3', '活动地点'), note: field('thing4', '变更说明') },
  },
  activityCancelled: {
    title: '活动取消通知',
    envVar: 'TEMPLATE_ACTIVITY_CANCELLED',
    purpose: '报名的活动取消时通知您',
    fields: { activity: field('thing1', '活动名称'), time: field('time2', '活动时间'), reason: field('thing3', '取消原因') },
  },
  waitlistPromoted: {
    title: '候补成功通知',
    envVar: 'TEMPLATE_WAITLIST_PROMOTED',
    purpose: '候补的活动有人取消、轮到您时通知您',
    fields: { activity: field('thing1', '活动名称'), time: field('time2', '活动时间'), place: field('thing3', '活动地点'), note: field('thing4', '温馨提示') },
  },
  activityReminder: {
    title: '活动开始提醒',
    envVar: 'TEMPLATE_ACTIVITY_REMINDER',
    purpose: '报名的活动开始前提醒您',
    fields: { activity: field('thing1', '活动名称'), time: field('time2', '开始时间'), place: field('thing3', '活动地点') },
  },
  needAccepted: {
    title: '服务需求受理通知',
    envVar: 'TEMPLATE_NEED_ACCEPTED',
    purpose: '您提交的服务需求被社区受理时通知您',
    fields: { need: field('thing1', '需求内容'), status: field('phrase2', '受理状态'), time: field('time3', '受理时间') },
  },
  needAssigned: {
    title: '服务任务分配通知',
    envVar: 'TEMPLATE_NEED_ASSIGNED',
    purpose: '社区把居民的服务需求分配给您时通知您',
    fields: { need: field('thing1', '需求内容'), community: field('thing2', '所在社区'), time: field('time3', '分配时间') },
  },
  needCompleted: {
    title: '服务需求办结通知',
    envVar: 'TEMPLATE_NEED_COMPLETED',
    purpose: '您提交的服务需求办结时通知您',
    fields: { need: field('thing1', '需求内容'), member: field('name2', '服务党员'), time: field('time3', '办结时间') },
  },
  needMatched: {
    title: '服务需求进度通知',
    envVar: 'TEMPLATE_NEED_MATCHED',
    purpose: '您提交的服务需求安排了服务党员时通知您',
    fields: { need: field('thing1', '需求内容'), member: field('name2', '服务党员'), time: field('time3', '安排时间') },
  },
  needOverdue: {
    title: '待办事项提醒',
    envVar: 'TEMPLATE_NEED_OVERDUE',
    purpose: '本社区有服务需求超过受理或办结时限时提醒您',
    fields: { item: field('thing1', '待办事项'), count: field('number2', '数量'), time: field('time3', '提醒时间') },
  },
  reportReminder: {
    title: '报到提醒',
    envVar: 'TEMPLATE_REPORT_REMINDER',
    purpose: '报到期限临近时提醒您到居住地社区报到',
    fields: { unit: field('thing1', '所在单位'), deadline: field('date2', '报到截止日期'), note: field('thing3', '温馨提示') },
  },
  // 服务清单 hand-in reminders (issue 11 §2): the liaison collects, is late; the community has not confirmed.
  serviceCollect: {
    title: '待办事项提醒',
    envVar: 'TEMPLATE_SERVICE_COLLECT',
    purpose: '季度末提醒您收集、上交本单位党员的服务清单',
    fields: { item: field('thing1', '待办事项'), deadline: field('date2', '截止日期'), note: field('thing3', '温馨提示') },
  },
  serviceLate: {
    title: '逾期提醒',
    envVar: 'TEMPLATE_SERVICE_LATE',
    purpose: '服务清单逾期未上交社区时提醒您',
    fields: { item: field('thing1', '逾期事项'), count: field('number2', '社区数'), note: field('thing3', '温馨提示') },
  },
  serviceConfirm: {
    title: '待审核提醒',
    envVar: 'TEMPLATE_SERVICE_CONFIRM',
    purpose: '单位上交的服务清单等待社区确认超过7天时提醒您',
    fields: { unit: field('thing1', '上交单位'), item: field('thing2', '待办事项'), time: field('time3', '上交时间') },
  },
  // 数据核对 (issue 11 §3): the community hears of a request, the unit of its answer.
  correctionRaised: {
    title: '待办事项提醒',
    envVar: 'TEMPLATE_CORRECTION_RAISED',
    purpose: '单位对本社区登记的党员信息提出核对请求时提醒您',
    fields: { item: field('thing1', '待办事项'), unit: field('thing2', '提出单位'), time: field('time3', '提交时间') },
  },
  correctionResolved: {
    title: '审核结果通知',
    envVar: 'TEMPLATE_CORRECTION_RESOLVED',
    purpose: '社区处理了您提出的党员信息核对请求时通知您',
    fields: { item: field('thing1', '核对内容'), result: field('phrase2', '处理结果'), time: field('time3', '处理时间') },
  },
  feedbackCardsDue: {
    title: '待办事项提醒',
    envVar: 'TEMPLATE_FEEDBACK_CARDS_DUE',
    purpose: '12月20日前本社区还有报到党员未出具反馈卡时提醒您',
    fields: { item: field('thing1', '待办事项'), count: field('number2', '数量'), deadline: field('date3', '截止日期') },
  },
  bulletinDue: {
    title: '工作提醒',
    envVar: 'TEMPLATE_BULLETIN_DUE',
    purpose: '半年通报临近截止、本单位尚未提交时提醒您',
    fields: { item: field('thing1', '工作事项'), deadline: field('date2', '截止日期'), note: field('thing3', '温馨提示') },
  },
} as const satisfies Record<string, MessageKindDef>

export type MessageKind = keyof typeof MESSAGE_KINDS
export const MESSAGE_KIND_NAMES = Object.keys(MESSAGE_KINDS) as MessageKind[]

/** The values a kind's message carries, by field name (not template key). */
export type MessageValues<K extends MessageKind> = { [F in keyof (typeof MESSAGE_KINDS)[K]['fields']]: string }

/** WeChat's one-time subscription asks for at most 3 templates per tap. */
export const MAX_KINDS_PER_REQUEST = 3
