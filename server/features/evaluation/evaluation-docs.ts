import type { EvaluationFacts, Rating } from '../../../src/domain/evaluation-facts'

// The 反馈卡 and the seal as stored (collections feedbackCards, communitySeals).

/**
 * 在职党员社区表现反馈卡, `_id` = `${memberId}:${year}`: what the card prints,
 * copied from the confirmed evaluation when staff issue it, so the card is what
 * was handed out even if the records change later.
 */
export interface FeedbackCardDoc {
  _id: string
  memberId: string
  unitId: string
  communityId: string
  streetId: string
  districtId: string
  year: number
  memberName: string
  unitName: string
  communityName: string
  partyOrgName: string
  reportedAt: Date | null
  claimedPosts: string[]
  facts: EvaluationFacts
  rating: Rating
  comment: string
  /** The evaluation it was made from: a re-confirm after issuing makes the card stale until issued again. */
  evaluationConfirmedAt: Date
  /**
   * The seal image as it was when the card was issued (null: none uploaded
   * then): a later upload does not restamp cards already handed out.
   */
  sealFileId: string | null
  issuedAt: Date
  issuedBy: string
}

/** communitySeals, `_id` = the community's id: the party organisation's seal image. */
export interface CommunitySealDoc {
  _id: string
  fileId: string
  uploadedBy: string
  uploadedAt: Date
}
