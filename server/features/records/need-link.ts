import type { NeedFields } from '../../../src/domain/contracts/needs.contract'
import type { KnownContext } from '../../kernel/function-def'
import { createNeed } from '../needs/need-submit'

// Where a 征集记录 becomes a need in the workflow (issue 10 item 2): a need
// entered by staff on channel `record`, pointing back at the record. The
// conversion takes the port as an argument so a test can hold the creation
// and press twice at once.

export interface NeedDraft {
  communityId: string
  /** The resident or group the need came from, as the collector wrote it. */
  source: string
  content: string
  /** The collection record it came from, for the need's history. */
  collectionRecordId: string
}

export type CreateNeed = (ctx: KnownContext, draft: NeedDraft) => Promise<{ needId: string }>

/**
 * The need's fields from a record: its content, its source as the contact.
 * A record names no address, phone or category (其他); the need keeps them
 * empty rather than guessing, and the collector's notes stay on the record.
 */
function needFieldsOf(draft: NeedDraft): NeedFields {
  return { postId: null, content: draft.content, address: '', contactName: draft.source, mobile: '', suitableTime: '', urgency: 'normal', photos: [] }
}

export const createNeedFromRecord: CreateNeed = async (ctx, draft) => {
  const need = await createNeed(ctx, {
    communityId: draft.communityId,
    channel: 'record',
    fields: needFieldsOf(draft),
    residentUserId: null,
    sourceRecordId: draft.collectionRecordId,
  })
  return { needId: need._id }
}
