import { authorize } from '../../../src/domain/access'
import type { HandInView } from '../../../src/domain/contracts/services.contract'
import { AppError } from '../../../src/domain/errors'
import type { Quarter } from '../../../src/domain/quarter'
import { handInStatus, planHandIn } from '../../../src/domain/service-entry-rules'
import { docsByIds } from '../../db/by-ids'
import type { ServiceEntryDoc } from '../../db/docs'
import { communityScope, findById, loadCommunity } from '../../db/load'
import { countOf, readPage } from '../../db/read'
import { findInTransaction, inTransaction } from '../../db/transaction'
import { assertYearOpen } from '../../db/year-close'
import type { Database } from '../../kernel/database'
import type { KnownContext } from '../../kernel/function-def'
import { handInId, handInView, quarterStatesOf, waitingSinceOf, type QuarterHandIn, type ServiceHandInDoc } from './handin-doc'
import { periodMembers } from './period-members'
import { authorizedUnit, staffHandIn } from './services-access'

// The quarterly hand-in. Entries of a unit × community × quarter move
// together, too many for one transaction, so each step is one that can be
// repeated: the entries change first by a query that selects only those not
// yet changed, then the hand-in document changes in a transaction that reads
// it again. A call cut off halfway is completed by calling it again.

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

export async function handIn(ctx: KnownContext, input: { unitId: string; communityId: string; year: number; quarters: Quarter[] }): Promise<HandInView> {
  const { db } = ctx
  const unit = await authorizedUnit(ctx, input.unitId, 'service.handIn')
  const id = handInId(unit._id, input.communityId, input.year)
  const entryScope = { unitId: unit._id, communityId: input.communityId, year: input.year, quarter: _in(db, input.quarters) }
  const [community, before, unfixedReturns] = await Promise.all([
    loadCommunity(db, input.communityId),
    findById<ServiceHandInDoc>(db, 'serviceHandIns', id),
    countOf(db.collection('serviceEntries').where({ ...entryScope, status: 'returned' })),
    assertYearOpen(db, unit.districtId, input.year),
  ])
  const quarters = planHandIn({ year: input.year, quarters: input.quarters, now: ctx.now(), quarterStates: quarterStatesOf(before), unfixedReturns })

  // 1. Lock the drafts (repeatable: only drafts match).
  await db.collection('serviceEntries').where({ ...entryScope, status: 'draft' }).update({ data: { status: 'handedIn', handInId: id, updatedAt: ctx.now() } })
  // 2. What the community receives, per quarter.
  const $ = db.command.aggregate
  const totals = (await db
    .collection('serviceEntries')
    .aggregate()
    .match({ ...entryScope, status: 'handedIn' })
    .group({ _id: '$quarter', n: $.sum(1), hours: $.sum('$hours') })
    .end()) as { list: Array<{ _id: number; n: number; hours: number }> }
  // 3. The hand-in document, checked again inside the transaction: a second press finds the quarter handed in.
  const now = ctx.now()
  const doc = await writeHandIn(db, id, (current) => {
    planHandIn({ year: input.year, quarters, now, quarterStates: quarterStatesOf(current), unfixedReturns: 0 })
    const next: ServiceHandInDoc['quarters'] = { ...(current?.quarters ?? {}) }
    for (const q of quarters) {
      const t = totals.list.find((row) => row._id === q)
      next[`${q}`] = { status: 'handedIn', handedInAt: now, handedInBy: ctx.principal.userId, entries: t?.n ?? 0, hours: t?.hours ?? 0, returnReason: null, returnedAt: null, confirmedAt: null, confirmedBy: null }
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
  return handInView(doc)
}

/** Staff accept every quarter waiting: its handed-in entries are confirmed. */
export async function confirmHandIn(ctx: KnownContext, id: string): Promise<HandInView> {
  const { db } = ctx
  const doc = await staffHandIn(ctx, id)
  await assertYearOpen(db, doc.districtId, doc.year)
  const waiting = (Object.keys(doc.quarters) as Array<`${Quarter}`>).filter((q) => doc.quarters[q]?.status === 'handedIn').map(Number) as Quarter[]
  if (waiting.length === 0) throw new AppError('SERVICE_HANDIN_NOT_WAITING')
  const now = ctx.now()
  await db
    .collection('serviceEntries')
    .where({ unitId: doc.unitId, communityId: doc.communityId, year: doc.year, quarter: _in(db, waiting), status: 'handedIn' })
    .update({ data: { status: 'confirmed', updatedAt: now } })
  const after = await writeHandIn(db, id, (current) => {
    const next = { ...current!.quarters }
    for (const q of waiting) {
      const quarter = next[`${q}`]
      if (quarter?.status === 'handedIn') next[`${q}`] = { ...quarter, status: 'confirmed', confirmedAt: now, confirmedBy: ctx.principal.userId }
    }
    return withQuarters(current!, next, now)
  })
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
  await db
    .collection('serviceEntries')
    .where({ _id: _in(db, [...new Set(entryIds)]), status: _in(db, ['handedIn', 'returned']) })
    .update({ data: { status: 'returned', returnedBy: 'community', returnReason: reason, updatedAt: now } })
  const quarters = [...new Set([...entries.values()].map((e) => e.quarter))]
  const after = await writeHandIn(db, id, (current) => {
    const next = { ...current!.quarters }
    for (const q of quarters) {
      const quarter = next[`${q}`] as QuarterHandIn | undefined
      if (quarter && quarter.status !== 'confirmed') next[`${q}`] = { ...quarter, status: 'returned', returnReason: reason, returnedAt: now }
    }
    return withQuarters(current!, next, now)
  })
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
  const period = await periodMembers(ctx.db, { unitId: doc.unitId, communityId: doc.communityId, year: doc.year, quarter: input.quarter }, { filter: 'all', page: input.page, pageSize: input.pageSize })
  return { ...period, handIn: handInView(doc) }
}
