import { chineseDate } from './china-time'
import type { EntryView } from './contracts/services.contract'
import type { TableModel } from './record-tables'
import { SERVICE_KIND_LABELS } from './service-entry-rules'

// The printable 在职党员进社区服务清单 (000 §二.(二), 附件3) of one member for
// a quarter or a year: one line per service, earliest first. Pure.

export const ENTRY_STATUS_LABELS: Record<EntryView['status'], string> = {
  draft: '未上交',
  returned: '已退回修改',
  handedIn: '已上交',
  confirmed: '社区已确认',
}

/** A quarter's hand-in as the unit and the community read it. */
export const QUARTER_STATE_LABELS: Record<'handedIn' | 'returned' | 'confirmed', string> = { handedIn: '已上交，待社区确认', returned: '社区退回，待重新上交', confirmed: '社区已确认' }

const SOURCE_NOTES: Record<NonNullable<EntryView['source']>, string> = {
  attendance: '活动签到带入',
  need: '需求办结带入',
  visit: '结对走访带入',
}

export function entryNote(entry: Pick<EntryView, 'status' | 'source' | 'returnReason'>): string {
  return [ENTRY_STATUS_LABELS[entry.status], entry.source ? SOURCE_NOTES[entry.source] : '', entry.status === 'returned' && entry.returnReason ? `退回原因：${entry.returnReason}` : '']
    .filter(Boolean)
    .join('；')
}

export interface ServiceSheetHead {
  memberName: string
  unitName: string
  communityName: string
  /** "2026年第三季度" or "2026年度". */
  period: string
}

export function serviceSheetTable(head: ServiceSheetHead, entries: readonly EntryView[]): TableModel {
  const hours = entries.reduce((sum, e) => sum + e.hours, 0)
  return {
    title: '在职党员进社区服务清单',
    subtitle: `姓名：${head.memberName}　工作单位：${head.unitName}　报到社区：${head.communityName || '未报到'}　${head.period}　共 ${entries.length} 次，${hours} 小时`,
    header: [['序号', '日期', '地点', '服务内容', '类别', '时长（小时）', '备注/状态']],
    rows: entries.map((e, i) => [String(i + 1), chineseDate(new Date(e.date)), e.place, e.content, SERVICE_KIND_LABELS[e.kind], String(e.hours), entryNote(e)]),
  }
}
