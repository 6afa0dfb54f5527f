import { AppError } from './errors'

// 数据核对 (000 §二.(一)): the unit checks what the community holds about each
// member it handed over and asks the community to correct it. The rules here
// decide what a raise or a resolve writes; handlers load, call, and apply.

/** What a request may be about: the registration's 爱好特长, the claims, the photo, an activity record. */
export const CORRECTION_FIELDS = ['specialty', 'claims', 'photo', 'activity'] as const
export type CorrectionField = (typeof CORRECTION_FIELDS)[number]

export const CORRECTION_FIELD_LABELS: Record<CorrectionField, string> = {
  specialty: '个人专长',
  claims: '认领服务项目',
  photo: '报到党员照片',
  activity: '活动记录',
}

export type CorrectionStatus = 'open' | 'fixed' | 'declined'
export const CORRECTION_STATUS_LABELS: Record<CorrectionStatus, string> = { open: '待处理', fixed: '已更正', declined: '不予更正' }

/** Lengths of the texts, in characters as a reader counts them. */
export const CORRECTION_TEXT_MAX = 200
export const CORRECTION_ANSWER_MAX = 200

/** `liveKey` of an open request: with (memberId, field, activityKey) unique, so one open request per thing. */
export const OPEN_KEY = 'open'

/** The part of the unique key an activity adds; '' when the request names none (never missing: a unique index reads missing as null). */
export function activityKeyOf(field: CorrectionField, activityId: string | null | undefined): string {
  return field === 'activity' && activityId ? activityId : ''
}

export interface RaiseFacts {
  field: CorrectionField
  activityId: string | null
  /** The community the member reported to; null when they have not reported. */
  reportedCommunityId: string | null
  /** The request already open for the same member, field and activity, if any. */
  open: { _id: string } | null
}

export type RaisePlan = { kind: 'existing'; correctionId: string } | { kind: 'new'; communityId: string; activityKey: string }

/** A raise: refused for a member who has not reported (nothing is held yet); the open request again when there is one; else a new one. */
export function planRaise(facts: RaiseFacts): RaisePlan {
  if (!facts.reportedCommunityId) throw new AppError('NOT_REPORTED', '该党员尚未到社区报到，社区还没有可核对的数据')
  if (facts.field !== 'activity' && facts.activityId) throw new AppError('VALIDATION_FAILED', '只有“活动记录”的核对请求可以指明活动')
  if (facts.open) return { kind: 'existing', correctionId: facts.open._id }
  return { kind: 'new', communityId: facts.reportedCommunityId, activityKey: activityKeyOf(facts.field, facts.activityId) }
}

export type CorrectionOutcome = 'fixed' | 'declined'

export interface ResolvePlan {
  status: CorrectionOutcome
  answer: string
}

/** A resolve: only an open request; 不予更正 needs its reason, 已更正 may say what was changed. */
export function planResolve(current: CorrectionStatus, outcome: CorrectionOutcome, answer: string): ResolvePlan {
  if (current !== 'open') throw new AppError('CORRECTION_RESOLVED')
  const text = answer.trim()
  if (outcome === 'declined' && !text) throw new AppError('CORRECTION_ANSWER_REQUIRED')
  return { status: outcome, answer: text || '已按核对意见更正' }
}
