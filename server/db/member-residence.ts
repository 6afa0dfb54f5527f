import type { CommunityDoc, UnitDoc } from './docs'

// The member fields that follow where they live and which unit keeps them,
// with the names mirrored beside the ids (docs.ts, MemberDoc.unitName).

/** A member's residence: the community, its name, its street and district. */
export function memberResidence(community: CommunityDoc) {
  return { communityId: community._id, communityName: community.name, streetId: community.streetId, districtId: community.districtId }
}

/** A member's unit: its id and its name. */
export function memberUnit(unit: UnitDoc) {
  return { unitId: unit._id, unitName: unit.name }
}
