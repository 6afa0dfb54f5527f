import { can } from '../../../src/domain/access'
import type { PostView } from '../../../src/domain/contracts/posts.contract'
import { AppError } from '../../../src/domain/errors'
import type { KnownContext } from '../../kernel/function-def'
import type { PostDoc } from '../../db/docs'
import { communityScope, loadCommunity } from '../../db/load'
import { scanAll } from '../../db/read'
import { claimCountsOf } from './claim-counts'
import { mayBrowsePosts } from './posts-access'
import { byCatalogOrder, postView } from './post-view'

/** The community's catalog: staff see everything (retired too, on request); members and residents see active posts. */
export async function listPosts(ctx: KnownContext, input: { communityId: string; includeRetired: boolean }): Promise<PostView[]> {
  const { db } = ctx
  const community = await loadCommunity(db, input.communityId)
  const staff = can(ctx.principal, 'posts.manage', communityScope(community))
  if (!staff && !(await mayBrowsePosts(db, ctx.principal, community, ctx.now()))) throw new AppError('FORBIDDEN')
  const filter = staff && input.includeRetired ? { communityId: community._id } : { communityId: community._id, active: true }
  const posts = (await scanAll<PostDoc>(db, 'posts', filter)).sort(byCatalogOrder)
  const counts = await claimCountsOf(db, community._id)
  return posts.map((p) => postView(p, counts.get(p._id) ?? 0))
}
