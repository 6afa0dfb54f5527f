import { grantsAllowing } from '../../../src/domain/access'
import { compareChinese } from '../../../src/domain/chinese-order'
import type { PairingChoices, PairingView } from '../../../src/domain/contracts/pairing.contract'
import { AppError } from '../../../src/domain/errors'
import type { BranchDoc, CommunityDoc, UnitDoc, UnitPairingDoc } from '../../db/docs'
import { namesOf } from '../../db/names'
import { countBy, scanAll } from '../../db/read'
import type { KnownContext } from '../../kernel/function-def'
import { pairingView, visiblePairings } from './pairing-access'

// What each side sees of the pairings, and what an admin pairs from.

export async function listPairings(ctx: KnownContext, input: { unitId?: string; communityId?: string; status?: 'active' | 'ended' }): Promise<PairingView[]> {
  const visible = visiblePairings(ctx, 'pairing.read')
  if (!visible) throw new AppError('FORBIDDEN')
  const narrowed = Object.fromEntries(Object.entries({ unitId: input.unitId, communityId: input.communityId, status: input.status }).filter(([, v]) => v !== undefined))
  const pairings = await scanAll<UnitPairingDoc>(ctx.db, 'unitPairings', ctx.db.command.and([visible, narrowed]))
  // Active first; within each, the newest term first.
  pairings.sort((a, b) => Number(a.status === 'ended') - Number(b.status === 'ended') || b.startedAt.getTime() - a.startedAt.getTime())
  return pairings.map(pairingView)
}

/** The district's units with their branches, and the communities the caller may pair (street: its own; district: all). */
export async function pairingChoices(ctx: KnownContext): Promise<PairingChoices> {
  const _ = ctx.db.command
  const grants = grantsAllowing(ctx.principal, 'pairing.manage')
  const districtIds = [...new Set(grants.map((g) => g.scope.districtId).filter((d): d is string => Boolean(d)))]
  const streetIds = grants.filter((g) => g.role === 'streetAdmin' && g.scope.streetId).map((g) => g.scope.streetId!)
  const wholeDistricts = grants.filter((g) => g.role === 'districtAdmin' && g.scope.districtId).map((g) => g.scope.districtId!)
  const [units, branches, communities] = await Promise.all([
    scanAll<UnitDoc>(ctx.db, 'units', { districtId: _.in(districtIds) }, { fields: { name: true } }),
    scanAll<BranchDoc>(ctx.db, 'branches', { districtId: _.in(districtIds) }),
    scanAll<CommunityDoc>(ctx.db, 'communities', _.or([{ districtId: _.in(wholeDistricts) }, { streetId: _.in(streetIds) }]), { fields: { name: true, streetId: true } }),
  ])
  const [members, streets] = await Promise.all([
    branches.length ? countBy(ctx.db, 'members', { branchId: _.in(branches.map((b) => b._id)) }, 'branchId') : Promise.resolve(new Map<string, number>()),
    namesOf(ctx.db, 'streets', communities.map((c) => c.streetId)),
  ])
  const byName = <T extends { name: string }>(a: T, b: T) => compareChinese(a.name, b.name)
  return {
    units: units.sort(byName).map((u) => ({
      unitId: u._id,
      name: u.name,
      branches: branches.filter((b) => b.unitId === u._id).sort(byName).map((b) => ({ branchId: b._id, name: b.name, members: members.get(b._id) ?? 0 })),
    })),
    communities: communities.sort(byName).map((c) => ({ communityId: c._id, name: c.name, streetName: streets.get(c.streetId) ?? '' })),
  }
}
