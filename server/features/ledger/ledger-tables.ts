import { compareChinese } from '../../../src/domain/chinese-order'
import { LEDGER_CATEGORIES, PER_MEMBER_ITEMS, type LedgerCategoryNo, type LedgerItem } from '../../../src/domain/ledger'
import {
  activityRegisterTable,
  communityProfileTable,
  documentsTable,
  evaluationsTable,
  feedbackCardTable,
  registrationTable,
  reportingUnitsTable,
  reportSummaryTable,
  type RegistrationSheet,
} from '../../../src/domain/ledger-tables'
import { quarterLabel, type Quarter } from '../../../src/domain/quarter'
import { collectionBookTable, meetingBookTable, pairingRegisterTable, targetSurveyTable } from '../../../src/domain/record-tables'
import { serviceSheetTable } from '../../../src/domain/service-table'
import type { TableModel } from '../../../src/domain/table-model'
import { docsByIds } from '../../db/by-ids'
import type { CommunityDoc, EvaluationDoc, MemberDoc, RegistrationDoc, ReportDoc, ServiceEntryDoc } from '../../db/docs'
import { findById, loadCommunity } from '../../db/load'
import { namesOf } from '../../db/names'
import { countBy, readPage, scan, scanAll } from '../../db/read'
import type { Database } from '../../kernel/database'
import type { FeedbackCardDoc } from '../evaluation/evaluation-docs'
import { registerRowsOf } from '../participation/register'
import { summaryRowsOf, type SummaryReading } from '../posts/posts-summary'
import { collectionView } from '../records/collection-records'
import { profileView } from '../records/community-profile'
import { meetingViews } from '../records/meetings'
import { allPairings } from '../records/pairings'
import type { CollectionRecordDoc, MeetingDoc, ProfileDoc } from '../records/record-docs'
import { allTargets } from '../records/record-sheets'
import { registrationId } from '../report/registration-target'
import { byDate, entryView } from '../services/entry-views'
import { yearEnd, yearStart } from './ledger-access'
import type { LedgerDocumentDoc } from './ledger-docs'

// Every table of the 台账's five categories as table models, for the page
// (a page of tables at a time) and for the exporter (all of a category,
// streamed). Reads go through server/db/read.ts pages, so a community of any
// size comes whole; the per-member tables (附件1, 服务清单, 反馈卡) are built
// a batch of members at a time and never held all at once.
//
// Whoever calls these has checked the caller's scope (ledger.print on the
// community): the ledger is the community's own book, so mobiles print in full.

const FULL_SIGHT: SummaryReading['mobileVisible'] = () => true
/** Members per batch of the per-member tables: each batch reads its registrations, members and entries by id. */
const MEMBER_BATCH = 200

const reportFilter = (db: Database, communityId: string, year: number) => ({ communityId, status: 'active', reportedAt: db.command.lt(yearEnd(year)) })

// ---- per-member tables, a batch of reports at a time ---------------------------

async function registrationTables(db: Database, community: CommunityDoc, reports: readonly ReportDoc[]): Promise<TableModel[]> {
  const [registrations, members] = await Promise.all([
    docsByIds<RegistrationDoc>(db, 'registrations', reports.map((r) => registrationId(r.memberId, community._id))),
    docsByIds<MemberDoc>(db, 'members', reports.map((r) => r.memberId)),
  ])
  const units = await namesOf(db, 'units', reports.map((r) => r.unitId))
  return reports.flatMap((report) => {
    const member = members.get(report.memberId)
    if (!member) return []
    const reg = registrations.get(registrationId(report.memberId, community._id))
    const sheet: RegistrationSheet = {
      memberName: member.name,
      gender: reg?.gender || member.gender,
      birthMonth: reg?.birthMonth || member.birthMonth,
      joinPartyMonth: reg?.joinPartyMonth || member.joinPartyMonth,
      education: reg?.education || member.education,
      hobbies: reg?.hobbies ?? '',
      officePhone: reg?.officePhone || member.officePhone,
      mobile: reg?.mobile || member.mobile,
      qq: reg?.qq ?? '',
      communityName: community.name,
      address: reg?.address ?? '',
      unitName: units.get(report.unitId) ?? '',
      jobTitle: reg?.jobTitle || member.jobTitle,
      willingLiaison: reg ? reg.willingLiaison : null,
      claims: (reg?.claims ?? []).map((c) => ('postId' in c ? { categoryName: c.categoryName, name: c.postName } : { categoryName: c.categoryName, name: c.custom })),
      partyOrgName: community.partyOrgName ?? null,
      reportedAt: report.reportedAt.toISOString(),
    }
    return [registrationTable(sheet)]
  })
}

