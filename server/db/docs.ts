import type { OrganiserKind } from '../../src/domain/activity-status'
import type { EvaluationFacts, Rating } from '../../src/domain/evaluation-facts'
import type { MemberFields } from '../../src/domain/member'
import type { RegistrationFields } from '../../src/domain/contracts/report.contract'

// The shapes stored in each collection, as handlers read them back. Dates are
// Date objects (the SDK's EJSON keeps them); ids are strings.

export interface DistrictDoc {
  _id: string
  name: string
}

export interface StreetDoc {
  _id: string
  name: string
  districtId: string
}

export interface CommunityDoc {
  _id: string
  name: string
  streetId: string
  districtId: string
  /** The party organisation that stamps receipts, when known. */
  partyOrgName?: string
}

export interface UnitDoc {
  _id: string
  name: string
  partyOrgName?: string
  districtId: string
  declaredMemberTotal?: number
  declaredResidentTotal?: number
}

/** Mirror of the member's latest card, kept in the same transaction as the card itself. */
export interface MemberCardMirror {
  serial: number
  cardNo: string
  status: 'active' | 'revoked'
}

/**
 * Mirror of the member's active report. Written in the same transaction as the
 * report; a transaction cannot query, so it is how a confirm learns, inside its
 * snapshot, where the member last reported. Counts never use it.
 */
export interface MemberReportMirror {
  reportId: string
  communityId: string
  reportedAt: Date
}

/** A one-time 绑定码 the unit handed the member (server/features/account/binding-code.ts): its keyed hash only. */
export interface MemberBindingCode {
  hash: string
  expiresAt: Date
  issuedBy: string
  issuedAt: Date
}

export interface MemberDoc extends MemberFields {
  _id: string
  unitId: string
  streetId: string
  districtId: string
  /**
   * The unit's and the residence community's names, written with unitId and
   * communityId (member-residence.ts; places are never renamed): a card shows
   * them without reading either. Older data may lack them (card-names.ts reads those).
   */
  unitName?: string
  communityName?: string
  joinedUnitAt: Date
  card?: MemberCardMirror | null
  report?: MemberReportMirror | null
  /**
   * Posts claimed per community the member registered in (附件1), mirrored by
   * the registration's own transaction: how a confirm knows, inside its
   * transaction, what the member's claims add to the unit's tally.
   */
  claimCounts?: Record<string, number>
  /** The user who bound this member by scanning their own card (account.bindCard); cleared on reissue. */
  boundUserId?: string | null
  /** Set by the secretary for a member who cannot bind with their phone number; cleared when used. */
  bindingCode?: MemberBindingCode | null
  /** The unit's party branch (支部) the member belongs to, when the unit has branches. */
  branchId?: string | null
  /** 报到党员照片 (issue 11 §3): a fileID in cloud storage, shown on the registration and the card. */
  photoFileId?: string | null
  createdAt?: Date
  updatedAt?: Date
}

export interface CardDoc {
  _id: string
  memberId: string
  unitId: string
  districtId: string
  serial: number
  sequence: number
  cardNo: string
  status: 'active' | 'revoked'
  issuedAt: Date
  issuedBy: string
  revokedAt?: Date
}

export type ReportStatus = 'active' | 'moved'

export interface ReportDoc {
  _id: string
  memberId: string
  unitId: string
  communityId: string
  streetId: string
  districtId: string
  reportedAt: Date
  /** User id of the staff member who scanned the card. */
  receivedBy: string
  cardNo: string
  status: ReportStatus
  movedAt?: Date
  movedTo?: string
  /** Earlier periods at this community, when a member moved away and back. */
  history?: Array<{ reportedAt: Date; receivedBy: string; movedAt: Date; movedTo: string }>
}

export type StoredClaim =
  | { postId: string; postName: string; category: string; categoryName: string; order: number }
  | { custom: string; category: 'custom'; categoryName: string }

export interface RegistrationDoc extends RegistrationFields {
  _id: string
  memberId: string
  unitId: string
  communityId: string
  streetId: string
  districtId: string
  willingLiaison: boolean
  claims: StoredClaim[]
  claimCount: number
  savedBy: string
  savedAt: Date
}

export interface PostDoc {
  _id: string
  communityId: string
  category: string
  categoryName: string
  kind: 'community' | 'volunteer' | 'custom'
  name: string
  description: string
  active: boolean
  order: number
}

export interface NoticeDoc {
  _id: string
  unitId: string
  memberId: string
  text: string
  at: Date
  fromCommunityId: string
  toCommunityId: string
}

/** Community-organised, or unit-organised in a community the unit is paired with (`unitId`). */
export interface ActivityDoc {
  _id: string
  organiserKind: OrganiserKind
  /** The organising unit of a unit-organised activity, and its name as it was then. */
  unitId?: string
  unitName?: string
  /** The centre's activities: the 志愿专业服务 item whose members it is open to, wherever they live. */
  volunteerItem?: string
  communityId: string
  streetId: string
  districtId: string
  title: string
  postId: string | null
  postName: string | null
  description: string
  place: string
  startAt: Date
  endAt: Date
  status: 'draft' | 'published' | 'ended' | 'cancelled'
  signupRequired: boolean
  capacity: number
  signupOpensAt: Date | null
  signupClosesAt: Date
  location: { lat: number; lng: number; radius: number } | null
  /** Minutes before the start the sign-in code is taken (older activities: the default, signin-window.ts). */
  signinEarlyMin?: number
  /** Seats taken; written only in a transaction with `waitlist` (signup-write.ts). */
  signedUp: number
  /** Member ids waiting, first come first. */
  waitlist: string[]
  cancelReason: string | null
  /** A community activity's mirror of the units (`unit:<id>`) and branches (`branch:<id>`) paired with its community (unit-pairings.ts); absent on older ones. */
  pairedKeys?: string[]
  createdBy: string
  createdAt: Date
  updatedAt: Date
  endedAt?: Date
}

