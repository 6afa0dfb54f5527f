import { AppError } from '../../../src/domain/errors'
import type { KnownContext } from '../../kernel/function-def'

// Where a 征集记录 becomes a need in the workflow (issue 10 item 2). The needs
// workflow (server/features/needs, built on wip/needs) exports createNeed;
// until it is merged this port refuses with NEEDS_NOT_READY and nothing is
// written. At the merge, replace `createNeed` below with a call to it that
// maps this draft onto its input (entered by staff for a resident at the desk).

export interface NeedDraft {
  communityId: string
  /** The resident or group the need came from, as the collector wrote it. */
  source: string
  content: string
  /** When it was collected, and how. */
  collectedAt: Date
  way: string
  /** The collection record it came from, for the need's history. */
  collectionRecordId: string
}

export type CreateNeed = (ctx: KnownContext, draft: NeedDraft) => Promise<{ needId: string }>

export const createNeed: CreateNeed = async () => {
  throw new AppError('NEEDS_NOT_READY')
}
