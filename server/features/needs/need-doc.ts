import type { NeedChannel } from '../../../src/domain/contracts/needs.contract'
import type { HistoryEntry, NeedDeadlines, NeedFacts } from '../../../src/domain/need-rules'

/** One resident's need, with its whole history (collection `needs`). */
export interface NeedDoc extends NeedFacts {
  _id: string
  communityId: string
  streetId: string
  districtId: string
  /** A post of the community's catalog; null = 其他. */
  postId: string | null
  categoryName: string
  content: string
  address: string
  contactName: string
  mobile: string
  suitableTime: string
  channel: NeedChannel
  /** The 征集记录 it came from (channel `record`). */
  sourceRecordId: string | null
  /** fileIDs in cloud storage. */
  photos: string[]
  /** The community's deadlines when it was submitted: a later change does not move a running clock. */
  deadlines: NeedDeadlines
  yellowAt: Date | null
  redAt: Date | null
  /** Bumped by every write: a write applies only to the version it was planned on. */
  version: number
  enteredBy: string
  assignedMemberName: string | null
  rejectReason: string | null
  mergedInto: string | null
  additions: Array<{ text: string; at: Date }>
  completion: { what: string; doneAt: Date; hours: number; photos: string[]; year: number } | null
  rating: number | null
  comment: string | null
  history: HistoryEntry[]
  updatedAt: Date
}
