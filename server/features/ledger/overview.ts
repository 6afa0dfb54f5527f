import { compareChinese } from '../../../src/domain/chinese-order'
import type { LedgerOverview } from '../../../src/domain/contracts/ledger.contract'
import { ledgerOverview, MISSING_NAMES_SHOWN, type Lacking, type LedgerFacts } from '../../../src/domain/ledger'
import type { Quarter } from '../../../src/domain/quarter'
import type { CommunityDoc } from '../../db/docs'
import { findById } from '../../db/load'
import { namesOf } from '../../db/names'
import { countBy, countOf, scanAll } from '../../db/read'
import type { Database } from '../../kernel/database'
import type { KnownContext } from '../../kernel/function-def'
import type { ServiceHandInDoc } from '../services/handin-doc'
import { ledgerCommunity, requireLedgerYear, yearEnd, yearStart } from './ledger-access'

// The 台账 overview: each item's count and what is missing, at a fixed number
// of requests whatever the community's size — counts and grouped aggregates,
// never a read per row. Missing members are counted, and the first few named.

const FLAGS = ['noRegistration', 'noRating', 'noCard'] as const
type Flag = (typeof FLAGS)[number]

/** The community's members counted in the year (reported before its end), with what each lacks. */
function reportedWithRecords(db: Database, communityId: string, year: number) {
  const _ = db.command
  const $ = db.command.aggregate
  return db
    .collection('reports')
    .aggregate()
    .match({ communityId, status: 'active', reportedAt: _.lt(yearEnd(year)) })
    .project({ memberId: true, regKey: $.concat(['registration-', '$memberId', `-${communityId}`]), key: $.concat(['$memberId', `:${year}`]) })
    .lookup({ from: 'registrations', localField: 'regKey', foreignField: '_id', as: 'registration' })
    .lookup({ from: 'evaluations', localField: 'key', foreignField: '_id', as: 'evaluation' })
    .lookup({ from: 'feedbackCards', localField: 'key', foreignField: '_id', as: 'card' })
    .addFields({
      noRegistration: $.eq([$.size('$registration'), 0]),
      noRating: $.eq([$.size('$evaluation'), 0]),
      noCard: $.eq([$.size('$card'), 0]),
    })
}

interface Totals {
  members: number
  noRegistration: number
  noRating: number
  noCard: number
}

async function lacking(db: Database, communityId: string, year: number): Promise<{ members: number } & Record<Flag, Lacking>> {
  const $ = db.command.aggregate
  const count = (flag: Flag) => $.sum($.cond([`$${flag}`, 1, 0]))
  const [totals, ...named] = await Promise.all([
    reportedWithRecords(db, communityId, year)
      .group({ _id: null, members: $.sum(1), noRegistration: count('noRegistration'), noRating: count('noRating'), noCard: count('noCard') })
      .end() as Promise<{ list: Totals[] }>,
    ...FLAGS.map(
      (flag) =>
        reportedWithRecords(db, communityId, year)
          .match({ [flag]: true })
          .sort({ memberId: 1 })
          .limit(MISSING_NAMES_SHOWN)
          .lookup({ from: 'members', localField: 'memberId', foreignField: '_id', as: 'member' })
          .project({ name: $.arrayElemAt(['$member.name', 0]) })
          .end() as Promise<{ list: Array<{ name?: string }> }>,
    ),
  ])
  const t = totals.list[0] ?? { members: 0, noRegistration: 0, noRating: 0, noCard: 0 }
  const of = (flag: Flag, i: number): Lacking => ({ count: t[flag], names: named[i]!.list.map((r) => r.name ?? '') })
  return { members: t.members, noRegistration: of('noRegistration', 0), noRating: of('noRating', 1), noCard: of('noCard', 2) }
}

/** Handed-in 服务清单: one per member and quarter with entries handed in (or confirmed) here. */
async function handedInSheets(db: Database, communityId: string, year: number): Promise<number> {
  const _ = db.command
  const $ = db.command.aggregate
  const result = (await db
    .collection('serviceEntries')
    .aggregate()
    .match({ communityId, year, status: _.in(['handedIn', 'confirmed']) })
    .group({ _id: { memberId: '$memberId', quarter: '$quarter' } })
    .group({ _id: null, n: $.sum(1) })
    .end()) as { list: Array<{ n: number }> }
  return result.list[0]?.n ?? 0
}

export async function ledgerFacts(db: Database, community: CommunityDoc, year: number, now: Date): Promise<LedgerFacts> {
  const _ = db.command
  const communityId = community._id
  const inYear = _.and([_.gte(yearStart(year)), _.lt(yearEnd(year))])
  const [documents, meetings, members, unitCounts, profile, collections, targets, pairings, handIns, sheets, evaluations, cards] = await Promise.all([
    countOf(db.collection('ledgerDocuments').where({ communityId, year })),
    countOf(db.collection('meetings').where({ communityId, date: inYear })),
    lacking(db, communityId, year),
    countBy(db, 'reports', { communityId, status: 'active', reportedAt: _.lt(yearEnd(year)) }, 'unitId'),
    findById(db, 'communityProfiles', communityId),
    countOf(db.collection('needCollections').where({ communityId, date: inYear })),
    countOf(db.collection('assistTargets').where({ communityId })),
    // The 结对帮扶登记表 of the year: pairings begun before its end and not ended before its start.
    countOf(
      db.collection('assistancePairings').where(
        _.and([{ communityId, status: _.in(['active', 'ended']), startedAt: _.lt(yearEnd(year)) }, _.or([{ endedAt: null }, { endedAt: _.gte(yearStart(year)) }])]),
      ),
    ),
    scanAll<ServiceHandInDoc>(db, 'serviceHandIns', { communityId, year }, { fields: { unitId: true, quarters: true } }),
    handedInSheets(db, communityId, year),
    countOf(db.collection('evaluations').where({ communityId, year })),
    countOf(db.collection('feedbackCards').where({ communityId, year })),
  ])
  const unitNames = await namesOf(db, 'units', [...unitCounts.keys()])
  const quartersOf = new Map(handIns.map((h) => [h.unitId, Object.keys(h.quarters ?? {}).map((q) => Number(q) as Quarter)]))
  return {
    year,
    now,
    counts: {
      documents,
      meetings,
      summary: members.members,
      units: unitCounts.size,
      registration: members.members - members.noRegistration.count,
      profile: profile ? 1 : 0,
      collections,
      targets,
      pairings,
      register: members.members,
      serviceSheet: sheets,
      evaluations,
      feedbackCard: cards,
    },
    profileFilled: profile !== undefined,
    withoutRegistration: members.noRegistration,
    withoutRating: members.noRating,
    withoutCard: members.noCard,
    units: [...unitCounts.keys()]
      .map((unitId) => ({ unitName: unitNames.get(unitId) ?? unitId, handedIn: quartersOf.get(unitId) ?? [] }))
      .sort((a, b) => compareChinese(a.unitName, b.unitName)),
  }
}

export async function overview(ctx: KnownContext, input: { communityId: string; year: number }): Promise<LedgerOverview> {
  const community = await ledgerCommunity(ctx, input.communityId)
  requireLedgerYear(ctx, input.year)
  const facts = await ledgerFacts(ctx.db, community, input.year, ctx.now())
  return { communityId: community._id, communityName: community.name, year: input.year, categories: ledgerOverview(facts) }
}
