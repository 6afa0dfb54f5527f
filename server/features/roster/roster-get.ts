import type { RosterMember } from '../../../src/domain/contracts/roster.contract'
import { AppError } from '../../../src/domain/errors'
import type { KnownContext } from '../../kernel/function-def'
import { authorizedMember } from '../../access/authorized-record'
import { findCommunity } from '../../db/load'
import { namesOf } from '../../db/names'
import { authorizedUnit } from './roster-access'

export interface GetInput {
  unitId: string
  memberId: string
}

/**
 * One member's roster record in full, to edit it. Only the secretary and
 * liaison of the member's own unit read it, so the mobile is never masked
 * here (DESIGN.md §6: the unit may see it).
 */
export async function getMember(ctx: KnownContext, input: GetInput): Promise<RosterMember> {
  const { db } = ctx
  const unit = await authorizedUnit(ctx, input.unitId, 'roster.read')
  const member = await authorizedMember(ctx, input.memberId, 'roster.read')
  // The caller keeps both rosters, but asked this one for the other's member.
  if (member.unitId !== unit._id) throw new AppError('NOT_FOUND', '该党员不在本单位名册中')
  const [community, branches] = await Promise.all([findCommunity(db, member.communityId), namesOf(db, 'branches', member.branchId ? [member.branchId] : [])])
  return {
    memberId: member._id,
    name: member.name,
    gender: member.gender,
    birthMonth: member.birthMonth,
    joinPartyMonth: member.joinPartyMonth,
    education: member.education,
    specialty: member.specialty ?? '',
    officePhone: member.officePhone ?? '',
    mobile: member.mobile,
    communityId: member.communityId,
    jobTitle: member.jobTitle ?? '',
    communityName: community?.name ?? '',
    joinedUnitAt: member.joinedUnitAt ? member.joinedUnitAt.toISOString() : null,
    branchName: branches.get(member.branchId ?? '') ?? '',
  }
}
