import { can } from '../../../src/domain/access'
import { inChina } from '../../../src/domain/china-time'
import { AppError } from '../../../src/domain/errors'
import { checkLedgerYear } from '../../../src/domain/ledger'
import type { CommunityDoc } from '../../db/docs'
import { communityScope, findById, notFound } from '../../db/load'
import type { KnownContext } from '../../kernel/function-def'

// The 台账 is its community's staff's (ledger.print): the kernel checked the
// role; here the scope. Another community's ledger answers NOT_FOUND, as if it
// were not there, and a year still to come is refused before anything is read.

export async function ledgerCommunity(ctx: KnownContext, communityId: string): Promise<CommunityDoc> {
  const community = await findById<CommunityDoc>(ctx.db, 'communities', communityId)
  if (!community || !can(ctx.principal, 'ledger.print', communityScope(community))) throw notFound('社区')
  return community
}

export function requireLedgerYear(ctx: KnownContext, year: number): void {
  const checked = checkLedgerYear(year, inChina(ctx.now()).year())
  if (!checked.ok) throw new AppError(checked.code, checked.message)
}

/** The first instant of the year after `year`, China time: the year's records are those before it. */
export function yearEnd(year: number): Date {
  return new Date(Date.UTC(year + 1, 0, 1) - 8 * 3600_000)
}

export function yearStart(year: number): Date {
  return new Date(Date.UTC(year, 0, 1) - 8 * 3600_000)
}
