import type { RegistrationView } from '../../../src/domain/contracts/report.contract'
import { SERVICE_CATALOG } from '../../../src/domain/service-catalog'
import type { Database } from '../../kernel/database'
import type { PostDoc } from '../../db/docs'
import { scanAll } from '../../db/read'

type Catalog = RegistrationView['catalog']

/** A community's active posts, by category in 附件1's order; 个人自选 is always offered (free text). */
export async function communityCatalog(db: Database, communityId: string): Promise<Catalog> {
  const posts = await scanAll<PostDoc>(db, 'posts', { communityId, active: true })
  posts.sort((a, b) => a.order - b.order)
  return SERVICE_CATALOG.map((category) => ({
    category: category.key,
    categoryName: category.name,
    kind: category.kind,
    posts: posts.filter((p) => p.category === category.key).map((p) => ({ postId: p._id, name: p.name, description: p.description })),
  })).filter((c) => c.posts.length > 0 || c.kind === 'custom')
}
