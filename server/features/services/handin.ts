import { authorize } from '../../../src/domain/access'
import type { HandInView } from '../../../src/domain/contracts/services.contract'
import { AppError } from '../../../src/domain/errors'
import { quarterEnded, type Quarter } from '../../../src/domain/quarter'
import { handInCover, handInStatus, planHandIn } from '../../../src/domain/service-entry-rules'
import { docsByIds } from '../../db/by-ids'
import type { CommunityDoc, ServiceEntryDoc, UnitDoc } from '../../db/docs'
import { communityScope, findById, loadCommunity, notFound } from '../../db/load'
import { countOf, readPage } from '../../db/read'
import { findInTransaction, inTransaction } from '../../db/transaction'
import { assertYearOpen } from '../../db/year-close'
import type { Database } from '../../kernel/database'
import type { KnownContext } from '../../kernel/function-def'
import { handInId, handInView, lockedThroughOf, quarterStatesOf, waitingSinceOf, type QuarterHandIn, type ServiceHandInDoc } from './handin-doc'
import { periodMembers } from './period-members'
import { authorizedUnit, staffHandIn } from './services-access'

// The quarterly hand-in. Entries of a unit × community × quarter move
// together, too many for one transaction. So the quarter's state changes
// first, in a transaction that reads it again and refuses unless it is still
// what the caller saw; then the entries are swept by a query that selects only
// those not yet changed. Whoever wins the transaction owns the sweep: a
// confirm and a return can no longer both act on one quarter. A call cut off
// before its sweep is completed by calling it again (the repeat sweeps, then
// answers that the quarter is handed in / no longer waiting).

const _in = (db: Database, values: unknown[]) => db.command.in(values)

function withQuarters(doc: ServiceHandInDoc, quarters: ServiceHandInDoc['quarters'], now: Date): ServiceHandInDoc {
  const states = quarterStatesOf({ quarters })
  return { ...doc, quarters, status: handInStatus(states), waitingSince: waitingSinceOf(quarters), updatedAt: now }
}

async function writeHandIn(db: Database, id: string, change: (current: ServiceHandInDoc | null) => ServiceHandInDoc): Promise<ServiceHandInDoc> {
  return inTransaction(db, async (t) => {
    const current = await findInTransaction<ServiceHandInDoc>(t, 'serviceHandIns', id)
    const next = change(current ? { ...current, _id: id } : null)
    const { _id, ...data } = next
    await t.collection('serviceHandIns').doc(id).set({ data })
    return next
  })
}

/** Sweeps `status` entries of the hand-in's `quarters` dated within what each quarter covers to `data` (repeatable: only entries still `status` match). */
async function sweepCovered(db: Database, doc: ServiceHandInDoc, quarters: Quarter[], status: string, data: Record<string, unknown>): Promise<void> {
  const _ = db.command
  const scope = { unitId: doc.unitId, communityId: doc.communityId, year: doc.year, status }
  const whole = quarters.filter((q) => !doc.quarters[`${q}`]?.coveredThrough)
  const early = quarters.filter((q) => doc.quarters[`${q}`]?.coveredThrough)
  if (whole.length) await db.collection('serviceEntries').where({ ...scope, quarter: _in(db, whole) }).update({ data })
  for (const q of early) await db.collection('serviceEntries').where({ ...scope, quarter: q, date: _.lte(doc.quarters[`${q}`]!.coveredThrough!) }).update({ data })
}

/** Is the community one the unit may hand in to: in its district, with one of its members reported there or one of its entries filed there? */
async function assertHandInCommunity(db: Database, unit: UnitDoc, communityId: string): Promise<CommunityDoc> {
  const [community, reported, filed] = await Promise.all([
    findById<CommunityDoc>(db, 'communities', communityId),
    countOf(db.collection('members').where({ unitId: unit._id, 'report.communityId': communityId })),
    countOf(db.collection('serviceEntries').where({ unitId: unit._id, communityId })),
  ])
  if (!community || community.districtId !== unit.districtId || reported + filed === 0) throw notFound('社区')
  return community
}

