// The annual evaluation's vocabulary (002 附件2 综合评价, issue 11 §5), shared by
// the rule that proposes a rating, the stored evaluation and everything that
// reads one (反馈卡, the unit's year, bulletins, 附件2).

export const RATINGS = ['好', '较好', '一般', '差'] as const
export type Rating = (typeof RATINGS)[number]

/**
 * What the year's records say of one member, as the rule reads them and as a
 * confirmed evaluation stores them, so a later edit of the records does not
 * change a closed year.
 */
export interface EvaluationFacts {
  /** Reported to the evaluating community (and when, ISO), per the member's active report. */
  reported: boolean
  reportedAt: string | null
  /** Posts claimed at that community (附件1). */
  claimedPosts: number
  /** Attended this year: community-organised, and unit-organised in a paired community (002 §三.1). */
  communityActivities: number
  unitActivities: number
  /** Credited hours of those activities. */
  activityHours: number
  /** Confirmed 服务清单 entries of the year and their hours. */
  serviceEntries: number
  serviceHours: number
  /** Residents' needs the member completed this year, and the residents' mean rating (1–5), null when none rated. */
  needsCompleted: number
  needRatingMean: number | null
  /** 结对帮扶 visits recorded this year. */
  pairingVisits: number
  /** The member's 一句话承诺 for the year, if written. */
  pledge: string | null
}
