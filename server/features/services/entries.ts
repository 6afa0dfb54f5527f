import type { EntryView, MyServices } from '../../../src/domain/contracts/services.contract'
import { AppError } from '../../../src/domain/errors'
import { quarterLabel, quarterOf, type Quarter } from '../../../src/domain/quarter'
import type { TableModel } from '../../../src/domain/record-tables'
import { inChina } from '../../../src/domain/china-time'
import { assertEditable, assertPrefilledEdit, planEntry, quarterLocked, serviceDay, type ServiceKindName } from '../../../src/domain/service-entry-rules'
import { serviceSheetTable } from '../../../src/domain/service-table'
import type { MemberDoc, ServiceEntryDoc } from '../../db/docs'
import { findById } from '../../db/load'
import { findInTransaction, inTransaction, type Txn } from '../../db/transaction'
import { scanAll } from '../../db/read'
import { assertYearOpen, isYearClosed } from '../../db/year-close'
import type { Database } from '../../kernel/database'
import type { KnownContext } from '../../kernel/function-def'
import { readUpload } from '../../storage/uploads'
import { byDate, entryView, entryViews, sumHours } from './entry-views'
import { handInId, lockedByHandIn, lockedThroughOf, quarterStatesOf, quarterStatesView, quarterThroughView, type QuarterStates, type ServiceHandInDoc } from './handin-doc'
import { prefillEntries } from './prefill'
import { callerMember, ownEntry, reportedCommunity } from './services-access'

// The member's own 服务清单: list (the filled-in lines materialised first),
// write, change, remove, print.

const QUARTERS: Quarter[] = [1, 2, 3, 4]

async function handInAt(db: Database, unitId: string, communityId: string | null | undefined, year: number): Promise<ServiceHandInDoc | null> {
  if (!communityId) return null
  return (await findById<ServiceHandInDoc>(db, 'serviceHandIns', handInId(unitId, communityId, year))) ?? null
}

async function memberEntries(db: Database, memberId: string, year: number, quarter: Quarter | null): Promise<ServiceEntryDoc[]> {
  const docs = await scanAll<ServiceEntryDoc>(db, 'serviceEntries', quarter ? { memberId, year, quarter } : { memberId, year })
  return docs.sort(byDate)
}

