// Whom staff are offered for a need (issue 10 §3): members living in the
// community whose claimed posts match the need's category first, then those
// whose 特长 match it, the rest after; within each, fewest open assignments
// first (002 §三.2: posts are set from residents' needs and members' skills).

export interface HelperCandidate {
  memberId: string
  name: string
  unitName: string
  /** Post ids the member claimed in this community (附件1). */
  claimedPostIds: readonly string[]
  /** 专业特长 and 爱好特长, as written. */
  skills: string
  openAssignments: number
}

export type MatchReason = 'post' | 'skill' | 'none'

export interface Suggestion extends HelperCandidate {
  reason: MatchReason
}

/** The need's category as matching reads it: its post, and the words a skill may contain. */
export interface NeedCategory {
  postId: string | null
  /** The post's name and its category's name (e.g. 水电维修, 便民服务项目). */
  words: readonly string[]
}

const RANK: Record<MatchReason, number> = { post: 0, skill: 1, none: 2 }

export function matchReason(candidate: HelperCandidate, category: NeedCategory): MatchReason {
  if (category.postId && candidate.claimedPostIds.includes(category.postId)) return 'post'
  const skills = candidate.skills.trim()
  if (skills && category.words.some((word) => word && (skills.includes(word) || word.includes(skills)))) return 'skill'
  return 'none'
}

export function rankHelpers(candidates: readonly HelperCandidate[], category: NeedCategory, limit: number): Suggestion[] {
  return candidates
    .map((c) => ({ ...c, reason: matchReason(c, category) }))
    .sort((a, b) => RANK[a.reason] - RANK[b.reason] || a.openAssignments - b.openAssignments || a.name.localeCompare(b.name, 'zh-Hans-CN') || a.memberId.localeCompare(b.memberId))
    .slice(0, limit)
}
