import { authorize } from '../../../src/domain/access'
import { AppError } from '../../../src/domain/errors'
import type { Permission } from '../../../src/domain/permissions'
import { ownMemberId } from '../../access/own-member'
import type { MemberDoc, ServiceEntryDoc, UnitDoc } from '../../db/docs'
import { findById, loadMember, loadUnit, notFound, unitScope } from '../../db/load'
import type { KnownContext } from '../../kernel/function-def'
import type { ServiceHandInDoc } from './handin-doc'

// Who may touch what: a member their own entries; a unit's secretary and
// liaison their unit (the liaison alone hands in); a community's staff the
// hand-ins made to their community. A record named by id that is not the
// caller's answers NOT_FOUND.

export async function callerMember(ctx: KnownContext): Promise<MemberDoc> {
  return loadMember(ctx.db, ownMemberId(ctx.principal))
}

/** The community the member reported to; a member who has not reported has nowhere to hand in. */
export function reportedCommunity(member: MemberDoc): string {
  const communityId = member.report?.communityId
  if (!communityId) throw new AppError('SERVICE_NOT_REPORTED')
  return communityId
}

export async function ownEntry(ctx: KnownContext, member: MemberDoc, entryId: string): Promise<ServiceEntryDoc> {
  const entry = await findById<ServiceEntryDoc>(ctx.db, 'serviceEntries', entryId)
  if (!entry || entry.memberId !== member._id) throw notFound('服务记录')
  return entry
}

/** The unit, for a grant of `permission` on it (FORBIDDEN for another unit's). */
export async function authorizedUnit(ctx: KnownContext, unitId: string, permission: Permission): Promise<UnitDoc> {
  const unit = await loadUnit(ctx.db, unitId)
  authorize(ctx.principal, permission, unitScope(unit))
  return unit
}

/** An entry of the liaison's own unit. */
export async function unitEntry(ctx: KnownContext, entryId: string): Promise<ServiceEntryDoc> {
  const entry = await findById<ServiceEntryDoc>(ctx.db, 'serviceEntries', entryId)
  if (!entry) throw notFound('服务记录')
  try {
    authorize(ctx.principal, 'service.handIn', { unitId: entry.unitId, districtId: entry.districtId })
  } catch {
    throw notFound('服务记录')
  }
  return entry
}

/** A hand-in to the caller's community. */
export async function staffHandIn(ctx: KnownContext, id: string): Promise<ServiceHandInDoc> {
  const doc = await findById<ServiceHandInDoc>(ctx.db, 'serviceHandIns', id)
  if (!doc) throw notFound('上交记录')
  try {
    authorize(ctx.principal, 'service.confirm', { communityId: doc.communityId, streetId: doc.streetId, districtId: doc.districtId })
  } catch {
    throw notFound('上交记录')
  }
  return doc
}
