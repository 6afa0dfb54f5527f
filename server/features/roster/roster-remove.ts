import { memberChange } from '../../../src/domain/unit-tally'
import type { KnownContext } from '../../kernel/function-def'
import { authorizedMember } from '../../access/authorized-record'
import type { MemberDoc } from '../../db/docs'
import { notFound } from '../../db/load'
import { inTransaction } from '../../db/transaction'
import { applyTallyPlan, memberContribution } from '../../db/unit-tallies'
import { authorizedUnit } from './roster-access'

/**
 * A member leaves the unit's roster. Their reports, registrations and cards
 * stay as history (a card whose member is gone no longer scans), and the
 * unit's tally loses what they counted for.
 */
export async function removeMember(ctx: KnownContext, input: { unitId: string; memberId: string }): Promise<{ memberId: string; removed: true }> {
  const unit = await authorizedUnit(ctx, input.unitId, 'roster.manage')
  const member = await authorizedMember(ctx, input.memberId, 'roster.manage')
  if (member.unitId !== unit._id) throw notFound('党员')
  const plan = await inTransaction(ctx.db, async (t) => {
    const doc = t.collection('members').doc<MemberDoc>(member._id)
    const current = (await doc.get()).data
    await doc.remove()
    return memberChange(memberContribution(current), null)
  })
  await applyTallyPlan(ctx.db, plan)
  return { memberId: member._id, removed: true }
}