export async function myServices(ctx: KnownContext, year: number, quarter: Quarter | null): Promise<MyServices> {
  const member = await callerMember(ctx)
  const communityId = member.report?.communityId ?? null
  const [handIn, closed] = await Promise.all([handInAt(ctx.db, member.unitId, communityId, year), isYearClosed(ctx.db, member.districtId, year)])
  const states: QuarterStates = quarterStatesOf(handIn)
  if (communityId && !closed) {
    // Only quarters that have begun and are not handed in whole take filled-in lines (days after an early hand-in still do).
    const now = quarterOf(ctx.now())
    const through = lockedThroughOf(handIn)
    const open = (quarter ? [quarter] : QUARTERS).filter((q) => (!quarterLocked(states[q]) || through[q]) && (year < now.year || (year === now.year && q <= now.quarter)))
    await prefillEntries(ctx.db, [member], communityId, year, open, ctx.now(), (date) => !lockedByHandIn(handIn, date))
  }
  const docs = await memberEntries(ctx.db, member._id, year, quarter)
  return {
    year,
    quarter,
    communityName: communityId ? (communityId === member.communityId && member.communityName ? member.communityName : await reportedName(ctx.db, communityId)) : null,
    quarterStates: quarterStatesView(states),
    lockedThrough: quarterThroughView(handIn),
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
  /** Made once per form by the page: the new entry's id, so a retried save writes once. */
  requestId: string
  date: Date
  place: string
  content: string
  kind: ServiceKindName
  hours: number
  photoFileId: string | null
}

/**
 * serviceDays: one document per member and China day holding the hours of
 * each entry the member wrote or changed that day. It is read and written in
 * the entry's transaction, so two saves at once cannot both pass the 24-hour
 * rule (the second's transaction conflicts, runs again and sees the first).
 * Filled-in lines the member never touched are counted from the entries.
 */
interface ServiceDayDoc {
  _id: string
  memberId: string
  date: Date
  entries: Array<{ id: string; hours: number }>
  updatedAt: Date
}

const dayId = (memberId: string, day: Date) => `${memberId}:${inChina(day).format('YYYYMMDD')}`

/** The member's hours that day other than `except`: the day document's, and the filled-in lines it does not know yet. */
function otherHours(day: ServiceDayDoc | null, scanned: ReadonlyArray<{ _id: string; hours: number }>, except: string): number {
  const byId = new Map<string, number>(scanned.map((e) => [e._id, e.hours]))
  for (const e of day?.entries ?? []) byId.set(e.id, e.hours)
  byId.delete(except)
  return [...byId.values()].reduce((n, h) => n + h, 0)
}

async function writeDay(t: Txn, memberId: string, day: Date, current: ServiceDayDoc | null, entryId: string, hours: number | null, now: Date): Promise<void> {
  const entries = (current?.entries ?? []).filter((e) => e.id !== entryId)
  if (hours !== null) entries.push({ id: entryId, hours })
  await t.collection('serviceDays').doc(dayId(memberId, day)).set({ data: { memberId, date: day, entries, updatedAt: now } })
}

export async function saveEntry(ctx: KnownContext, input: EntryInput): Promise<EntryView> {
  const member = await callerMember(ctx)
  const before = input.entryId ? await ownEntry(ctx, member, input.entryId) : null
  if (before) assertEditable(before.status)
  if (before?.source) assertPrefilledEdit({ ...before, source: before.source.type }, input)
  // An entry stays with the unit and community it was filed with (the member may have moved since).
  const unitId = before?.unitId ?? member.unitId
  const communityId = before?.communityId ?? reportedCommunity(member)
  const entryId = before?._id ?? `${member._id}:${input.requestId}`
  const day = planDay(input.date)
  const [handInDoc, sameDay] = await Promise.all([
    findById<ServiceHandInDoc>(ctx.db, 'serviceHandIns', handInId(unitId, communityId, day.year)),
    scanAll<ServiceEntryDoc>(ctx.db, 'serviceEntries', { memberId: member._id, date: day.date }, { fields: { hours: true } }),
  ])
  const facts = { date: input.date, hours: input.hours, now: ctx.now(), quarterStates: quarterStatesOf(handInDoc), lockedThrough: lockedThroughOf(handInDoc), reportedAt: before ? null : member.report?.reportedAt }
  // Refused early, before anything is read in a transaction (the transaction checks again with the day's own total).
  const plan = planEntry({ ...facts, otherHoursThatDay: 0 })
  await assertYearOpen(ctx.db, member.districtId, plan.year)
  if (before && before.year !== plan.year) await assertYearOpen(ctx.db, member.districtId, before.year)
  // A photo kept from before was checked when it came; a new one must be the caller's own image.
  if (input.photoFileId && input.photoFileId !== before?.photoFileId) await readUpload(ctx, input.photoFileId, 'image')

  const now = ctx.now()
  const fields = { date: plan.date, year: plan.year, quarter: plan.quarter, place: input.place, content: input.content, kind: input.kind, hours: plan.hours, photoFileId: input.photoFileId, updatedAt: now }
  // A visit's hours changed by the member: what the system filled in is kept, for the liaison and staff to see.
  const originalHours = before?.source && plan.hours !== before.hours ? { originalHours: before.originalHours ?? before.hours } : {}
  const written = await inTransaction(ctx.db, async (t) => {
    const current = await findInTransaction<ServiceEntryDoc>(t, 'serviceEntries', entryId)
    // The same request again (a double tap, a retry): the entry it wrote.
    if (!before && current) return { doc: { ...current, _id: entryId }, repeated: true }
    if (before && (!current || (current.status !== 'draft' && current.status !== 'returned'))) throw new AppError('SERVICE_ENTRY_LOCKED')
    const dayDoc = await findInTransaction<ServiceDayDoc>(t, 'serviceDays', dayId(member._id, plan.date))
    planEntry({ ...facts, otherHoursThatDay: otherHours(dayDoc, sameDay, entryId) })
    let doc: ServiceEntryDoc
    if (before) {
      // Fixed: a returned entry is a draft again.
      doc = { ...current!, _id: entryId, ...fields, ...originalHours, status: 'draft', returnReason: null, returnedBy: null }
      const movedFrom = before.date.getTime() !== plan.date.getTime() ? await findInTransaction<ServiceDayDoc>(t, 'serviceDays', dayId(member._id, before.date)) : null
      if (movedFrom) await writeDay(t, member._id, before.date, movedFrom, entryId, null, now)
    } else {
      doc = { _id: entryId, memberId: member._id, unitId, communityId, districtId: member.districtId, ...fields, source: null, status: 'draft', returnReason: null, returnedBy: null, handInId: null, createdAt: now }
    }
    const { _id, ...data } = doc
    await t.collection('serviceEntries').doc(entryId).set({ data })
    await writeDay(t, member._id, plan.date, dayDoc, entryId, plan.hours, now)
    return { doc, repeated: false }
  })
  if (!written.repeated) await undoIfHandedIn(ctx, member._id, before, written.doc)
  return (await entryViews([written.doc]))[0]!
}

/**
 * A hand-in may have begun between the check and the write: its state is
 * written before it locks the drafts, so reading it again after the write
 * tells. If the entry's date is now covered, what was just written is undone
 * (unless the hand-in's sweep already took it) and the save refused.
 */
async function undoIfHandedIn(ctx: KnownContext, memberId: string, before: ServiceEntryDoc | null, doc: ServiceEntryDoc): Promise<void> {
  const after = await findById<ServiceHandInDoc>(ctx.db, 'serviceHandIns', handInId(doc.unitId, doc.communityId, doc.year))
  if (!lockedByHandIn(after, doc.date)) return
  const undone = await inTransaction(ctx.db, async (t) => {
    const current = await findInTransaction<ServiceEntryDoc>(t, 'serviceEntries', doc._id)
    if (!current || (current.status !== 'draft' && current.status !== 'returned')) return false
    const day = await findInTransaction<ServiceDayDoc>(t, 'serviceDays', dayId(memberId, doc.date))
    if (!before) {
      await t.collection('serviceEntries').doc(doc._id).remove()
      await writeDay(t, memberId, doc.date, day, doc._id, null, ctx.now())
    } else {
      const { _id, ...data } = before
      await t.collection('serviceEntries').doc(doc._id).set({ data })
      if (before.date.getTime() === doc.date.getTime()) {
        await writeDay(t, memberId, doc.date, day, doc._id, before.hours, ctx.now())
      } else {
        const was = await findInTransaction<ServiceDayDoc>(t, 'serviceDays', dayId(memberId, before.date))
        await writeDay(t, memberId, doc.date, day, doc._id, null, ctx.now())
        await writeDay(t, memberId, before.date, was, doc._id, before.hours, ctx.now())
      }
    }
    return true
  })
  if (undone) throw new AppError('SERVICE_QUARTER_HANDED_IN')
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
  await inTransaction(ctx.db, async (t) => {
    const current = await findInTransaction<ServiceEntryDoc>(t, 'serviceEntries', entry._id)
    // Only while it is still the member's (a hand-in may have locked it since).
    if (!current || (current.status !== 'draft' && current.status !== 'returned')) throw new AppError('SERVICE_ENTRY_LOCKED')
    const day = await findInTransaction<ServiceDayDoc>(t, 'serviceDays', dayId(member._id, entry.date))
    await t.collection('serviceEntries').doc(entry._id).remove()
    if (day) await writeDay(t, member._id, entry.date, day, entry._id, null, ctx.now())
  })
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