/** One member's sign-up to one activity; `_id` is signupId(activityId, memberId). */
export interface SignupDoc {
  _id: string
  activityId: string
  memberId: string
  status: 'signedUp' | 'waitlisted' | 'cancelled'
  at: Date
  updatedAt: Date
}

export type AttendanceMethod = 'code' | 'card' | 'manual' | 'scheduledEnd'

/** One member's presence at one activity; unique per (activityId, memberId). */
export interface AttendanceDoc {
  _id: string
  activityId: string
  memberId: string
  unitId: string
  organiserKind: 'community' | 'unit'
  /** The activity's community and China year, so the year's counts are one query. */
  communityId: string
  year: number
  inAt: Date
  inMethod: AttendanceMethod
  outAt: Date | null
  outMethod: AttendanceMethod | null
  /** Why a record was made by hand. */
  reason: string | null
  location: { lat: number; lng: number; accuracy: number; distance: number; flagged: boolean } | null
  recordedBy: string
  /** Set when the activity is cancelled: its attendance counts for nobody (participation views filter on it). */
  activityCancelled?: boolean
  /** Earlier versions, each replaced by an organiser's correction with its reason. */
  history?: AttendanceVersion[]
}

export interface AttendanceVersion {
  inAt: Date
  outAt: Date | null
  inMethod: AttendanceMethod
  outMethod: AttendanceMethod | null
  reason: string | null
  /** Who replaced it, when, and why. */
  correctedBy: string
  correctedAt: Date
  correction: string
}

/** A unit's party branch (支部); created by name on first use (roster import or edit). */
export interface BranchDoc {
  _id: string
  unitId: string
  districtId: string
  name: string
  createdAt: Date
}

/** One term of a 结对共建 pairing (src/domain/pairing.ts); names as they were when recorded. */
export interface UnitPairingDoc {
  _id: string
  unitId: string
  unitName: string
  partyOrgName: string
  branchId: string | null
  branchName: string | null
  communityId: string
  communityName: string
  streetId: string
  streetName: string
  districtId: string
  status: 'active' | 'ended'
  /** activeKey() while active, endedKey() after: unique, so one active term per unit, branch and community. */
  key: string
  startedAt: Date
  endedAt: Date | null
  note: string
  endReason: string | null
  createdBy: string
  endedBy: string | null
}

// ---- Each member's year (issue 11) -------------------------------------------

/** The five kinds of service of the member's 服务清单 (000 §二.(二)). */
export type ServiceKind = 'community' | 'unit' | 'pairing' | 'need' | 'own'

/**
 * One line of a member's 服务清单. Written by the member (`source` null), or
 * filled in from what the system already knows (`source`: an attendance
 * record, a completed need, a 结对帮扶 visit; `_id` derived from it, so filling
 * in twice writes once). Filed with the community where the member reported.
 */
export interface ServiceEntryDoc {
  _id: string
  memberId: string
  unitId: string
  /** The community the member reported to: where the quarter is handed in. */
  communityId: string
  districtId: string
  /** The day of the service (China date at 00:00 China time) and its China year and quarter. */
  date: Date
  year: number
  quarter: 1 | 2 | 3 | 4
  place: string
  content: string
  kind: ServiceKind
  /** Hours, in steps of 0.5; at most 24 in a day. */
  hours: number
  photoFileId: string | null
  source: { type: 'attendance' | 'need' | 'visit'; id: string } | null
  /** A filled-in line whose hours the member changed (a visit's): the hours the system filled in. */
  originalHours?: number | null
  /**
   * draft: the member may edit; returned: sent back (by the liaison or the
   * community) with `returnReason`, editable again; handedIn: locked, waiting
   * for the community; confirmed: the community accepted it.
   */
  status: 'draft' | 'returned' | 'handedIn' | 'confirmed'
  returnReason: string | null
  returnedBy: 'unit' | 'community' | null
  handInId: string | null
  createdAt: Date
  updatedAt: Date
}

/** 一句话承诺 (002 §四.4): one per member and year, `_id` = `${memberId}:${year}`. */
export interface PledgeDoc {
  _id: string
  memberId: string
  unitId: string
  communityId: string
  districtId: string
  year: number
  text: string
  updatedAt: Date
}

/**
 * A member's annual evaluation by the community they reported to, `_id` =
 * `${memberId}:${year}`. Written when staff confirm the proposed rating (or
 * change it with a comment); `facts` are those the rating was made on.
 */
export interface EvaluationDoc {
  _id: string
  memberId: string
  unitId: string
  communityId: string
  streetId: string
  districtId: string
  year: number
  proposed: Rating
  rating: Rating
  comment: string
  /** Staff's judgement of the 一句话承诺: kept, not kept, or no pledge / not judged. */
  pledgeKept: boolean | null
  facts: EvaluationFacts
  confirmedBy: string
  confirmedAt: Date
}
