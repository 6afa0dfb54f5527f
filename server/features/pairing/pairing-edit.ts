import { authorize } from '../../../src/domain/access'
import type { PairingView } from '../../../src/domain/contracts/pairing.contract'
import { AppError } from '../../../src/domain/errors'
import { activeKey, endedKey } from '../../../src/domain/pairing'
import { assertMayAccess } from '../../access/authorized-record'
import { writeAudit } from '../../audit/audit-log'
import { isDuplicateKey } from '../../db/db-errors'
import type { BranchDoc, UnitPairingDoc } from '../../db/docs'
import { communityScope, findById, loadCommunity, loadStreet, loadUnit, notFound } from '../../db/load'
import { newId } from '../../db/new-id'
import { mirrorPairing } from '../../db/unit-pairings'
import type { KnownContext } from '../../kernel/function-def'
import { pairingScope, pairingView } from './pairing-access'

// The street (for its communities) or the district records a pairing and ends
// one. One active term per unit, branch and community is held by a unique
// key, so two admins pressing at once record it once; ending keeps the term.
// Either updates the mirror on the community's activities (unit-pairings.ts).

export async function createPairing(ctx: KnownContext, input: { unitId: string; branchId: string | null; communityId: string; note: string }): Promise<PairingView> {
  const community = await loadCommunity(ctx.db, input.communityId)
  authorize(ctx.principal, 'pairing.manage', communityScope(community))
  const unit = await loadUnit(ctx.db, input.unitId)
  if (unit.districtId !== community.districtId) throw new AppError('UNIT_OTHER_DISTRICT')
  const branch = input.branchId ? await findById<BranchDoc>(ctx.db, 'branches', input.branchId) : null
  if (input.branchId && branch?.unitId !== unit._id) throw new AppError('BRANCH_NOT_IN_UNIT')
  const street = await loadStreet(ctx.db, community.streetId)
  const pairing: UnitPairingDoc = {
    _id: newId('pairing'),
    unitId: unit._id,
    unitName: unit.name,
    partyOrgName: unit.partyOrgName ?? '',
    branchId: branch?._id ?? null,
    branchName: branch?.name ?? null,
    communityId: community._id,
    communityName: community.name,
    streetId: community.streetId,
    streetName: street.name,
    districtId: community.districtId,
    status: 'active',
    key: activeKey({ unitId: unit._id, branchId: branch?._id ?? null, communityId: community._id }),
    startedAt: ctx.now(),
    endedAt: null,
    note: input.note,
    endReason: null,
    createdBy: ctx.principal.userId,
    endedBy: null,
  }
  const { _id, ...data } = pairing
  try {
    await ctx.db.collection('unitPairings').add({ data: { _id, ...data } })
  } catch (error) {
    if (isDuplicateKey(error)) throw new AppError('PAIRING_EXISTS')
    throw error
  }
  await mirrorPairing(ctx.db, pairing, 'started')
  await writeAudit(ctx, 'pairing.created', { pairingId: _id, unitId: unit._id, communityId: community._id }, { unitName: unit.name, branchName: pairing.branchName, communityName: community.name })
  return pairingView(pairing)
}

export async function endPairing(ctx: KnownContext, input: { pairingId: string; reason: string }): Promise<PairingView> {
  const pairing = await findById<UnitPairingDoc>(ctx.db, 'unitPairings', input.pairingId)
  if (!pairing) throw notFound('结对')
  assertMayAccess(ctx, 'pairing.manage', pairingScope(pairing), '结对')
  const ended = { status: 'ended' as const, key: endedKey(pairing._id), endedAt: ctx.now(), endReason: input.reason, endedBy: ctx.principal.userId }
  // Only from active: a second press finds it ended and writes nothing.
  const result = (await ctx.db.collection('unitPairings').where({ _id: pairing._id, status: 'active' }).update({ data: ended })) as { stats: { updated: number } }
  if (result.stats.updated === 0) throw new AppError('PAIRING_ENDED')
  await mirrorPairing(ctx.db, pairing, 'ended')
  await writeAudit(ctx, 'pairing.ended', { pairingId: pairing._id, unitId: pairing.unitId, communityId: pairing.communityId }, { unitName: pairing.unitName, communityName: pairing.communityName, reason: input.reason })
  return pairingView({ ...pairing, ...ended })
}
