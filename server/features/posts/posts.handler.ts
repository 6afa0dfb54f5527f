import { postsInput } from '../../../src/domain/contracts/posts.contract'
import { defineFunction } from '../../kernel/function-def'
import { addPost, renamePost, setPostActive } from './posts-edit'
import { listPosts } from './posts-list'
import { postsSummary } from './posts-summary'

/** A community's service posts (附件1 catalog plus its own) and the member summary sorted by post. */
export const posts = defineFunction({
  name: 'posts',
  input: postsInput,
  async handle(input, ctx) {
    switch (input.action) {
      case 'list':
        return listPosts(ctx, input)
      case 'add':
        return addPost(ctx, input)
      case 'rename':
        return renamePost(ctx, input)
      case 'retire':
        return setPostActive(ctx, input.postId, false)
      case 'restore':
        return setPostActive(ctx, input.postId, true)
      case 'summary':
        return postsSummary(ctx, input.communityId)
    }
  },
})
