import type { AssistanceCategory, CollectionWay, PairingStatus } from '../../../src/domain/records'

// The documents of the community's own records (issue 10). Each carries its
// community's scope, so a staff grant is checked against the record itself.

export interface CommunityOwned {
  _id: string
  communityId: string
  streetId: string
  districtId: string
  createdBy: string
  createdAt: Date
  updatedAt: Date
}

/** needCollections: one entry of the 服务需求征集记录本. */
export interface CollectionRecordDoc extends CommunityOwned {
  date: Date
  way: CollectionWay
  collector: string
  source: string
  content: string
  handling: string
  needId: string | null
  /** Set while the record is being made a need, so two presses make one (src/domain/records.ts). */
  convertingSince: Date | null
}

/** assistTargets: one resident of the 摸底表. Never an ID-card number. */
export interface TargetDoc extends CommunityOwned {
  name: string
  gender: '男' | '女'
  birthMonth: string
  address: string
  mobile: string
  categories: AssistanceCategory[]
  family: string
  needs: string
  surveyor: string
  surveyedAt: Date
}

/** assistancePairings: a member ↔ target pairing (结对帮扶), or a member's offer still without a target. */
export interface PairingDoc extends CommunityOwned {
  status: PairingStatus
  targetId: string | null
  memberId: string
  unitId: string
  content: string
  startedAt: Date | null
  endedAt: Date | null
  endReason: string | null
  /**
   * 'live' while offered or active, the pairing's own id once ended: the
   * unique index (targetId, memberId, liveKey) holds one live pairing of a
   * member with a target, and one open offer per member, also under a race.
   */
  liveKey: string
}

/** assistanceVisits: one visit the paired member recorded. */
export interface VisitDoc {
  _id: string
  pairingId: string
  communityId: string
  memberId: string
  date: Date
  content: string
  recordedAt: Date
}

/** meetings: one entry of the 会议记录本. */
export interface MeetingDoc extends CommunityOwned {
  date: Date
  place: string
  host: string
  recorder: string
  memberIds: string[]
  unitIds: string[]
  otherAttendees: string
  topic: string
  content: string
  decisions: string
  photos: string[]
}

/** communityProfiles (_id = the community's id): 社区基本情况 (000 §一.(三)). */
export interface ProfileDoc {
  _id: string
  communityId: string
  area: string
  households: number
  residents: number
  partyMembers: number
  offices: string[]
  commercialAreas: string[]
  schools: string[]
  nursingHomes: string[]
  compounds: string[]
  updatedBy: string
  updatedAt: Date
}
