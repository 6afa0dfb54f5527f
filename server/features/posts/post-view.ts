import type { PostView } from '../../../src/domain/contracts/posts.contract'
import { SERVICE_CATALOG } from '../../../src/domain/service-catalog'
import type { PostDoc } from '../../db/docs'

const CATEGORY_ORDER = new Map(SERVICE_CATALOG.map((c, i) => [c.key, i]))

/** Catalog order: 附件1's categories in their order, posts in their own order within. */
export function byCatalogOrder(a: Pick<PostDoc, 'category' | 'order'>, b: Pick<PostDoc, 'category' | 'order'>): number {
  return (CATEGORY_ORDER.get(a.category) ?? 99) - (CATEGORY_ORDER.get(b.category) ?? 99) || a.order - b.order
}

export function categoryRank(category: string): number {
  return CATEGORY_ORDER.get(category) ?? SERVICE_CATALOG.length
}

export function postView(post: PostDoc, claimCount: number): PostView {
  return {
    postId: post._id,
    category: post.category,
    categoryName: post.categoryName,
    kind: post.kind,
    name: post.name,
    description: post.description,
    active: post.active,
    claimCount,
  }
}
