import type { CommunityRow, EntryView } from '../../../src/domain/contracts/services.contract'
import { AppError } from '../../../src/domain/errors'
import { quarterEnded, quarterRange, type Quarter } from '../../../src/domain/quarter'
import { quarterLocked } from '../../../src/domain/service-entry-rules'
import { handInId, lockedByHandIn, lockedThroughOf, quarterStatesOf, quarterStatesView, quarterThroughView, type ServiceHandInDoc } from './handin-doc'
import type { MemberDoc, ServiceEntryDoc } from '../../db/docs'
import { findById, loadCommunity } from '../../db/load'
import { namesOf } from '../../db/names'
import { countBy, scanAll } from '../../db/read'
import { assertYearOpen, isYearClosed } from '../../db/year-close'
import type { KnownContext } from '../../kernel/function-def'
import { entryViews } from './entry-views'
import { periodMembers } from './period-members'
import { prefillEntries } from './prefill'
import { authorizedUnit, unitEntry } from './services-access'

// The unit's side before handing in (secretary read-only, liaison acts): per
// community where its members reported, the quarter's entries and who wrote
// nothing (a page of members has its filled-in lines added first); an entry
// sent back to its member with a reason. The hand-in itself does not fill in
// (it covers every member at once, which no fixed number of requests can):
// it relies on the daily timer, and the page says so.

interface Period {
  unitId: string
  year: number
  quarter: Quarter
}

export async function unitOverview(ctx: KnownContext, input: Period) {
  const { db } = ctx
  const $ = db.command.aggregate
  const unit = await authorizedUnit(ctx, input.unitId, 'service.unitRead')
  const [reported, grouped, handIns] = await Promise.all([
    countBy(db, 'members', { unitId: unit._id, 'report.communityId': db.command.exists(true) }, 'report.communityId'),
    db
      .collection('serviceEntries')
      .aggregate()
      .match({ unitId: unit._id, year: input.year, quarter: input.quarter })
      .group({ _id: { c: '$communityId', m: '$memberId' }, n: $.sum(1), hours: $.sum('$hours') })
      .group({ _id: '$_id.c', writers: $.sum(1), n: $.sum('$n'), hours: $.sum('$hours') })
      .limit(1000)
      .end() as Promise<{ list: Array<{ _id: string; writers: number; n: number; hours: number }> }>,
    scanAll<ServiceHandInDoc>(db, 'serviceHandIns', { unitId: unit._id, year: input.year }, { fields: { communityId: true, quarters: true } }),
  ])
  const byCommunity = new Map(grouped.list.map((g) => [g._id, g]))
  const ids = [...new Set([...[...reported.keys()].filter(Boolean), ...byCommunity.keys()])]
  const names = await namesOf(db, 'communities', ids)
  const states = new Map(handIns.map((h) => [h.communityId, quarterStatesOf(h)[input.quarter] ?? null]))
  const through = new Map(handIns.map((h) => [h.communityId, lockedThroughOf(h)[input.quarter] ?? null]))
  const rows: CommunityRow[] = ids
    .map((communityId) => {
      const g = byCommunity.get(communityId)
      const members = reported.get(communityId) ?? 0
      return {
        communityId,
        communityName: names.get(communityId) ?? '',
        members,
        nothing: Math.max(0, members - (g?.writers ?? 0)),
        entries: g?.n ?? 0,
        hours: g?.hours ?? 0,
        state: states.get(communityId) ?? null,
        coveredThrough: through.get(communityId)?.toISOString() ?? null,
        handInId: handInId(unit._id, communityId, input.year),
      }
    })
    .sort((a, b) => a.communityName.localeCompare(b.communityName, 'zh'))
  return { unitName: unit.name, year: input.year, quarter: input.quarter, quarterEnded: quarterEnded(input, ctx.now()), rows }
}

export async function unitCommunity(ctx: KnownContext, input: Period & { communityId: string; filter: 'all' | 'nothing'; page: number; pageSize: number }) {
  const unit = await authorizedUnit(ctx, input.unitId, 'service.unitRead')
  const [community, handIn, closed] = await Promise.all([
    loadCommunity(ctx.db, input.communityId),
    findById<ServiceHandInDoc>(ctx.db, 'serviceHandIns', handInId(unit._id, input.communityId, input.year)),
    isYearClosed(ctx.db, unit.districtId, input.year),
  ])
  const states = quarterStatesOf(handIn)
  // The page's members' lines are filled in first (what the daily timer has not reached yet), while the quarter may still take them.
  // A fourth quarter handed in early still takes the lines dated after its hand-in day.
  const open = !closed && (!quarterLocked(states[input.quarter]) || !!lockedThroughOf(handIn)[input.quarter]) && quarterRange(input).from.getTime() <= ctx.now().getTime()
  const fillIn = open ? (members: MemberDoc[]) => prefillEntries(ctx.db, members, community._id, input.year, [input.quarter], ctx.now(), (date) => !lockedByHandIn(handIn, date)) : undefined
  const period = await periodMembers(ctx.db, { unitId: unit._id, communityId: community._id, year: input.year, quarter: input.quarter }, input, fillIn)
  return { ...period, communityName: community.name, quarterStates: quarterStatesView(states), lockedThrough: quarterThroughView(handIn) }
}

/** The liaison sends a draft entry back to its member, before the quarter is handed in. */
export async function returnEntry(ctx: KnownContext, entryId: string, reason: string): Promise<EntryView> {
  const entry = await unitEntry(ctx, entryId)
  if (entry.status !== 'draft') throw new AppError('SERVICE_NOT_RETURNABLE')
  await assertYearOpen(ctx.db, entry.districtId, entry.year)
  const changed = { status: 'returned' as const, returnReason: reason, returnedBy: 'unit' as const, updatedAt: ctx.now() }
  const result = (await ctx.db.collection('serviceEntries').where({ _id: entry._id, status: 'draft' }).update({ data: changed })) as { stats?: { updated?: number } }
  if (!result.stats?.updated) throw new AppError('SERVICE_NOT_RETURNABLE')
  return (await entryViews([{ ...entry, ...changed } as ServiceEntryDoc]))[0]!
}
