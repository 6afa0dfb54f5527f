import { compareChinese } from '../../../src/domain/chinese-order'
import { chineseDate, inChina } from '../../../src/domain/china-time'
import type { LedgerCategory } from '../../../src/domain/export-tables'
import { collectionBookTable, meetingBookTable, pairingRegisterTable, targetSurveyTable } from '../../../src/domain/record-tables'
import { serviceSheetTable } from '../../../src/domain/service-table'
import type { TableModel } from '../../../src/domain/table-model'
import { docsByIds } from '../../db/by-ids'
import type { MemberDoc, RegistrationDoc, ServiceEntryDoc, UnitDoc } from '../../db/docs'
import { scan, scanAll } from '../../db/read'
import type { Database } from '../../kernel/database'
import type { KnownContext } from '../../kernel/function-def'
import { collectionView } from '../records/collection-records'
import { allMeetings } from '../records/meetings'
import { allPairings } from '../records/pairings'
import type { CollectionRecordDoc, TargetDoc } from '../records/record-docs'
import { pairedNames, targetView } from '../records/targets'
import { byDate, entryView } from '../services/entry-views'

// Where an export's tables come from: one interface, so the ledger's
// `ledgerTables(db, communityId, year, category)` (the ledger helper's, issue
// 12 §1) plugs in here in place of `builtTables`. Until then the builders that
// exist feed it: the records' books (records/record-sheets' tables), the
// members' 服务清单, and a 报到 summary. Each table is read in pages and
// yielded when built, so a category of 2,000 members' sheets is never whole in
// memory. The scope was checked by the caller.

export interface LedgerScope {
  communityId: string
  communityName: string
  year: number
  category: LedgerCategory
}

export type TableSource = (db: Database, scope: LedgerScope) => AsyncIterable<TableModel>

const inYear = (year: number) => (iso: string | Date | null) => iso !== null && inChina(new Date(iso)).year() === year
/** The records helpers read through ctx.db only; a scope already checked needs no principal. */
const reader = (db: Database) => ({ db }) as KnownContext
const PAGE = 200

/** 进社区报到的在职党员信息汇总表: the members reported here, by the post they claimed, then name. */
async function reportSummary(db: Database, scope: LedgerScope): Promise<TableModel | null> {
  const lines: Array<{ post: string; cells: string[] }> = []
  for await (const page of scan<MemberDoc>(db, 'members', { 'report.communityId': scope.communityId }, { pageSize: PAGE })) {
    const _ = db.command
    const regs = await scanAll<RegistrationDoc>(db, 'registrations', { communityId: scope.communityId, memberId: _.in(page.map((m) => m._id)) })
    const claimsOf = new Map(regs.map((r) => [r.memberId, r.claims.map((c) => ('postName' in c ? c.postName : c.custom))]))
    for (const m of page) {
      const claims = claimsOf.get(m._id) ?? []
      lines.push({ post: claims[0] ?? '', cells: [m.name, m.gender, m.unitName ?? '', m.jobTitle ?? '', claims.join('、'), m.report ? chineseDate(m.report.reportedAt) : ''] })
    }
  }
  if (lines.length === 0) return null
  lines.sort((a, b) => (a.post === b.post ? compareChinese(a.cells[0]!, b.cells[0]!) : a.post === '' ? 1 : b.post === '' ? -1 : compareChinese(a.post, b.post)))
  return {
    title: `${scope.communityName}进社区报到的在职党员信息汇总表`,
    subtitle: `${scope.year}年度　共 ${lines.length} 人`,
    header: [['序号', '姓名', '性别', '工作单位', '职务', '认领岗位', '报到日期']],
    rows: lines.map((l, i) => [String(i + 1), ...l.cells]),
  }
}

/** Each member's 服务清单 for the year as handed in (handed in or confirmed), a page of members at a time. */
async function* serviceSheets(db: Database, scope: LedgerScope): AsyncIterable<TableModel> {
  const _ = db.command
  for await (const page of scan<MemberDoc>(db, 'members', { 'report.communityId': scope.communityId }, { pageSize: PAGE, fields: { name: true, unitName: true, unitId: true } })) {
    const entries = await scanAll<ServiceEntryDoc>(db, 'serviceEntries', { memberId: _.in(page.map((m) => m._id)), year: scope.year, communityId: scope.communityId, status: _.in(['handedIn', 'confirmed']) })
    const byMember = new Map<string, ServiceEntryDoc[]>()
    for (const e of entries) byMember.set(e.memberId, [...(byMember.get(e.memberId) ?? []), e])
    const units = await docsByIds<UnitDoc>(db, 'units', page.filter((m) => !m.unitName).map((m) => m.unitId), { name: true })
    const noLinks = new Map<string, string>()
    for (const m of [...page].sort((a, b) => compareChinese(a.name, b.name))) {
      const own = byMember.get(m._id)
      if (!own) continue
      yield serviceSheetTable(
        { memberName: m.name, unitName: m.unitName ?? units.get(m.unitId)?.name ?? '', communityName: scope.communityName, period: `${scope.year}年度` },
        own.sort(byDate).map((d) => entryView(d, noLinks)),
      )
    }
  }
}

async function* targets(db: Database, scope: LedgerScope): AsyncIterable<TableModel> {
  const rows = []
  for await (const page of scan<TargetDoc>(db, 'assistTargets', { communityId: scope.communityId })) {
    const paired = await pairedNames(reader(db), page.map((t) => t._id))
    rows.push(...page.map((t) => targetView(t, paired.get(t._id) ?? [], 'full')))
  }
  if (rows.length) yield targetSurveyTable(scope.communityName, rows.sort((a, b) => compareChinese(a.name, b.name)))
}

/** The tables of a category from the builders on this branch; an empty book is left out. */
export const builtTables: TableSource = async function* (db, scope) {
  const year = inYear(scope.year)
  switch (scope.category) {
    case 'files': {
      const meetings = (await allMeetings(reader(db), scope.communityId)).filter((m) => year(m.date))
      if (meetings.length) yield meetingBookTable(scope.communityName, meetings)
      return
    }
    case 'reports': {
      const summary = await reportSummary(db, scope)
      if (summary) yield summary
      return
    }
    case 'needs': {
      const docs = (await scanAll<CollectionRecordDoc>(db, 'needCollections', { communityId: scope.communityId })).filter((d) => year(d.date))
      if (docs.length) yield collectionBookTable(scope.communityName, docs.sort((a, b) => a.date.getTime() - b.date.getTime()).map(collectionView))
      yield* targets(db, scope)
      return
    }
    case 'services': {
      const pairings = (await allPairings(reader(db), scope.communityId)).filter((p) => p.target !== null && p.status !== 'offered' && (!p.endedAt || inChina(new Date(p.endedAt)).year() >= scope.year))
      if (pairings.length) yield pairingRegisterTable(scope.communityName, pairings)
      yield* serviceSheets(db, scope)
      return
    }
    case 'evaluations':
      // The evaluations' and 反馈卡 tables come with the ledger's builders.
      return
  }
}
