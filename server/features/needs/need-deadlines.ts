import { authorize } from '../../../src/domain/access'
import { deadlinesOf, type NeedDeadlines } from '../../../src/domain/need-rules'
import { communityScope, loadCommunity } from '../../db/load'
import type { KnownContext } from '../../kernel/function-def'
import type { CommunityWithDeadlines } from './need-submit'

// A community's own deadlines (issue 10 §3: adjustable per community). They
// apply to needs submitted after the change; a running clock keeps its own.

async function managedCommunity(ctx: KnownContext, communityId: string): Promise<CommunityWithDeadlines> {
  const community = (await loadCommunity(ctx.db, communityId)) as CommunityWithDeadlines
  authorize(ctx.principal, 'need.manage', communityScope(community))
  return community
}

export async function communityDeadlines(ctx: KnownContext, communityId: string): Promise<NeedDeadlines> {
  return deadlinesOf(await managedCommunity(ctx, communityId))
}

export async function setDeadlines(ctx: KnownContext, input: NeedDeadlines & { communityId: string }): Promise<NeedDeadlines> {
  const { communityId, ...deadlines } = input
  await managedCommunity(ctx, communityId)
  await ctx.db.collection('communities').doc(communityId).update({ data: { needDeadlines: deadlines } })
  return deadlines
}
