import { AppError } from '../../../src/domain/errors'
import type { Claim } from '../../../src/domain/contracts/report.contract'
import { MIN_CLAIMS, SERVICE_CATALOG } from '../../../src/domain/service-catalog'
import type { Database } from '../../kernel/database'
import { docsByIds } from '../../db/by-ids'
import type { PostDoc, StoredClaim } from '../../db/docs'

const CUSTOM = SERVICE_CATALOG.find((c) => c.kind === 'custom')!

/**
 * Checks claims against the community's catalog and stores them with the
 * post's name and place in the catalog. Only active posts of this community
 * may be claimed; 个人自选 takes free text. The same post or text twice counts once.
 */
export async function resolveClaims(db: Database, communityId: string, claims: readonly Claim[]): Promise<StoredClaim[]> {
  const postIds = claims.flatMap((c) => ('postId' in c ? [c.postId] : []))
  const posts = await docsByIds<PostDoc>(db, 'posts', postIds)
  const unavailable = postIds.filter((id) => {
    const post = posts.get(id)
    return !post || post.communityId !== communityId || !post.active
  })
  if (unavailable.length > 0) {
    const named = unavailable.map((id) => posts.get(id)?.name ?? id)
    throw new AppError('CLAIM_NOT_AVAILABLE', `以下服务项目已停用或不属于该社区：${[...new Set(named)].join('、')}`, { postIds: unavailable })
  }

  const stored: StoredClaim[] = []
  const seen = new Set<string>()
  for (const claim of claims) {
    const key = 'postId' in claim ? `post:${claim.postId}` : `custom:${claim.custom.trim()}`
    if (seen.has(key)) continue
    seen.add(key)
    if ('postId' in claim) {
      const post = posts.get(claim.postId)!
      stored.push({ postId: post._id, postName: post.name, category: post.category, categoryName: post.categoryName, order: post.order })
    } else {
      stored.push({ custom: claim.custom.trim(), category: 'custom', categoryName: CUSTOM.name })
    }
  }
  if (stored.length < MIN_CLAIMS) throw new AppError('TOO_FEW_CLAIMS', `请至少认领${MIN_CLAIMS}个不同的服务项目`)
  return stored
}
