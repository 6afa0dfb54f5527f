import type { Principal } from './roles'

// Who sees a member's full mobile number (DESIGN.md §6): the member, their
// unit's secretary and liaison, and the staff of the community where they
// have reported. Everyone else sees 138****5678.

export interface MobileOwner {
  memberId: string
  unitId: string
  /** Community of the member's active report; null when not reported. */
  reportedCommunityId: string | null
}

export function canSeeMobile(principal: Principal, owner: MobileOwner): boolean {
  return principal.grants.some((g) => {
    switch (g.role) {
      case 'member':
        return g.scope.memberId === owner.memberId
      case 'secretary':
      case 'liaison':
        return g.scope.unitId === owner.unitId
      case 'staff':
        return owner.reportedCommunityId !== null && g.scope.communityId === owner.reportedCommunityId
      default:
        return false
    }
  })
}
