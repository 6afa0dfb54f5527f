import type { EntryView, MyServices } from '../../../src/domain/contracts/services.contract'
import { AppError } from '../../../src/domain/errors'
import { quarterLabel, quarterOf, type Quarter } from '../../../src/domain/quarter'
import type { TableModel } from '../../../src/domain/record-tables'
import { assertEditable, planEntry, quarterLocked, serviceDay, type ServiceKindName } from '../../../src/domain/service-entry-rules'
import { serviceSheetTable } from '../../../src/domain/service-table'
import type { MemberDoc, ServiceEntryDoc } from '../../db/docs'
import { findById } from '../../db/load'
import { newId } from '../../db/new-id'
import { scanAll } from '../../db/read'
import { assertYearOpen, isYearClosed } from '../../db/year-close'
import type { Database } from '../../kernel/database'
import type { KnownContext } from '../../kernel/function-def'
import { readUpload } from '../../storage/uploads'
import { byDate, entryView, entryViews, sumHours } from './entry-views'
import { handInId, quarterStatesOf, quarterStatesView, type QuarterStates, type ServiceHandInDoc } from './handin-doc'
import { prefillEntries } from './prefill'
import { callerMember, ownEntry, reportedCommunity } from './services-access'

// The member's own 服务清单: list (the filled-in lines materialised first),
// write, change, remove, print.

const QUARTERS: Quarter[] = [1, 2, 3, 4]

async function statesAt(db: Database, unitId: string, communityId: string | null | undefined, year: number): Promise<QuarterStates> {
  if (!communityId) return {}
  return quarterStatesOf(await findById<ServiceHandInDoc>(db, 'serviceHandIns', handInId(unitId, communityId, year)))
}

async function memberEntries(db: Database, memberId: string, year: number, quarter: Quarter | null): Promise<ServiceEntryDoc[]> {
  const docs = await scanAll<ServiceEntryDoc>(db, 'serviceEntries', quarter ? { memberId, year, quarter } : { memberId, year })
  return docs.sort(byDate)
}

export async function myServices(ctx: KnownContext, year: number, quarter: Quarter | null): Promise<MyServices> {
  const member = await callerMember(ctx)
  const communityId = member.report?.communityId ?? null
  const [states, closed] = await Promise.all([statesAt(ctx.db, member.unitId, communityId, year), isYearClosed(ctx.db, member.districtId, year)])
  if (communityId && !closed) {
    // Only quarters that have begun and are still open take filled-in lines.
    const now = quarterOf(ctx.now())
    const open = (quarter ? [quarter] : QUARTERS).filter((q) => !quarterLocked(states[q]) && (year < now.year || (year === now.year && q <= now.quarter)))
    await prefillEntries(ctx.db, [member], communityId, year, open, ctx.now())
  }
  const docs = await memberEntries(ctx.db, member._id, year, quarter)
  return {
    year,
    quarter,
    communityName: communityId ? (communityId === member.communityId && member.communityName ? member.communityName : await reportedName(ctx.db, communityId)) : null,
    quarterStates: quarterStatesView(states),
    rows: await entryViews(docs),
    entries: docs.length,
    hours: sumHours(docs),
  }
}

async function reportedName(db: Database, communityId: string): Promise<string> {
  return (await findById<{ name: string }>(db, 'communities', communityId))?.name ?? ''
}

export interface EntryInput {
  entryId?: string
  date: Date
  place: string
  content: string
  kind: ServiceKindName
  hours: number
  photoFileId: string | null
}

/** Hours the member already has on that China day, other than the entry being changed. */
async function otherHoursThatDay(db: Database, memberId: string, day: Date, except: string | undefined): Promise<number> {
  const same = await scanAll<ServiceEntryDoc>(db, 'serviceEntries', { memberId, date: day }, { fields: { hours: true } })
  return sumHours(same.filter((e) => e._id !== except))
}

