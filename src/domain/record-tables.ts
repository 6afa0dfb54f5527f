import type { CollectionRecordView, MeetingView, PairingView, TargetView } from './contracts/records.contract'
import { chineseDate } from './china-time'
import type { TableModel } from './table-model'

// The printed forms of the community's records, as table models: a title,
// header rows and rows of text. The printable page renders one; the ledger
// (issue 12) exports the same model as xlsx or PDF. Pure: rows in, table out.

export type { TableModel } from './table-model'

const date = (iso: string | null) => (iso ? chineseDate(new Date(iso)) : '')
const numbered = (rows: string[][]) => rows.map((row, i) => [String(i + 1), ...row])

/** 服务需求征集记录本 (000 §一.(五)). */
export function collectionBookTable(communityName: string, records: readonly CollectionRecordView[]): TableModel {
  return {
    title: `${communityName}服务需求征集记录本`,
    subtitle: `共 ${records.length} 条`,
    header: [['序号', '征集日期', '征集方式', '征集人', '居民或群体', '需求内容', '办理情况']],
    rows: numbered(records.map((r) => [date(r.date), r.way, r.collector, r.source, r.content, r.handling || (r.needId ? '已转入需求办理' : '')])),
  }
}

/** 社区需要帮扶对象基本情况摸底表 (000 §一.(四)): every target, paired or not. */
export function targetSurveyTable(communityName: string, targets: readonly TargetView[]): TableModel {
  return {
    title: `${communityName}需要帮扶对象基本情况摸底表`,
    subtitle: `共 ${targets.length} 人，其中已结对 ${targets.filter((t) => t.paired.length > 0).length} 人`,
    header: [['序号', '姓名', '性别', '出生年月', '住址', '联系电话', '帮扶类别', '家庭情况', '帮扶需求', '摸底人', '摸底日期']],
    rows: numbered(targets.map((t) => [t.name, t.gender, t.birthMonth, t.address, t.mobile, t.categories.join('、'), t.family, t.needs, t.surveyor, date(t.surveyedAt)])),
  }
}

/** 在职党员结对帮扶社区困难群众情况登记表: each pairing (active or ended) with its visits, oldest visit first. */
export function pairingRegisterTable(communityName: string, pairings: readonly PairingView[]): TableModel {
  const listed = pairings.filter((p) => p.target !== null && p.status !== 'offered')
  return {
    title: `${communityName}在职党员结对帮扶社区困难群众情况登记表`,
    subtitle: `共 ${listed.length} 对，其中结对中 ${listed.filter((p) => p.status === 'active').length} 对`,
    header: [['序号', '帮扶对象', '帮扶类别', '结对党员', '工作单位', '结对时间', '帮扶内容', '走访记录', '状态']],
    rows: numbered(
      listed.map((p) => [
        p.target!.name,
        p.target!.categories.join('、'),
        p.memberName,
        p.unitName,
        date(p.startedAt),
        p.content,
        [...p.visits].reverse().map((v) => `${date(v.date)}：${v.content}`).join('\n'),
        p.status === 'ended' ? `${date(p.endedAt)}结束${p.endReason ? `（${p.endReason}）` : ''}` : '结对中',
      ]),
    ),
  }
}

/** 会议记录本: one row per meeting, oldest first as the book is written. */
export function meetingBookTable(communityName: string, meetings: readonly MeetingView[]): TableModel {
  return {
    title: `${communityName}会议记录本`,
    subtitle: `共 ${meetings.length} 次会议`,
    header: [['序号', '会议日期', '地点', '主持人', '记录人', '参会人员', '议题', '会议内容', '会议决定']],
    rows: numbered(
      meetings.map((m) => [
        date(m.date),
        m.place,
        m.host,
        m.recorder,
        [...m.units.map((u) => u.name), ...m.members.map((x) => x.name), m.otherAttendees].filter(Boolean).join('、'),
        m.topic,
        m.content,
        m.decisions,
      ]),
    ),
  }
}
