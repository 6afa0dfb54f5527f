import { authorize } from '../../../src/domain/access'
import type { PostView } from '../../../src/domain/contracts/posts.contract'
import { AppError } from '../../../src/domain/errors'
import { SERVICE_CATALOG } from '../../../src/domain/service-catalog'
import type { KnownContext } from '../../kernel/function-def'
import type { PostDoc } from '../../db/docs'
import { authorizedPost } from '../../access/authorized-record'
import { communityScope, loadCommunity } from '../../db/load'
import { scanAll } from '../../db/read'
import { updateDoc } from '../../db/write'
import { newId } from '../../db/new-id'
import { claimCountsOf } from './claim-counts'
import { postView } from './post-view'

// Staff keep their community's catalog: add a post under one of 附件1's
// categories, rename it, retire it (no new claims; existing claims stay as
// history) or bring it back. 个人自选 is free text on the form, not a post.

async function assertNameFree(ctx: KnownContext, communityId: string, category: string, name: string, exceptId?: string): Promise<PostDoc[]> {
  const siblings = await scanAll<PostDoc>(ctx.db, 'posts', { communityId, category })
  if (siblings.some((p) => p.name === name && p._id !== exceptId)) throw new AppError('POST_EXISTS', `本社区该类别下已有“${name}”岗位`)
  return siblings
}

async function view(ctx: KnownContext, post: PostDoc): Promise<PostView> {
  return postView(post, (await claimCountsOf(ctx.db, post.communityId)).get(post._id) ?? 0)
}

export async function addPost(ctx: KnownContext, input: { communityId: string; category: string; name: string; description: string }): Promise<PostView> {
  const community = await loadCommunity(ctx.db, input.communityId)
  authorize(ctx.principal, 'posts.manage', communityScope(community))
  const category = SERVICE_CATALOG.find((c) => c.key === input.category && c.kind !== 'custom')
  if (!category) throw new AppError('UNKNOWN_CATEGORY', `没有这个服务项目类别，请从${SERVICE_CATALOG.filter((c) => c.kind !== 'custom').map((c) => c.name).join('、')}中选择`)
  const siblings = await assertNameFree(ctx, community._id, category.key, input.name)
  const post: PostDoc = {
    _id: newId('post'),
    communityId: community._id,
    category: category.key,
    categoryName: category.name,
    kind: category.kind,
    name: input.name,
    description: input.description,
    active: true,
    order: siblings.reduce((max, p) => Math.max(max, p.order), -1) + 1,
  }
  await ctx.db.collection('posts').add({ data: { ...post } })
  return postView(post, 0)
}

export async function renamePost(ctx: KnownContext, input: { postId: string; name: string }): Promise<PostView> {
  const post = await authorizedPost(ctx, input.postId, 'posts.manage')
  await assertNameFree(ctx, post.communityId, post.category, input.name, post._id)
  await updateDoc(ctx.db, 'posts', post._id, { name: input.name })
  return view(ctx, { ...post, name: input.name })
}

export async function setPostActive(ctx: KnownContext, postId: string, active: boolean): Promise<PostView> {
  const post = await authorizedPost(ctx, postId, 'posts.manage')
  if (post.active !== active) await updateDoc(ctx.db, 'posts', post._id, { active })
  return view(ctx, { ...post, active })
}
