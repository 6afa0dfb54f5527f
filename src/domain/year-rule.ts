import { YEARLY_MINIMUM } from './activity-status'

// The year's rule for each member (002 §三.1): at least 2 community-organised
// activities, and at least 2 with the paired community organised by their
// unit. A member short of either is short of the rule.

export interface YearCounts {
  /** Community-organised activities attended (the volunteer centre's count here too). */
  community: number
  /** Unit-organised activities attended, in a paired community. */
  unit: number
}

export interface YearStanding extends YearCounts {
  /** How many more of each kind the member needs this year (0 = met). */
  communityShort: number
  unitShort: number
  short: boolean
}

export function yearStanding(counts: YearCounts): YearStanding {
  const communityShort = Math.max(0, YEARLY_MINIMUM - counts.community)
  const unitShort = Math.max(0, YEARLY_MINIMUM - counts.unit)
  return { ...counts, communityShort, unitShort, short: communityShort > 0 || unitShort > 0 }
}