export async function handIn(ctx: KnownContext, input: { unitId: string; communityId: string; year: number; quarters: Quarter[] }): Promise<HandInView> {
  const { db } = ctx
  const unit = await authorizedUnit(ctx, input.unitId, 'service.handIn')
  const id = handInId(unit._id, input.communityId, input.year)
  const entryScope = { unitId: unit._id, communityId: input.communityId, year: input.year, quarter: _in(db, input.quarters) }
  const [community, before, unfixedReturns] = await Promise.all([
    assertHandInCommunity(db, unit, input.communityId),
    findById<ServiceHandInDoc>(db, 'serviceHandIns', id),
    countOf(db.collection('serviceEntries').where({ ...entryScope, status: 'returned' })),
    assertYearOpen(db, unit.districtId, input.year),
  ])
  const now = ctx.now()
  const facts = { year: input.year, quarters: input.quarters, now, unfixedReturns }
  let quarters: Quarter[]
  try {
    quarters = planHandIn({ ...facts, quarterStates: quarterStatesOf(before), lockedThrough: lockedThroughOf(before) })
  } catch (error) {
    // A second press, or a repeat of a call cut off before its sweep: the drafts it covers are locked now.
    if (before && error instanceof AppError && error.code === 'SERVICE_QUARTER_HANDED_IN') await lockDrafts(db, before, input.quarters, now)
    throw error
  }

  // 1. The quarters' state first (checked again inside the transaction: a second press finds them handed in).
  //    From here a member's save dated within the cover is refused (entries.ts re-reads the hand-in after writing).
  const covered = await writeHandIn(db, id, (current) => {
    planHandIn({ ...facts, quarterStates: quarterStatesOf(current), lockedThrough: lockedThroughOf(current), unfixedReturns: 0 })
    const next: ServiceHandInDoc['quarters'] = { ...(current?.quarters ?? {}) }
    for (const q of quarters) {
      const ref = { year: input.year, quarter: q }
      const previous = next[`${q}`]
      const { coveredThrough: _old, ...kept } = previous ?? ({} as Partial<QuarterHandIn>)
      next[`${q}`] = {
        ...kept,
        status: 'handedIn',
        handedInAt: now,
        handedInBy: ctx.principal.userId,
        entries: previous?.entries ?? 0,
        hours: previous?.hours ?? 0,
        returnReason: null,
        returnedAt: null,
        confirmedAt: null,
        confirmedBy: null,
        // Handed in before it ended (the fourth quarter): up to today; what is dated later goes in the next batch.
        ...(quarterEnded(ref, now) ? {} : { coveredThrough: handInCover(ref, now)! }),
      }
    }
    const base: ServiceHandInDoc = current ?? {
      _id: id,
      unitId: unit._id,
      unitName: unit.name,
      communityId: community._id,
      communityName: community.name,
      streetId: community.streetId,
      districtId: community.districtId,
      year: input.year,
      quarters: {},
      status: 'waiting',
      waitingSince: null,
      updatedAt: now,
    }
    return withQuarters(base, next, now)
  })
  // 2. Lock the drafts it covers (repeatable: only drafts match).
  await lockDrafts(db, covered, quarters, now)
  // 3. What the community receives, per quarter (every entry handed in so far, earlier batches included).
  const $ = db.command.aggregate
  const totals = (await db
    .collection('serviceEntries')
    .aggregate()
    .match({ ...entryScope, quarter: _in(db, quarters), status: _in(db, ['handedIn', 'confirmed']) })
    .group({ _id: '$quarter', n: $.sum(1), hours: $.sum('$hours') })
    .end()) as { list: Array<{ _id: number; n: number; hours: number }> }
  const doc = await writeHandIn(db, id, (current) => {
    const next = { ...current!.quarters }
    for (const q of quarters) {
      const quarter = next[`${q}`]
      const t = totals.list.find((row) => row._id === q)
      // Only this batch's record (a later one counts again itself).
      if (quarter && quarter.handedInAt.getTime() === now.getTime()) next[`${q}`] = { ...quarter, entries: t?.n ?? 0, hours: t?.hours ?? 0 }
    }
    return { ...current!, quarters: next }
  })
  return handInView(doc)
}

async function lockDrafts(db: Database, doc: ServiceHandInDoc, quarters: Quarter[], now: Date): Promise<void> {
  const locked = quarters.filter((q) => doc.quarters[`${q}`]?.status === 'handedIn')
  if (locked.length) await sweepCovered(db, doc, locked, 'draft', { status: 'handedIn', handInId: doc._id, updatedAt: now })
}

/**
 * Staff accept the quarters they saw waiting: `handedInAt` is the latest
 * hand-in shown. A quarter handed in again since (a later batch) or returned
 * meanwhile is refused, so only what was displayed is confirmed.
 */
