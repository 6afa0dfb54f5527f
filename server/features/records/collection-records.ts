import type { CollectionRecordView } from '../../../src/domain/contracts/records.contract'
import { AppError } from '../../../src/domain/errors'
import { decideConversion, requirePast } from '../../../src/domain/records'
import { readPage } from '../../db/read'
import { newId } from '../../db/new-id'
import type { KnownContext } from '../../kernel/function-def'
import type { CreateNeed } from './need-link'
import type { CollectionRecordDoc, CommunityOwned } from './record-docs'
import { iso, ownedBy, staffCommunity, staffRecord } from './records-access'

// 服务需求征集记录 (000 §一.(五)): needs the staff collected in person, by
// visit, phone, forum or box, and what was done about each. One can become a
// need in the workflow in one step.

export type CollectionFields = Omit<CollectionRecordDoc, keyof CommunityOwned | 'needId' | 'convertingSince'>

export function collectionView(doc: CollectionRecordDoc): CollectionRecordView {
  return {
    recordId: doc._id,
    communityId: doc.communityId,
    date: iso(doc.date)!,
    way: doc.way,
    collector: doc.collector,
    source: doc.source,
    content: doc.content,
    handling: doc.handling,
    needId: doc.needId,
  }
}

export async function listCollections(ctx: KnownContext, input: { communityId: string; page: number; pageSize: number }) {
  await staffCommunity(ctx, input.communityId)
  const { docs, total } = await readPage<CollectionRecordDoc>(ctx.db, 'needCollections', { communityId: input.communityId }, ['date', 'desc'], input)
  return { rows: docs.map(collectionView), total, page: input.page, pageSize: input.pageSize }
}

export async function saveCollection(ctx: KnownContext, input: CollectionFields & { communityId: string; recordId?: string }): Promise<CollectionRecordView> {
  const community = await staffCommunity(ctx, input.communityId)
  requirePast(input.date, ctx.now())
  const { communityId: _c, recordId, ...fields } = input
  if (recordId) {
    const before = await staffRecord<CollectionRecordDoc>(ctx, 'needCollections', recordId, '征集记录')
    const after = { ...before, ...fields, updatedAt: ctx.now() }
    await ctx.db.collection('needCollections').doc(recordId).update({ data: { ...fields, updatedAt: after.updatedAt } })
    return collectionView(after)
  }
  const doc: CollectionRecordDoc = { _id: newId('collection'), ...ownedBy(ctx, community), ...fields, needId: null, convertingSince: null }
  const { _id, ...data } = doc
  await ctx.db.collection('needCollections').doc(_id).set({ data })
  return collectionView(doc)
}

/**
 * Makes the record a need, once: the record is marked first by a conditional
 * update (two presses at once: one wins), the need is created, and the record
 * points to it. When the need cannot be made, the mark is lifted: nothing stays.
 */
export async function collectionToNeed(ctx: KnownContext, recordId: string, createNeed: CreateNeed): Promise<CollectionRecordView> {
  const record = await staffRecord<CollectionRecordDoc>(ctx, 'needCollections', recordId, '征集记录')
  const now = ctx.now()
  decideConversion(record, now)
  // Taken only from the state it was read in: a second press at once finds it changed.
  const marked = (await ctx.db
    .collection('needCollections')
    .where({ _id: recordId, needId: null, convertingSince: record.convertingSince })
    .update({ data: { convertingSince: now } })) as { stats: { updated: number } }
  if (marked.stats.updated === 0) {
    decideConversion(await staffRecord<CollectionRecordDoc>(ctx, 'needCollections', recordId, '征集记录'), now)
    throw new AppError('CONFLICT')
  }
  let needId: string
  try {
    ;({ needId } = await createNeed(ctx, {
      communityId: record.communityId,
      source: record.source,
      content: record.content,
      collectionRecordId: record._id,
    }))
  } catch (error) {
    await ctx.db.collection('needCollections').doc(recordId).update({ data: { convertingSince: null } })
    throw error
  }
  const updatedAt = ctx.now()
  await ctx.db.collection('needCollections').doc(recordId).update({ data: { needId, convertingSince: null, updatedAt } })
  return collectionView({ ...record, needId, convertingSince: null, updatedAt })
}
