import type { PairingView } from '../../../src/domain/contracts/records.contract'
import { AppError } from '../../../src/domain/errors'
import { contactFor, decideEnd, decideOffer, decidePairing, decideVisit } from '../../../src/domain/records'
import { ownMemberPlace } from '../../access/own-member'
import { docsByIds } from '../../db/by-ids'
import { isDuplicateKey } from '../../db/db-errors'
import type { CommunityDoc, MemberDoc, UnitDoc } from '../../db/docs'
import { findById, loadCommunity, notFound } from '../../db/load'
import { readPage, scanAll } from '../../db/read'
import { newId } from '../../db/new-id'
import type { KnownContext } from '../../kernel/function-def'
import type { PairingDoc, TargetDoc, VisitDoc } from './record-docs'
import { iso, keepsRecordsOf, ownedBy, staffCommunity, staffRecord } from './records-access'

// 结对帮扶 (000 §一.(四), issue 10 item 6): staff pair a target with a member
// living in the community, or confirm a member's offer by choosing the target;
// the member records each visit from their phone. Ending keeps the pairing and
// its visits (the 登记表 lists them); the 摸底表 keeps listing the target.

/** Pairings as their readers see them: the target's mobile and address in full for staff and a live pairing's member. */
/**
 * `reader`: the caller, or 'keeper' for the community's own printed books (the
 * ledger's 结对帮扶登记表, read for its staff after their scope was checked).
 */
async function pairingViews(ctx: Pick<KnownContext, 'db'> & { reader: KnownContext | 'keeper' }, pairings: readonly PairingDoc[]): Promise<PairingView[]> {
  const _ = ctx.db.command
  const ids = pairings.map((p) => p._id)
  const [targets, members, units, visits] = await Promise.all([
    docsByIds<TargetDoc>(ctx.db, 'assistTargets', pairings.map((p) => p.targetId ?? '')),
    docsByIds<MemberDoc>(ctx.db, 'members', pairings.map((p) => p.memberId), { name: true }),
    docsByIds<UnitDoc>(ctx.db, 'units', pairings.map((p) => p.unitId), { name: true }),
    ids.length === 0 ? [] : scanAll<VisitDoc>(ctx.db, 'assistanceVisits', { pairingId: _.in(ids) }),
  ])
  return pairings.map((p) => {
    const target = p.targetId ? targets.get(p.targetId) : undefined
    const masked = ctx.reader !== 'keeper' && !keepsRecordsOf(ctx.reader, p) && p.status !== 'active'
    return {
      pairingId: p._id,
      communityId: p.communityId,
      status: p.status,
      target: target
        ? {
            targetId: target._id,
            name: target.name,
            ...contactFor(target, masked),
            categories: target.categories,
          }
        : null,
      memberId: p.memberId,
      memberName: members.get(p.memberId)?.name ?? '',
      unitName: units.get(p.unitId)?.name ?? '',
      content: p.content,
      startedAt: iso(p.startedAt),
      endedAt: iso(p.endedAt),
      endReason: p.endReason,
      visits: visits
        .filter((v) => v.pairingId === p._id)
        .sort((a, b) => b.date.getTime() - a.date.getTime() || b.recordedAt.getTime() - a.recordedAt.getTime())
        .map((v) => ({ visitId: v._id, date: iso(v.date)!, content: v.content, recordedAt: iso(v.recordedAt)! })),
    }
  })
}

async function viewOne(ctx: KnownContext, pairing: PairingDoc): Promise<PairingView> {
  return (await pairingViews({ db: ctx.db, reader: ctx }, [pairing]))[0]!
}

/** A new pairing (active, from now) or offer, live: not ended. */
function livePairing(ctx: KnownContext, community: CommunityDoc, fields: Pick<PairingDoc, 'status' | 'targetId' | 'memberId' | 'unitId' | 'content'>): PairingDoc {
  const owned = ownedBy(ctx, community)
  return { _id: newId('pairing'), ...owned, ...fields, startedAt: fields.status === 'active' ? owned.createdAt : null, endedAt: null, endReason: null, liveKey: 'live' }
}

/** Inserts a live pairing or offer; the unique index refuses a second live one of the same member and target (or a second open offer). */
async function insertLive(doc: PairingDoc, ctx: KnownContext, duplicate: 'ALREADY_PAIRED' | 'OFFER_PENDING'): Promise<void> {
  try {
    await ctx.db.collection('assistancePairings').add({ data: doc })
  } catch (error) {
    if (isDuplicateKey(error)) throw new AppError(duplicate)
    throw error
  }
}

async function existingOf(ctx: KnownContext, memberId: string, targetId: string): Promise<PairingDoc[]> {
  return scanAll<PairingDoc>(ctx.db, 'assistancePairings', { memberId, targetId })
}

/** Staff pair one of their targets with a member; a member of another community is refused. */
export async function createPairing(ctx: KnownContext, input: { targetId: string; memberId: string; content: string }): Promise<PairingView> {
  const target = await staffRecord<TargetDoc>(ctx, 'assistTargets', input.targetId, '帮扶对象')
  const member = await findById<MemberDoc>(ctx.db, 'members', input.memberId)
  if (!member) throw notFound('党员')
  decidePairing({ targetCommunityId: target.communityId, memberCommunityId: member.communityId, existing: await existingOf(ctx, member._id, target._id) })
  const doc = livePairing(ctx, await loadCommunity(ctx.db, target.communityId), { status: 'active', targetId: target._id, memberId: member._id, unitId: member.unitId, content: input.content })
  await insertLive(doc, ctx, 'ALREADY_PAIRED')
  return viewOne(ctx, doc)
}

