// An activity's life: draft → published → ended, or cancelled from draft or
// published. Only a published activity takes sign-ups and sign-ins.

export const ACTIVITY_STATUSES = ['draft', 'published', 'ended', 'cancelled'] as const
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number]

/**
 * Who organised it: the rule counts community-organised and unit-organised
 * activities apart (002 §三.1); the 区志愿者工作指导中心's count as
 * community-organised where they take place (002 §三.4).
 */
export const ORGANISER_KINDS = ['community', 'unit', 'volunteerCentre'] as const
export type OrganiserKind = (typeof ORGANISER_KINDS)[number]

/** The kind an attendance counts as in the year's rule. */
export type CountedKind = 'community' | 'unit'

export function countedKind(kind: OrganiserKind): CountedKind {
  return kind === 'unit' ? 'unit' : 'community'
}

/** Each member, each year: at least this many of each kind (002 §三.1). */
export const YEARLY_MINIMUM = 2
