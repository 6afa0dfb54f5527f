import type { TargetView } from '../../../src/domain/contracts/records.contract'
import { contactFor, requirePast, targetSight, type TargetSight } from '../../../src/domain/records'
import { ownMemberIds } from '../../access/own-member'
import { docsByIds } from '../../db/by-ids'
import type { MemberDoc, UnitDoc } from '../../db/docs'
import { findById, notFound } from '../../db/load'
import { readPage, scanAll } from '../../db/read'
import { newId } from '../../db/new-id'
import type { KnownContext } from '../../kernel/function-def'
import type { CommunityOwned, PairingDoc, TargetDoc } from './record-docs'
import { iso, keepsRecordsOf, ownedBy, staffCommunity, staffRecord } from './records-access'

// 社区需要帮扶对象基本情况摸底表 (000 §一.(四)): every resident of the community
// who qualifies for help, paired or not. Its staff see all of it, a member
// paired with a target sees that target; nobody else does (issue 10 item 9).

export type TargetFields = Omit<TargetDoc, keyof CommunityOwned>

interface PairedName {
  pairingId: string
  memberName: string
  unitName: string
  since: string
}

/** The names of the members paired now with each of these targets. */
export async function pairedNames(ctx: Pick<KnownContext, 'db'>, targetIds: readonly string[]): Promise<Map<string, PairedName[]>> {
  const _ = ctx.db.command
  const byTarget = new Map<string, PairedName[]>()
  if (targetIds.length === 0) return byTarget
  const pairings = await scanAll<PairingDoc>(ctx.db, 'assistancePairings', { targetId: _.in([...targetIds]), status: 'active' })
  const members = await docsByIds<MemberDoc>(ctx.db, 'members', pairings.map((p) => p.memberId), { name: true, unitId: true })
  const units = await docsByIds<UnitDoc>(ctx.db, 'units', pairings.map((p) => p.unitId), { name: true })
  for (const p of pairings) {
    const list = byTarget.get(p.targetId!) ?? []
    list.push({ pairingId: p._id, memberName: members.get(p.memberId)?.name ?? '', unitName: units.get(p.unitId)?.name ?? '', since: iso(p.startedAt)! })
    byTarget.set(p.targetId!, list)
  }
  return byTarget
}

export function targetView(doc: TargetDoc, paired: PairedName[], sight: Exclude<TargetSight, 'none'>): TargetView {
  const masked = sight === 'masked'
  return {
    targetId: doc._id,
    communityId: doc.communityId,
    name: doc.name,
    gender: doc.gender,
    birthMonth: doc.birthMonth,
    ...contactFor(doc, masked),
    categories: doc.categories,
    family: masked ? '' : doc.family,
    needs: doc.needs,
    surveyor: doc.surveyor,
    surveyedAt: iso(doc.surveyedAt)!,
    paired,
    masked,
  }
}

/** A page of the community's targets by name; `paired` narrows to those paired now, or not. */
export async function listTargets(ctx: KnownContext, input: { communityId: string; paired: 'all' | 'paired' | 'unpaired'; page: number; pageSize: number }) {
  await staffCommunity(ctx, input.communityId)
  const _ = ctx.db.command
  let filter: Record<string, unknown> = { communityId: input.communityId }
  if (input.paired !== 'all') {
    const live = await scanAll<PairingDoc>(ctx.db, 'assistancePairings', { communityId: input.communityId, status: 'active' }, { fields: { targetId: true } })
    const ids = [...new Set(live.map((p) => p.targetId!))]
    filter = { ...filter, _id: input.paired === 'paired' ? _.in(ids) : _.nin(ids) }
  }
  const { docs, total } = await readPage<TargetDoc>(ctx.db, 'assistTargets', filter, ['name', 'asc'], input)
  const paired = await pairedNames(ctx, docs.map((d) => d._id))
  return { rows: docs.map((d) => targetView(d, paired.get(d._id) ?? [], 'full')), total, page: input.page, pageSize: input.pageSize }
}

export async function saveTarget(ctx: KnownContext, input: TargetFields & { communityId: string; targetId?: string }): Promise<TargetView> {
  const community = await staffCommunity(ctx, input.communityId)
  requirePast(input.surveyedAt, ctx.now())
  const { communityId: _c, targetId, ...fields } = input
  if (targetId) {
    const before = await staffRecord<TargetDoc>(ctx, 'assistTargets', targetId, '帮扶对象')
    const updatedAt = ctx.now()
    await ctx.db.collection('assistTargets').doc(targetId).update({ data: { ...fields, updatedAt } })
    return targetView({ ...before, ...fields, updatedAt }, (await pairedNames(ctx, [targetId])).get(targetId) ?? [], 'full')
  }
  const doc: TargetDoc = { _id: newId('target'), ...ownedBy(ctx, community), ...fields }
  const { _id, ...data } = doc
  await ctx.db.collection('assistTargets').doc(_id).set({ data })
  return targetView(doc, [], 'full')
}

/** The caller's sight of a target: the community's staff, or its paired member (the pairings decide). */
export async function sightOf(ctx: KnownContext, target: TargetDoc): Promise<TargetSight> {
  const memberIds = ownMemberIds(ctx.principal)
  const staff = keepsRecordsOf(ctx, target)
  const mine = staff || memberIds.length === 0 ? [] : await scanAll<PairingDoc>(ctx.db, 'assistancePairings', { targetId: target._id, memberId: ctx.db.command.in(memberIds) })
  return targetSight({ staffOfCommunity: staff, memberId: memberIds[0] ?? null }, mine)
}

export async function getTarget(ctx: KnownContext, targetId: string): Promise<TargetView> {
  const target = await findById<TargetDoc>(ctx.db, 'assistTargets', targetId)
  const sight = target ? await sightOf(ctx, target) : 'none'
  if (!target || sight === 'none') throw notFound('帮扶对象')
  return targetView(target, (await pairedNames(ctx, [targetId])).get(targetId) ?? [], sight)
}