export async function confirmHandIn(ctx: KnownContext, input: { handInId: string; quarters: Quarter[]; handedInAt: Date }): Promise<HandInView> {
  const { db } = ctx
  const doc = await staffHandIn(ctx, input.handInId)
  await assertYearOpen(db, doc.districtId, doc.year)
  const quarters = [...new Set(input.quarters)].sort() as Quarter[]
  const now = ctx.now()
  let after: ServiceHandInDoc
  try {
    after = await writeHandIn(db, doc._id, (current) => {
      const next = { ...current!.quarters }
      for (const q of quarters) {
        const quarter = next[`${q}`]
        if (quarter?.status !== 'handedIn') throw new AppError('SERVICE_HANDIN_NOT_WAITING')
        if (quarter.handedInAt.getTime() > input.handedInAt.getTime()) throw new AppError('SERVICE_HANDIN_CHANGED')
        next[`${q}`] = { ...quarter, status: 'confirmed', confirmedAt: now, confirmedBy: ctx.principal.userId }
      }
      return withQuarters(current!, next, now)
    })
  } catch (error) {
    // A repeat of a confirm cut off before its sweep: the quarters it confirmed get their entries confirmed.
    if (error instanceof AppError && error.code === 'SERVICE_HANDIN_NOT_WAITING') {
      const done = quarters.filter((q) => doc.quarters[`${q}`]?.status === 'confirmed')
      if (done.length) await sweepCovered(db, doc, done, 'handedIn', { status: 'confirmed', updatedAt: now })
    }
    throw error
  }
  await sweepCovered(db, after, quarters, 'handedIn', { status: 'confirmed', updatedAt: now })
  return handInView(after)
}

/** Staff send entries back to their members; their quarters are returned until the liaison hands them in again. */
export async function returnEntries(ctx: KnownContext, id: string, entryIds: string[], reason: string): Promise<HandInView> {
  const { db } = ctx
  const doc = await staffHandIn(ctx, id)
  await assertYearOpen(db, doc.districtId, doc.year)
  const entries = await docsByIds<ServiceEntryDoc>(db, 'serviceEntries', entryIds)
  const open = (e: ServiceEntryDoc | undefined) => {
    const quarter = e ? doc.quarters[`${e.quarter}`] : undefined
    // A call repeated after a crash finds some already returned: still theirs to return.
    return (
      !!e &&
      e.unitId === doc.unitId &&
      e.communityId === doc.communityId &&
      e.year === doc.year &&
      (quarter?.status === 'handedIn' || quarter?.status === 'returned') &&
      (e.status === 'handedIn' || (e.status === 'returned' && e.returnedBy === 'community'))
    )
  }
  if (!entryIds.every((entryId) => open(entries.get(entryId)))) throw new AppError('SERVICE_ENTRY_NOT_IN_HANDIN')
  const now = ctx.now()
  const quarters = [...new Set([...entries.values()].map((e) => e.quarter))]
  // The quarters first: refused if one was confirmed since the entries were read (the confirm owns them then).
  const after = await writeHandIn(db, id, (current) => {
    const next = { ...current!.quarters }
    for (const q of quarters) {
      const quarter = next[`${q}`] as QuarterHandIn | undefined
      if (quarter?.status !== 'handedIn' && quarter?.status !== 'returned') throw new AppError('SERVICE_ENTRY_NOT_IN_HANDIN')
      next[`${q}`] = { ...quarter, status: 'returned', returnReason: reason, returnedAt: now }
    }
    return withQuarters(current!, next, now)
  })
  await db
    .collection('serviceEntries')
    .where({ _id: _in(db, [...new Set(entryIds)]), status: _in(db, ['handedIn', 'returned']) })
    .update({ data: { status: 'returned', returnedBy: 'community', returnReason: reason, updatedAt: now } })
  return handInView(after)
}

export async function listHandIns(ctx: KnownContext, input: { communityId: string; status: 'waiting' | 'returned' | 'confirmed'; page: number; pageSize: number }) {
  const community = await loadCommunity(ctx.db, input.communityId)
  authorize(ctx.principal, 'service.confirm', communityScope(community))
  const { docs, total } = await readPage<ServiceHandInDoc>(ctx.db, 'serviceHandIns', { communityId: community._id, status: input.status }, ['updatedAt', 'desc'], input)
  return { rows: docs.map(handInView), total, page: input.page, pageSize: input.pageSize }
}

export async function openHandIn(ctx: KnownContext, input: { handInId: string; quarter: Quarter; page: number; pageSize: number }) {
  const doc = await staffHandIn(ctx, input.handInId)
  // Only the quarters the unit handed in are the community's to open.
  if (!doc.quarters[`${input.quarter}`]) throw notFound('上交记录')
  const period = await periodMembers(ctx.db, { unitId: doc.unitId, communityId: doc.communityId, year: doc.year, quarter: input.quarter }, { filter: 'all', page: input.page, pageSize: input.pageSize })
  return { ...period, handIn: handInView(doc) }
}