export async function saveEntry(ctx: KnownContext, input: EntryInput): Promise<EntryView> {
  const member = await callerMember(ctx)
  const before = input.entryId ? await ownEntry(ctx, member, input.entryId) : null
  if (before) assertEditable(before.status)
  const communityId = before?.communityId ?? reportedCommunity(member)
  const day = planDay(input.date)
  const [states, others] = await Promise.all([statesAt(ctx.db, member.unitId, communityId, day.year), otherHoursThatDay(ctx.db, member._id, day.date, before?._id)])
  const plan = planEntry({ date: input.date, hours: input.hours, now: ctx.now(), otherHoursThatDay: others, quarterStates: states })
  await assertYearOpen(ctx.db, member.districtId, plan.year)
  if (before && before.year !== plan.year) await assertYearOpen(ctx.db, member.districtId, before.year)
  // A photo kept from before was checked when it came; a new one must be the caller's own image.
  if (input.photoFileId && input.photoFileId !== before?.photoFileId) await readUpload(ctx, input.photoFileId, 'image')

  const now = ctx.now()
  const fields = { date: plan.date, year: plan.year, quarter: plan.quarter, place: input.place, content: input.content, kind: input.kind, hours: plan.hours, photoFileId: input.photoFileId, updatedAt: now }
  if (before) {
    const _ = ctx.db.command
    // Fixed: a returned entry is a draft again. Only while it is still the member's (a hand-in may have locked it since).
    const changed = { ...fields, status: 'draft' as const, returnReason: null, returnedBy: null }
    const result = (await ctx.db.collection('serviceEntries').where({ _id: before._id, status: _.in(['draft', 'returned']) }).update({ data: changed })) as { stats?: { updated?: number } }
    if (!result.stats?.updated) throw new AppError('SERVICE_ENTRY_LOCKED')
    return (await entryViews([{ ...before, ...changed }]))[0]!
  }
  const doc: ServiceEntryDoc = {
    _id: newId('service'),
    memberId: member._id,
    unitId: member.unitId,
    communityId,
    districtId: member.districtId,
    ...fields,
    source: null,
    status: 'draft',
    returnReason: null,
    returnedBy: null,
    handInId: null,
    createdAt: now,
  }
  const { _id, ...data } = doc
  await ctx.db.collection('serviceEntries').doc(_id).set({ data })
  return (await entryViews([doc]))[0]!
}

/** The China day an entry is filed under, and its year. */
function planDay(date: Date) {
  const day = serviceDay(date)
  return { date: day, year: quarterOf(day).year }
}

export async function removeEntry(ctx: KnownContext, entryId: string): Promise<{ removed: boolean }> {
  const member = await callerMember(ctx)
  const entry = await ownEntry(ctx, member, entryId)
  assertEditable(entry.status)
  if (entry.source) throw new AppError('SERVICE_ENTRY_PREFILLED')
  await assertYearOpen(ctx.db, member.districtId, entry.year)
  const _ = ctx.db.command
  const result = (await ctx.db.collection('serviceEntries').where({ _id: entry._id, status: _.in(['draft', 'returned']) }).remove()) as { stats?: { removed?: number } }
  if (!result.stats?.removed) throw new AppError('SERVICE_ENTRY_LOCKED')
  return { removed: true }
}

export function sheetHead(member: MemberDoc, communityName: string, year: number, quarter: Quarter | null) {
  return { memberName: member.name, unitName: member.unitName ?? '', communityName, period: quarter ? quarterLabel({ year, quarter }) : `${year}年度` }
}

export async function mySheet(ctx: KnownContext, year: number, quarter: Quarter | null): Promise<TableModel> {
  const member = await callerMember(ctx)
  return memberSheet(ctx.db, member, member.report?.communityId ?? null, { memberId: member._id, year, ...(quarter ? { quarter } : {}) }, year, quarter)
}

/** One member's printable 服务清单 of the entries matching `filter` (the member's own, or those the unit or the community may see). */
export async function memberSheet(db: Database, member: MemberDoc, communityId: string | null, filter: Record<string, unknown>, year: number, quarter: Quarter | null): Promise<TableModel> {
  const [docs, communityName] = await Promise.all([scanAll<ServiceEntryDoc>(db, 'serviceEntries', filter), communityId ? reportedName(db, communityId) : Promise.resolve('')])
  const links = new Map<string, string>()
  return serviceSheetTable(sheetHead(member, communityName, year, quarter), docs.sort(byDate).map((d) => entryView(d, links)))
}
