// An activity's life: draft → published → ended, or cancelled from draft or
// published. Only a published activity takes sign-ups and sign-ins.

export const ACTIVITY_STATUSES = ['draft', 'published', 'ended', 'cancelled'] as const
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number]

/** Who organised it: the rule counts community-organised and unit-organised activities apart (002 §三.1). */
export const ORGANISER_KINDS = ['community', 'unit'] as const
export type OrganiserKind = (typeof ORGANISER_KINDS)[number]

/** Each member, each year: at least this many of each kind (002 §三.1). */
export const YEARLY_MINIMUM = 2