/** The 服务清单 as handed in: one per member and quarter, entries handed in or confirmed here. */
async function serviceSheetTables(db: Database, community: CommunityDoc, year: number, reports: readonly ReportDoc[]): Promise<TableModel[]> {
  const _ = db.command
  const ids = reports.map((r) => r.memberId)
  const [members, units] = await Promise.all([docsByIds<MemberDoc>(db, 'members', ids, { name: true }), namesOf(db, 'units', reports.map((r) => r.unitId))])
  const entries: ServiceEntryDoc[] = []
  for (let i = 0; i < ids.length; i += 100) {
    entries.push(...(await scanAll<ServiceEntryDoc>(db, 'serviceEntries', { communityId: community._id, year, status: _.in(['handedIn', 'confirmed']), memberId: _.in(ids.slice(i, i + 100)) })))
  }
  const byMemberQuarter = new Map<string, ServiceEntryDoc[]>()
  for (const e of entries) byMemberQuarter.set(`${e.memberId}|${e.quarter}`, [...(byMemberQuarter.get(`${e.memberId}|${e.quarter}`) ?? []), e])
  return reports.flatMap((report) =>
    ([1, 2, 3, 4] as Quarter[]).flatMap((quarter) => {
      const lines = byMemberQuarter.get(`${report.memberId}|${quarter}`)
      if (!lines) return []
      const head = { memberName: members.get(report.memberId)?.name ?? '', unitName: units.get(report.unitId) ?? '', communityName: community.name, period: quarterLabel({ year, quarter }) }
      return [serviceSheetTable(head, lines.sort(byDate).map((e) => entryView(e, new Map())))]
    }),
  )
}

function cardTable(card: FeedbackCardDoc): TableModel {
  return feedbackCardTable({ ...card, reportedAt: card.reportedAt?.toISOString() ?? null, issuedAt: card.issuedAt.toISOString() })
}

// ---- whole tables -----------------------------------------------------------------

async function evaluationTable(db: Database, community: CommunityDoc, year: number): Promise<TableModel> {
  const docs = await scanAll<EvaluationDoc>(db, 'evaluations', { communityId: community._id, year })
  const [members, units] = await Promise.all([namesOf(db, 'members', docs.map((d) => d.memberId)), namesOf(db, 'units', docs.map((d) => d.unitId))])
  const lines = docs
    .map((d) => ({
      memberName: members.get(d.memberId) ?? '',
      unitName: units.get(d.unitId) ?? '',
      activities: d.facts.communityActivities + d.facts.unitActivities,
      activityHours: d.facts.activityHours,
      serviceEntries: d.facts.serviceEntries,
      serviceHours: d.facts.serviceHours,
      proposed: d.proposed,
      rating: d.rating,
      comment: d.comment,
      pledgeKept: d.pledgeKept,
      confirmedAt: d.confirmedAt.toISOString(),
    }))
    .sort((a, b) => compareChinese(a.memberName, b.memberName))
  return evaluationsTable(community.name, year, lines)
}

async function unitsTable(db: Database, community: CommunityDoc, year: number): Promise<TableModel> {
  const counts = await countBy(db, 'reports', reportFilter(db, community._id, year), 'unitId')
  const names = await namesOf(db, 'units', [...counts.keys()])
  const units = [...counts].map(([unitId, members]) => ({ unitName: names.get(unitId) ?? unitId, members })).sort((a, b) => compareChinese(a.unitName, b.unitName))
  return reportingUnitsTable(community.name, year, units)
}

