import { postsContract } from '../../../src/domain/contracts/posts.contract'
import { defineFunction } from '../../kernel/function-def'
import { addPost, renamePost, setPostActive } from './posts-edit'
import { listPosts } from './posts-list'
import { postsSummary } from './posts-summary'

/** A community's service posts (附件1 catalog plus its own) and the member summary sorted by post. */
export const posts = defineFunction('posts', postsContract, {
  list: { permission: 'posts.read', handle: (input, ctx) => listPosts(ctx, input) },
  add: { permission: 'posts.manage', handle: (input, ctx) => addPost(ctx, input) },
  rename: { permission: 'posts.manage', handle: (input, ctx) => renamePost(ctx, input) },
  retire: { permission: 'posts.manage', handle: (input, ctx) => setPostActive(ctx, input.postId, false) },
  restore: { permission: 'posts.manage', handle: (input, ctx) => setPostActive(ctx, input.postId, true) },
  summary: { permission: 'community.summary', handle: (input, ctx) => postsSummary(ctx, input.communityId) },
})
