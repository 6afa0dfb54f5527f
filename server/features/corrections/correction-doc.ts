import type { CorrectionField, CorrectionStatus } from '../../../src/domain/corrections'

/**
 * A correction request (`corrections`): the unit asks the community the member
 * reported to to correct what it holds. Names are kept as they were when
 * raised, so a list reads nothing else; who and when for each step.
 * (memberId, field, activityKey, liveKey) is unique: `liveKey` is 'open'
 * while open and the request's own id once resolved, so one open request per
 * thing, and any number of resolved ones.
 */
export interface CorrectionDoc {
  _id: string
  memberId: string
  memberName: string
  unitId: string
  unitName: string
  /** The community the member reported to when it was raised: whose staff resolve it. */
  communityId: string
  communityName: string
  streetId: string
  districtId: string
  field: CorrectionField
  activityId: string | null
  activityTitle: string | null
  /** activityId for an 活动记录 request naming one, else ''. */
  activityKey: string
  /** What is wrong and what it should be. */
  text: string
  status: CorrectionStatus
  liveKey: string
  raisedBy: string
  raisedByName: string
  raisedAt: Date
  answer: string | null
  resolvedBy: string | null
  resolvedByName: string | null
  resolvedAt: Date | null
}
