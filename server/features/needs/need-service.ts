import { inChina } from '../../../src/domain/china-time'
import type { ServiceYear } from '../../../src/domain/contracts/needs.contract'
import { DONE_STATES } from '../../../src/domain/need-rules'
import { ownMemberPlace } from '../../access/own-member'
import { scanAll } from '../../db/read'
import type { Database } from '../../kernel/database'
import type { KnownContext } from '../../kernel/function-def'
import type { NeedDoc } from './need-doc'

// A completed need is a service of the member who did it, with its hours
// (issue 10 §4): the member's 服务清单 shows them, and the annual evaluation
// (issue 11) counts them through completedNeedsOf.

/** The needs `memberId` completed in `year` (China time of the service), earliest first. */
export async function completedNeedsOf(db: Database, memberId: string, year: number): Promise<NeedDoc[]> {
  const _ = db.command
  const needs = await scanAll<NeedDoc>(db, 'needs', { assignedMemberId: memberId, state: _.in([...DONE_STATES]), 'completion.year': year })
  return needs.sort((a, b) => a.completion!.doneAt.getTime() - b.completion!.doneAt.getTime())
}

export async function myService(ctx: KnownContext, year: number | undefined): Promise<ServiceYear> {
  const member = ownMemberPlace(ctx.principal)
  const y = year ?? inChina(ctx.now()).year()
  const needs = await completedNeedsOf(ctx.db, member._id, y)
  return {
    year: y,
    needs: needs.length,
    hours: needs.reduce((sum, n) => sum + n.completion!.hours, 0),
    rows: needs.map((n) => ({ needId: n._id, categoryName: n.categoryName, what: n.completion!.what, doneAt: n.completion!.doneAt.toISOString(), hours: n.completion!.hours, rating: n.rating })),
  }
}
