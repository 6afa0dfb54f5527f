import { authorize } from '../../../src/domain/access'
import type { UnitStats } from '../../../src/domain/contracts/stats.contract'
import { overdueIfJoinedBefore } from '../../../src/domain/report-deadline'
import { reportRate } from '../../../src/domain/report-rate'
import { countsFrom } from '../../../src/domain/unit-tally'
import type { KnownContext } from '../../kernel/function-def'
import type { NoticeDoc } from '../../db/docs'
import { findById, loadUnit, unitScope } from '../../db/load'
import { countOf, getRows, MAX_PAGE } from '../../db/read'
import type { UnitTallyDoc } from '../../db/unit-tallies'

// The footer of 附件3: 本单位共有在职党员 N 人（其中居住地在社区的党员 M 人），
// 到社区报到 K 人，领办活动项目 P 个 — plus what the unit acts on: the rate
// against the 95% line, who is overdue, and moves it has been told of.
// N, K and P are the unit's tally (kept by the writes, repaired by the
// recount); the overdue are one count over the members' report mirror. The
// same few requests at any size.

export async function unitStats(ctx: KnownContext, unitId: string): Promise<UnitStats> {
  const { db } = ctx
  const _ = db.command
  const unit = await loadUnit(db, unitId)
  authorize(ctx.principal, 'unit.stats', unitScope(unit))
  const now = ctx.now()

  const tally = countsFrom(await findById<UnitTallyDoc>(db, 'unitTallies', unit._id))
  // Not reported (no report mirror) and joined long enough ago.
  const overdue = await countOf(db.collection('members').where({ unitId: unit._id, report: null, joinedUnitAt: _.lt(overdueIfJoinedBefore(now)) }))
  // The newest moves, one page: a list to read, not a count.
  const notices = await getRows<NoticeDoc>(db.collection('notices').where({ unitId: unit._id }).orderBy('at', 'desc').limit(MAX_PAGE))
  return {
    unitId: unit._id,
    unitName: unit.name,
    declaredMemberTotal: unit.declaredMemberTotal ?? 0,
    declaredResidentTotal: unit.declaredResidentTotal ?? 0,
    memberTotal: tally.memberTotal,
    reported: tally.reported,
    claimedProjects: tally.claimedPosts,
    overdue,
    rate: reportRate(tally.reported, tally.memberTotal),
    notices: notices.map((n) => ({ text: n.text, at: n.at.toISOString() })),
  }
}