/** A member offers to pair with someone in their community; the staff choose who. */
export async function offerPairing(ctx: KnownContext, input: { content: string }): Promise<PairingView> {
  const place = ownMemberPlace(ctx.principal)
  decideOffer(await scanAll<PairingDoc>(ctx.db, 'assistancePairings', { memberId: place._id, status: 'offered' }))
  const doc = livePairing(ctx, await loadCommunity(ctx.db, place.communityId), { status: 'offered', targetId: null, memberId: place._id, unitId: place.unitId, content: input.content })
  await insertLive(doc, ctx, 'OFFER_PENDING')
  return viewOne(ctx, doc)
}

/** Staff confirm an offer with one of their targets. */
export async function confirmOffer(ctx: KnownContext, input: { pairingId: string; targetId: string }): Promise<PairingView> {
  const offer = await staffRecord<PairingDoc>(ctx, 'assistancePairings', input.pairingId, '结对记录')
  if (offer.status !== 'offered') throw new AppError(offer.status === 'ended' ? 'PAIRING_ENDED' : 'ALREADY_PAIRED')
  const target = await staffRecord<TargetDoc>(ctx, 'assistTargets', input.targetId, '帮扶对象')
  const member = await findById<MemberDoc>(ctx.db, 'members', offer.memberId)
  decidePairing({ targetCommunityId: target.communityId, memberCommunityId: member?.communityId ?? '', existing: await existingOf(ctx, offer.memberId, target._id) })
  const now = ctx.now()
  const data = { status: 'active' as const, targetId: target._id, startedAt: now, updatedAt: now }
  try {
    const moved = (await ctx.db.collection('assistancePairings').where({ _id: offer._id, status: 'offered' }).update({ data })) as { stats: { updated: number } }
    if (moved.stats.updated === 0) throw new AppError('CONFLICT')
  } catch (error) {
    if (isDuplicateKey(error)) throw new AppError('ALREADY_PAIRED')
    throw error
  }
  return viewOne(ctx, { ...offer, ...data })
}

/** Staff end a pairing or decline an offer; the record and its visits stay. */
export async function endPairing(ctx: KnownContext, input: { pairingId: string; reason: string }): Promise<PairingView> {
  const pairing = await staffRecord<PairingDoc>(ctx, 'assistancePairings', input.pairingId, '结对记录')
  decideEnd(pairing)
  const now = ctx.now()
  const data = { status: 'ended' as const, endedAt: now, endReason: input.reason, liveKey: pairing._id, updatedAt: now }
  const moved = (await ctx.db.collection('assistancePairings').where({ _id: pairing._id, status: pairing.status }).update({ data })) as { stats: { updated: number } }
  if (moved.stats.updated === 0) throw new AppError('PAIRING_ENDED')
  return viewOne(ctx, { ...pairing, ...data })
}

export async function listPairings(ctx: KnownContext, input: { communityId: string; status: 'offered' | 'active' | 'ended' | 'all'; page: number; pageSize: number }) {
  await staffCommunity(ctx, input.communityId)
  const filter = input.status === 'all' ? { communityId: input.communityId } : { communityId: input.communityId, status: input.status }
  const { docs, total } = await readPage<PairingDoc>(ctx.db, 'assistancePairings', filter, ['createdAt', 'desc'], input)
  return { rows: await pairingViews({ db: ctx.db, reader: ctx }, docs), total, page: input.page, pageSize: input.pageSize }
}

/** Every pairing of the community, for the 登记表. */
export async function allPairings(ctx: Pick<KnownContext, 'db'> & { reader: KnownContext | 'keeper' }, communityId: string): Promise<PairingView[]> {
  const docs = await scanAll<PairingDoc>(ctx.db, 'assistancePairings', { communityId })
  docs.sort((a, b) => (a.startedAt?.getTime() ?? 0) - (b.startedAt?.getTime() ?? 0))
  const views: PairingView[] = []
  // pairingViews reads the visits of the pairings it is given: in slices, so one query's `in` stays short.
  for (let i = 0; i < docs.length; i += 100) views.push(...(await pairingViews(ctx, docs.slice(i, i + 100))))
  return views
}

export async function myPairings(ctx: KnownContext): Promise<PairingView[]> {
  const place = ownMemberPlace(ctx.principal)
  const docs = await scanAll<PairingDoc>(ctx.db, 'assistancePairings', { memberId: place._id })
  docs.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
  return pairingViews({ db: ctx.db, reader: ctx }, docs)
}

/** The paired member records a visit. */
export async function addVisit(ctx: KnownContext, input: { pairingId: string; date: Date; content: string }): Promise<PairingView> {
  const place = ownMemberPlace(ctx.principal)
  const pairing = await findById<PairingDoc>(ctx.db, 'assistancePairings', input.pairingId)
  if (!pairing) throw notFound('结对记录')
  const now = ctx.now()
  decideVisit(pairing, place._id, input.date, now)
  const visit: VisitDoc = { _id: newId('visit'), pairingId: pairing._id, communityId: pairing.communityId, memberId: place._id, date: input.date, content: input.content, recordedAt: now }
  const { _id, ...data } = visit
  await ctx.db.collection('assistanceVisits').doc(_id).set({ data })
  return viewOne(ctx, pairing)
}
