import { chineseDate } from './china-time'
import type { BulletinFigures, DistrictBulletin } from './contracts/bulletin.contract'
import { RATINGS } from './evaluation-facts'
import { halfLabel, type Half } from './quarter'
import { formatRate, REPORT_RATE_THRESHOLD } from './report-rate'
import type { TableModel } from './record-tables'

// The printable 半年通报 (002 §四.3): the unit's, as 项目 / 情况 rows, and the
// district's ranking. Pure, so the page and a later export share them.

const dateOf = (iso: string) => chineseDate(new Date(iso))

export function unitBulletinTable(f: BulletinFigures, note: string): TableModel {
  const names = f.notReportedNames.join('、') + (f.notReported > f.notReportedNames.length ? ` 等${f.notReported}人` : '')
  const ratings = RATINGS.map((r) => `${r} ${f.ratings.counts[r]} 人`).join('，')
  return {
    title: `${f.unitName}${halfLabel(f.year, f.half as Half)}在职党员进社区双报到工作通报`,
    subtitle: `数据截至${dateOf(f.asOf)}，生成于${dateOf(f.generatedAt)}`,
    header: [['项目', '情况']],
    rows: [
      ['报到率', `${formatRate(f.rate)}（已报到 ${f.reported} 人 / 在职党员 ${f.memberTotal} 人）${f.belowThreshold ? '，低于95%' : ''}`],
      ['未报到党员', f.notReported === 0 ? '无' : `${f.notReported} 人：${names}`],
      ['认领服务岗位', `${f.claimedPosts} 个`],
      ['参加社区活动', `社区组织 ${f.activities.community} 场、单位组织 ${f.activities.unit} 场，共 ${f.activities.attendances} 人次、${f.activities.hours} 小时`],
      ['本单位组织的活动', `${f.ownActivities} 场`],
      ['服务清单（社区已确认）', `${f.services.entries} 条、${f.services.hours} 小时`],
      [`${f.ratings.year}年度评价（已评 ${f.ratings.total} 人）`, ratings],
      ['说明和下一步工作', note || '（无）'],
    ],
  }
}

export const THRESHOLD_LINE_TEXT = `—— ${Math.round(REPORT_RATE_THRESHOLD * 100)}% 报到率线 ——`

export function districtBulletinTable(b: DistrictBulletin): TableModel {
  const rows = b.rows.map((r) => [String(r.rank), r.unitName, String(r.memberTotal), String(r.reported), formatRate(r.rate), r.submitted ? '已报送' : '未报送'])
  // The 95% line as a row of its own, after the last unit at or above it.
  rows.splice(b.aboveLine, 0, ['', THRESHOLD_LINE_TEXT, '', '', '', ''])
  return {
    title: `${b.districtName}${halfLabel(b.year, b.half as Half)}各单位在职党员报到情况通报`,
    subtitle: `共 ${b.totals.units} 个单位，报到率 ${formatRate(b.totals.rate)}（${b.totals.reported} / ${b.totals.memberTotal}）；数据截至${dateOf(b.asOf)}，发布于${dateOf(b.publishedAt)}`,
    header: [['名次', '单位', '在职党员', '已报到', '报到率', '半年通报']],
    rows,
  }
}
