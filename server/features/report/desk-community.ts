import { authorize } from '../../../src/domain/access'
import type { KnownContext } from '../../kernel/function-def'
import type { CommunityDoc } from '../../db/docs'
import { communityScope, loadCommunity } from '../../db/load'

/**
 * The community a desk scans for, with the caller's right to scan there
 * checked. The caller's staff grant for it holds its street, district and name
 * (Grant.placeName; a community never moves street nor is renamed), so the
 * desk reads no community; a grant made before names were kept costs the read.
 */
export async function deskCommunity(ctx: KnownContext, communityId: string): Promise<CommunityDoc> {
  const granted = ctx.principal.grants.find((g) => g.role === 'staff' && g.scope.communityId === communityId)
  const { streetId, districtId } = granted?.scope ?? {}
  const community =
    granted?.placeName && streetId && districtId
      ? { _id: communityId, name: granted.placeName, streetId, districtId }
      : await loadCommunity(ctx.db, communityId)
  authorize(ctx.principal, 'checkin.scan', communityScope(community))
  return community
}