async function wholeTable(db: Database, community: CommunityDoc, year: number, item: LedgerItem): Promise<TableModel> {
  const _ = db.command
  const communityId = community._id
  const inYear = _.and([_.gte(yearStart(year)), _.lt(yearEnd(year))])
  switch (item) {
    case 'documents': {
      const docs = await scanAll<LedgerDocumentDoc>(db, 'ledgerDocuments', { communityId, year })
      docs.sort((a, b) => b.issuedAt.getTime() - a.issuedAt.getTime())
      return documentsTable(community.name, year, docs.map((d) => ({ title: d.title, issuedBy: d.issuedBy, issuedAt: d.issuedAt.toISOString(), format: d.format, note: d.note })))
    }
    case 'meetings': {
      const docs = await scanAll<MeetingDoc>(db, 'meetings', { communityId, date: inYear })
      docs.sort((a, b) => a.date.getTime() - b.date.getTime())
      const table = meetingBookTable(community.name, await meetingViews({ db }, docs, false))
      return { ...table, subtitle: `${year}年，${table.subtitle}` }
    }
    case 'summary':
      return reportSummaryTable(community.name, await summaryRowsOf(db, community, { mobileVisible: FULL_SIGHT, reportedBefore: yearEnd(year) }))
    case 'units':
      return unitsTable(db, community, year)
    case 'profile':
      return communityProfileTable(profileView(community, await findById<ProfileDoc>(db, 'communityProfiles', communityId)))
    case 'collections': {
      const docs = await scanAll<CollectionRecordDoc>(db, 'needCollections', { communityId, date: inYear })
      docs.sort((a, b) => a.date.getTime() - b.date.getTime())
      const table = collectionBookTable(community.name, docs.map(collectionView))
      return { ...table, subtitle: `${year}年，${table.subtitle}` }
    }
    case 'targets':
      return targetSurveyTable(community.name, await allTargets({ db }, communityId))
    case 'pairings': {
      const from = yearStart(year).getTime()
      const to = yearEnd(year).getTime()
      const pairings = (await allPairings({ db, reader: 'keeper' }, communityId)).filter(
        (p) => p.startedAt !== null && new Date(p.startedAt).getTime() < to && (p.endedAt === null || new Date(p.endedAt).getTime() >= from),
      )
      return pairingRegisterTable(community.name, pairings)
    }
    case 'register':
      return activityRegisterTable(year, community.name, await registerRowsOf(db, community, year, { mobileVisible: FULL_SIGHT, reportedBefore: yearEnd(year) }))
    case 'evaluations':
      return evaluationTable(db, community, year)
    default:
      throw new Error(`${item} is printed one table per member`)
  }
}

// ---- streams and pages ----------------------------------------------------------

/** Every table of one item, in filing order: one for most items, one per member (and quarter) for the per-member ones. */
export async function* itemTables(db: Database, community: CommunityDoc, year: number, item: LedgerItem): AsyncGenerator<TableModel> {
  if (!PER_MEMBER_ITEMS.includes(item)) {
    yield await wholeTable(db, community, year, item)
    return
  }
  if (item === 'feedbackCard') {
    for await (const cards of scan<FeedbackCardDoc>(db, 'feedbackCards', { communityId: community._id, year }, { pageSize: MEMBER_BATCH })) {
      for (const card of cards.sort((a, b) => compareChinese(a.memberName, b.memberName))) yield cardTable(card)
    }
    return
  }
  for await (const reports of scan<ReportDoc>(db, 'reports', reportFilter(db, community._id, year), { pageSize: MEMBER_BATCH })) {
    const tables = item === 'registration' ? await registrationTables(db, community, reports) : await serviceSheetTables(db, community, year, reports)
    yield* tables
  }
}

/**
 * The tables of one category of a community's 台账 for a year, for the
 * exporter: streamed (an async generator), read page by page, at any size.
 * The caller has checked the scope (ledger.print) and the year.
 */
export async function* ledgerTables(db: Database, communityId: string, year: number, category: LedgerCategoryNo): AsyncGenerator<TableModel> {
  const community = await loadCommunity(db, communityId)
  const def = LEDGER_CATEGORIES.find((c) => c.no === category)
  if (!def) throw new Error(`no ledger category ${category}`)
  for (const item of def.items) yield* itemTables(db, community, year, item)
}

/** One page of an item's tables for the page: per-member items by members (reported earliest first), others whole. */
export async function itemTablesPage(db: Database, community: CommunityDoc, year: number, item: LedgerItem, paging: { page: number; pageSize: number }) {
  if (!PER_MEMBER_ITEMS.includes(item)) return { tables: [await wholeTable(db, community, year, item)], total: 1 }
  if (item === 'feedbackCard') {
    const { docs, total } = await readPage<FeedbackCardDoc>(db, 'feedbackCards', { communityId: community._id, year }, ['memberName', 'asc'], paging)
    return { tables: docs.map(cardTable), total }
  }
  const { docs, total } = await readPage<ReportDoc>(db, 'reports', reportFilter(db, community._id, year), ['reportedAt', 'asc'], paging)
  const tables = item === 'registration' ? await registrationTables(db, community, docs) : await serviceSheetTables(db, community, year, docs)
  return { tables, total }
}


