import { ERROR_MESSAGES } from './errors'
import { ROLE_LABELS, type Role } from './roles'

// How an audit entry reads on the district's 操作记录 page: the action's name
// and its details in Chinese. Ids stay in the record (the page shows names);
// a key or action not listed here shows as it is stored.

export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'setup.claimed': '首次设置',
  'setup.refused': '设置码被拒绝',
  'grants.invited': '发出邀请',
  'grants.granted': '接受邀请获得授权',
  'grants.revoked': '撤销授权',
  'grants.refused': '授权或邀请被拒绝',
  'residents.registered': '居民登记',
  'residents.removed': '移除居民登记',
  'account.bound': '党员绑定联系证',
  'account.bindFailed': '绑定联系证核对失败',
  'account.bindingCodeIssued': '生成绑定码',
  'checkin.proofFailed': '手工报到核对失败',
  'pairing.created': '登记结对共建',
  'pairing.ended': '结束结对共建',
  'year.closed': '年度关账',
  'year.closeDateSet': '设置自动关账日期',
}

const DETAIL_LABELS: Record<string, string> = {
  role: '角色',
  userName: '用户',
  placeName: '范围',
  inviteeName: '被邀请人',
  inviterName: '邀请人',
  name: '姓名',
  mobile: '手机号',
  proof: '核对方式',
  reason: '原因',
  locked: '已锁定',
  by: '方式',
  cardFound: '联系证号存在',
  year: '年度',
  closeDate: '自动关账日期',
}

const VALUE_LABELS: Record<string, Record<string, string>> = {
  proof: { phone: '微信手机号', bindingCode: '绑定码' },
  by: { setupCode: '首次设置码', adminOpenid: '指定的管理员' },
}

function valueText(key: string, value: unknown): string {
  if (key === 'role' && typeof value === 'string' && value in ROLE_LABELS) return ROLE_LABELS[value as Role]
  if (key === 'reason' && typeof value === 'string' && value in ERROR_MESSAGES) return ERROR_MESSAGES[value as keyof typeof ERROR_MESSAGES]
  if (typeof value === 'boolean') return value ? '是' : '否'
  return VALUE_LABELS[key]?.[String(value)] ?? String(value)
}

/** The entry's details as one Chinese line: labelled keys only, so ids and internals stay off the page. */
export function auditDetailsText(details: Record<string, unknown>): string {
  return Object.entries(details)
    .filter(([key, value]) => key in DETAIL_LABELS && value !== null && value !== undefined && value !== '' && typeof value !== 'object')
    .map(([key, value]) => `${DETAIL_LABELS[key]}：${valueText(key, value)}`)
    .join('，')
}
