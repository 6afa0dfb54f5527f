import { authorize } from '../../../src/domain/access'
import type { CorrectionList } from '../../../src/domain/contracts/corrections.contract'
import { communityScope, loadCommunity } from '../../db/load'
import { countBy, readPage } from '../../db/read'
import type { Database } from '../../kernel/database'
import type { KnownContext } from '../../kernel/function-def'
import { authorizedUnit } from '../roster/roster-access'
import type { CorrectionDoc } from './correction-doc'
import { correctionView, countsOf } from './correction-view'

// The two lists of requests, newest first: the community's (its staff) and
// the unit's (its secretary and liaison). Each costs the same at any size:
// the place (1), the page and its total (2), the counts by status (1).

export type ListStatus = 'open' | 'resolved' | 'all'

interface ListInput {
  status: ListStatus
  page: number
  pageSize: number
}

async function listOf(db: Database, owner: { communityId: string } | { unitId: string }, input: ListInput): Promise<CorrectionList> {
  const _ = db.command
  const status = input.status === 'open' ? { status: 'open' } : input.status === 'resolved' ? { status: _.in(['fixed', 'declined']) } : {}
  const [{ docs, total }, byStatus] = await Promise.all([
    readPage<CorrectionDoc>(db, 'corrections', { ...owner, ...status }, ['raisedAt', 'desc'], input),
    countBy(db, 'corrections', owner, 'status'),
  ])
  return { rows: docs.map(correctionView), total, page: input.page, pageSize: input.pageSize, counts: countsOf(byStatus) }
}

export async function communityCorrections(ctx: KnownContext, input: ListInput & { communityId: string }): Promise<CorrectionList> {
  const community = await loadCommunity(ctx.db, input.communityId)
  authorize(ctx.principal, 'correction.resolve', communityScope(community))
  return listOf(ctx.db, { communityId: community._id }, input)
}

export async function unitCorrections(ctx: KnownContext, input: ListInput & { unitId: string }): Promise<CorrectionList> {
  const unit = await authorizedUnit(ctx, input.unitId, 'correction.raise')
  return listOf(ctx.db, { unitId: unit._id }, input)
}
