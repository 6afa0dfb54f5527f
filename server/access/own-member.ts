import { AppError } from '../../src/domain/errors'
import type { Principal } from '../../src/domain/roles'

/** The member id of a caller acting as themself; FORBIDDEN for anyone who is not a member. */
export function ownMemberId(principal: Principal): string {
  const grant = principal.grants.find((g) => g.role === 'member' && g.scope.memberId)
  if (!grant) throw new AppError('FORBIDDEN', '只有在职党员本人可以进行此操作')
  return grant.scope.memberId!
}

/** Every member id the caller acts as (normally one). */
export function ownMemberIds(principal: Principal): string[] {
  return principal.grants.filter((g) => g.role === 'member' && g.scope.memberId).map((g) => g.scope.memberId!)
}

/** Where the caller's member lives and works, as the kernel read it from the member record for this call (principal.ts). */
export interface MemberPlace {
  _id: string
  unitId: string
  communityId: string
  /** Null: in no branch. Absent: not known to the caller (a record read without it). */
  branchId?: string | null
}

export function ownMemberPlace(principal: Principal): MemberPlace {
  const memberId = ownMemberId(principal)
  const scope = principal.grants.find((g) => g.role === 'member' && g.scope.memberId === memberId)!.scope
  return { _id: memberId, unitId: scope.unitId ?? '', communityId: scope.communityId ?? '', branchId: scope.branchId ?? null }
}
