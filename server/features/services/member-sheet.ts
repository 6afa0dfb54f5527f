import { authorize } from '../../../src/domain/access'
import type { Quarter } from '../../../src/domain/quarter'
import type { TableModel } from '../../../src/domain/record-tables'
import type { MemberDoc } from '../../db/docs'
import { communityScope, findById, loadCommunity, notFound } from '../../db/load'
import type { KnownContext } from '../../kernel/function-def'
import { memberSheet } from './entries'

// One member's printable 服务清单 for the unit (secretary, liaison: a member
// of their unit, the entries filed by that unit) and for the community's staff
// (a member reported to their community, the entries filed with it). A member
// outside the caller's scope does not exist for them (NOT_FOUND), as an entry
// or a hand-in named by id does.

interface SheetInput {
  memberId: string
  year: number
  quarter: Quarter | null
}

const period = (input: SheetInput) => ({ memberId: input.memberId, year: input.year, ...(input.quarter ? { quarter: input.quarter } : {}) })

async function memberOrNotFound(ctx: KnownContext, memberId: string): Promise<MemberDoc> {
  const member = await findById<MemberDoc>(ctx.db, 'members', memberId)
  if (!member) throw notFound('党员')
  return member
}

export async function unitMemberSheet(ctx: KnownContext, input: SheetInput): Promise<TableModel> {
  const member = await memberOrNotFound(ctx, input.memberId)
  try {
    authorize(ctx.principal, 'service.unitRead', { unitId: member.unitId, districtId: member.districtId })
  } catch {
    throw notFound('党员')
  }
  return memberSheet(ctx.db, member, member.report?.communityId ?? null, { ...period(input), unitId: member.unitId }, input.year, input.quarter)
}

export async function staffMemberSheet(ctx: KnownContext, input: SheetInput): Promise<TableModel> {
  const member = await memberOrNotFound(ctx, input.memberId)
  const communityId = member.report?.communityId
  if (!communityId) throw notFound('党员')
  const community = await loadCommunity(ctx.db, communityId)
  try {
    authorize(ctx.principal, 'service.confirm', communityScope(community))
  } catch {
    throw notFound('党员')
  }
  return memberSheet(ctx.db, member, community._id, { ...period(input), communityId: community._id }, input.year, input.quarter)
}
