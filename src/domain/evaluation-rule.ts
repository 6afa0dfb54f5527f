import type { EvaluationFacts, Rating } from './evaluation-facts'

// The rating the system proposes for a member's year (issue 11 §5, 002 附件2
// 综合评价 and §三.1). Staff confirm it or choose another with a comment; the
// rule only proposes. Every number it uses is here, in one constant, and the
// README's table is this constant.
//
//   差   not reported to the community, or nothing at all in the year: no
//        activity attended, no confirmed 服务清单 entry, no need completed, no
//        pairing visit.
//   好   the basic duties of 002 §三.1 met (≥ 2 posts claimed, ≥ 2
//        community-organised activities, ≥ 2 unit-organised activities in the
//        paired community) AND substantial service (activity hours + confirmed
//        服务清单 hours ≥ 20, or ≥ 6 confirmed entries) AND residents' mean
//        rating ≥ 4 when any need was rated AND the pledge not judged broken.
//   较好 the basic duties met.
//   一般 anything else.
//
// Activity hours and 服务清单 hours are added: the gathering leaves out the
// 服务清单 entries that mirror an attended activity, so no hour counts twice.

export const EVALUATION_THRESHOLDS = {
  /** 附件1: posts claimed at reporting. */
  claimedPosts: 2,
  /** 002 §三.1: community-organised activities attended in the year. */
  communityActivities: 2,
  /** 002 §三.1: unit-organised activities in the paired community. */
  unitActivities: 2,
  /** Substantial service: activity hours + confirmed 服务清单 hours. */
  serviceHours: 20,
  /** …or this many confirmed 服务清单 entries. */
  serviceEntries: 6,
  /** Residents' mean rating (1–5) of completed needs, when any was rated. */
  needRatingMean: 4,
} as const

export interface RatingProposal {
  rating: Rating
  /** Why, in Chinese, one line per fact that decided it. */
  reasons: string[]
}

/** Hours to one decimal, so 19.95 is not 20 and 0.1 + 0.2 is 0.3. */
function tenths(hours: number): number {
  return Math.round(hours * 10) / 10
}

export function totalServiceHours(facts: Pick<EvaluationFacts, 'activityHours' | 'serviceHours'>): number {
  return tenths(facts.activityHours + facts.serviceHours)
}

/** Nothing at all in the year: the second way to 差. */
export function nothingInYear(facts: EvaluationFacts): boolean {
  return facts.communityActivities + facts.unitActivities === 0 && facts.serviceEntries === 0 && facts.needsCompleted === 0 && facts.pairingVisits === 0
}

export function proposeRating(facts: EvaluationFacts, pledgeKept: boolean | null = null): RatingProposal {
  const t = EVALUATION_THRESHOLDS
  if (!facts.reported) return { rating: '差', reasons: ['未到社区报到'] }
  if (nothingInYear(facts)) return { rating: '差', reasons: ['全年没有参加活动、没有经确认的服务清单记录、没有完成居民需求，也没有结对走访'] }

  const reasons: string[] = []
  const duty = (value: number, min: number, met: string, short: string) => {
    const ok = value >= min
    reasons.push(ok ? met : short)
    return ok
  }
  const claimed = duty(facts.claimedPosts, t.claimedPosts, `认领服务岗位${facts.claimedPosts}个`, `认领服务岗位${facts.claimedPosts}个，少于${t.claimedPosts}个`)
  const community = duty(facts.communityActivities, t.communityActivities, `参加社区组织的活动${facts.communityActivities}次`, `参加社区组织的活动${facts.communityActivities}次，少于${t.communityActivities}次`)
  const unit = duty(facts.unitActivities, t.unitActivities, `参加单位在结对社区组织的活动${facts.unitActivities}次`, `参加单位在结对社区组织的活动${facts.unitActivities}次，少于${t.unitActivities}次`)
  const basic = claimed && community && unit
  if (!basic) return { rating: '一般', reasons }

  const hours = totalServiceHours(facts)
  const substantial = hours >= t.serviceHours || facts.serviceEntries >= t.serviceEntries
  reasons.push(
    substantial
      ? `服务时长${hours}小时、经确认的服务清单${facts.serviceEntries}条`
      : `服务时长${hours}小时（不足${t.serviceHours}小时），经确认的服务清单${facts.serviceEntries}条（不足${t.serviceEntries}条）`,
  )
  const rated = facts.needRatingMean === null || facts.needRatingMean >= t.needRatingMean
  if (facts.needRatingMean !== null) {
    const mean = Math.round(facts.needRatingMean * 10) / 10
    reasons.push(rated ? `居民评价平均${mean}分` : `居民评价平均${mean}分，低于${t.needRatingMean}分`)
  }
  const pledgeOk = pledgeKept !== false
  if (pledgeKept === false) reasons.push('一句话承诺未兑现')
  if (pledgeKept === true) reasons.push('一句话承诺已兑现')
  return { rating: substantial && rated && pledgeOk ? '好' : '较好', reasons }
}
