import { authorize, can } from '../../../src/domain/access'
import type { Scope } from '../../../src/domain/roles'
import type { CommunityDoc } from '../../db/docs'
import { communityScope, findById, loadCommunity, notFound } from '../../db/load'
import type { KnownContext } from '../../kernel/function-def'

// The community's records are its staff's: a staff grant of the record's
// community, nothing wider. A record named by id that is not the caller's
// answers NOT_FOUND, as every record asked for by id does.

/** The community whose records the caller keeps; FORBIDDEN for another community's staff. */
export async function staffCommunity(ctx: KnownContext, communityId: string): Promise<CommunityDoc> {
  const community = await loadCommunity(ctx.db, communityId)
  authorize(ctx.principal, 'records.manage', communityScope(community))
  return community
}

export function recordScope(doc: { communityId: string; streetId: string; districtId: string }): Scope {
  return { communityId: doc.communityId, streetId: doc.streetId, districtId: doc.districtId }
}

export function keepsRecordsOf(ctx: KnownContext, doc: { communityId: string; streetId: string; districtId: string }): boolean {
  return can(ctx.principal, 'records.manage', recordScope(doc))
}

/** A record of `collection` by id, for the staff of its community. */
export async function staffRecord<T extends { communityId: string; streetId: string; districtId: string }>(
  ctx: KnownContext,
  collection: string,
  id: string,
  what: string,
): Promise<T> {
  const doc = await findById<T>(ctx.db, collection, id)
  if (!doc || !keepsRecordsOf(ctx, doc)) throw notFound(what)
  return doc
}

/** The fields every community-owned record starts with. */
export function ownedBy(ctx: KnownContext, community: CommunityDoc) {
  const now = ctx.now()
  return { communityId: community._id, streetId: community.streetId, districtId: community.districtId, createdBy: ctx.principal.userId, createdAt: now, updatedAt: now }
}

export const iso = (date: Date | null | undefined): string | null => (date ? date.toISOString() : null)
