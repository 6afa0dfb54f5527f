import type { Grant, Principal } from '../../src/domain/roles'
import type { Database } from './database'
import { getRows } from '../db/read'

interface UserDoc {
  _id: string
  openid: string
  name: string
  grants?: Grant[]
}

interface MemberPlace {
  _id: string
  unitId: string
  communityId: string
  branchId?: string | null
}

/**
 * A member grant's unit, branch and community are read from the member record, not
 * from the copy in the user: a move changes the member's community, and the
 * grant must follow. A grant whose member is gone is dropped.
 */
async function withCurrentMemberScopes(db: Database, grants: Grant[]): Promise<Grant[]> {
  const ids = grants.filter((g) => g.role === 'member' && g.scope.memberId).map((g) => g.scope.memberId!)
  if (ids.length === 0) return grants
  const members = await getRows<MemberPlace>(
    db.collection('members').where({ _id: db.command.in(ids) }).field({ unitId: true, communityId: true, branchId: true }).limit(ids.length),
  )
  const byId = new Map(members.map((m) => [m._id, m]))
  return grants.flatMap((g): Grant[] => {
    if (g.role !== 'member') return [g]
    const member = byId.get(g.scope.memberId ?? '')
    return member ? [{ role: 'member', scope: { memberId: member._id, unitId: member.unitId, communityId: member.communityId, ...(member.branchId ? { branchId: member.branchId } : {}) } }] : []
  })
}

/** Resolves the trusted OPENID to the user the system knows, or null. */
export async function loadPrincipal(db: Database, openid: string): Promise<Principal | null> {
  if (!openid) return null
  const [user] = await getRows<UserDoc>(db.collection('users').where({ openid }).limit(1))
  if (!user) return null
  return { userId: user._id, openid: user.openid, name: user.name, grants: await withCurrentMemberScopes(db, user.grants ?? []) }
}
