import type { RosterRow } from '../../../src/domain/contracts/roster.contract'
import { AppError } from '../../../src/domain/errors'
import { checkMemberDates, type MemberFields } from '../../../src/domain/member'
import type { KnownContext } from '../../kernel/function-def'
import { isDuplicateKey } from '../../db/db-errors'
import { authorizedMember } from '../../access/authorized-record'
import { findCommunity, loadMember } from '../../db/load'
import type { MemberDoc } from '../../db/docs'
import { memberResidence, memberUnit } from '../../db/member-residence'
import { newId } from '../../db/new-id'
import { inTransaction } from '../../db/transaction'
import { applyTallyPlan, memberContribution } from '../../db/unit-tallies'
import { memberChange, type TallyPlan } from '../../../src/domain/unit-tally'
import { authorizedUnit } from './roster-access'
import { branchIdOf } from './roster-branches'
import { rosterRows } from './roster-row-view'

export interface SaveInput {
  unitId: string
  memberId?: string
  fields: MemberFields
  joinedUnitAt?: Date
  /** 所在支部 by name; '' for none; undefined: unchanged. */
  branchName?: string
}

/** Adds one member to the unit, or corrects one. A member never changes unit here: they leave one roster and join another. */
export async function saveMember(ctx: KnownContext, input: SaveInput): Promise<RosterRow> {
  const { db } = ctx
  const unit = await authorizedUnit(ctx, input.unitId, 'roster.manage')
  const now = ctx.now()
  // A member of a unit the caller does not keep is NOT_FOUND, like a missing one.
  const existing = input.memberId ? await authorizedMember(ctx, input.memberId, 'roster.manage') : null
  if (existing && existing.unitId !== unit._id) throw new AppError('UNIT_IMMUTABLE')

  const problems = checkMemberDates(input.fields, now)
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', `填写的内容有误：${problems.join('；')}`)
  if (input.joinedUnitAt && input.joinedUnitAt.getTime() > now.getTime()) throw new AppError('JOINED_IN_FUTURE')
  const community = await findCommunity(db, input.fields.communityId)
  if (!community) throw new AppError('UNKNOWN_COMMUNITY')

  const residence = { ...memberResidence(community), ...memberUnit(unit) }
  const branch = input.branchName === undefined ? {} : { branchId: await branchIdOf(db, unit, input.branchName, now) }
  let id: string
  try {
    // The unit's tally follows a new member, or one who moved street.
    let plan: TallyPlan
    id = await inTransaction(db, async (t) => {
      if (existing) {
        const before = (await t.collection('members').doc<MemberDoc>(existing._id).get()).data
        const changes: Record<string, unknown> = { ...input.fields, ...residence, ...branch, updatedAt: now }
        if (input.joinedUnitAt) changes.joinedUnitAt = input.joinedUnitAt
        if (input.fields.mobile !== before.mobile) changes.formerMobiles = db.command.addToSet(before.mobile)
        await t.collection('members').doc(before._id).update({ data: changes })
        plan = memberChange(memberContribution(before), memberContribution({ ...before, streetId: community.streetId }))
        return before._id
      }
      const created = { ...input.fields, ...residence, branchId: null, ...branch, joinedUnitAt: input.joinedUnitAt ?? now, report: null, createdAt: now, updatedAt: now }
      const { _id } = await t.collection('members').add({ data: { _id: newId('member'), ...created } })
      plan = memberChange(null, memberContribution(created))
      return _id
    })
    await applyTallyPlan(db, plan!, unit)
  } catch (error) {
    if (isDuplicateKey(error)) throw new AppError('MOBILE_TAKEN')
    throw error
  }
  const saved = await loadMember(db, id)
  return (await rosterRows(db, ctx.principal, [saved], now))[0]!
}
