import type { PostView } from '../../../domain/contracts/posts.contract'
import { SERVICE_CATALOG } from '../../../domain/service-catalog'

/** Posts grouped by category, in the order of 附件1, then any category a community added. */
export function groupPosts(posts: readonly PostView[]): Array<{ category: string; categoryName: string; posts: PostView[] }> {
  const order = (key: string) => {
    const i = SERVICE_CATALOG.findIndex((c) => c.key === key)
    return i < 0 ? SERVICE_CATALOG.length : i
  }
  const groups = new Map<string, { category: string; categoryName: string; posts: PostView[] }>()
  for (const post of posts) {
    const group = groups.get(post.category) ?? { category: post.category, categoryName: post.categoryName, posts: [] }
    group.posts.push(post)
    groups.set(post.category, group)
  }
  return [...groups.values()].sort((a, b) => order(a.category) - order(b.category) || a.categoryName.localeCompare(b.categoryName, 'zh'))
}
