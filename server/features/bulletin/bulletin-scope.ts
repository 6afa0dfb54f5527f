import { authorize } from '../../../src/domain/access'
import { AppError } from '../../../src/domain/errors'
import { countsFrom } from '../../../src/domain/unit-tally'
import type { KnownContext } from '../../kernel/function-def'
import type { DistrictDoc, UnitDoc } from '../../db/docs'
import { findById, loadStreet, notFound } from '../../db/load'
import { scanAll } from '../../db/read'
import { fieldKey, type UnitTallyDoc } from '../../db/unit-tallies'

// Which units a reviewer sees (bulletin.review), the rule district-stats.ts
// uses: the district admin sees every unit of the district; units are
// district bodies and belong to no street, so a street sees the units with
// members LIVING in its communities (their tally has the street with
// members), which is whose reporting the street's communities receive.

export interface ReviewScope {
  districtId: string
  scopeName: string
  /** The units in scope with their current tally (name, members, reported). */
  units: Array<{ unitId: string; unitName: string; memberTotal: number; reported: number }>
}

async function streetScope(ctx: KnownContext, streetId: string): Promise<ReviewScope> {
  const street = await loadStreet(ctx.db, streetId)
  authorize(ctx.principal, 'bulletin.review', { streetId: street._id, districtId: street.districtId })
  const key = fieldKey(street._id)
  const tallies = await scanAll<UnitTallyDoc>(ctx.db, 'unitTallies', { [`streets.${key}.memberTotal`]: ctx.db.command.gt(0) }, { fields: { unitName: true, memberTotal: true, reported: true } })
  return { districtId: street.districtId, scopeName: street.name, units: tallies.map((t) => ({ unitId: t._id, unitName: t.unitName, ...countsFrom(t) })) }
}

async function districtScope(ctx: KnownContext, districtId: string): Promise<ReviewScope> {
  const district = await findById<DistrictDoc>(ctx.db, 'districts', districtId)
  if (!district) throw notFound('区')
  authorize(ctx.principal, 'bulletin.review', { districtId: district._id })
  const tallies = await scanAll<UnitTallyDoc>(ctx.db, 'unitTallies', { districtId: district._id }, { fields: { unitName: true, memberTotal: true, reported: true } })
  return { districtId: district._id, scopeName: district.name, units: tallies.map((t) => ({ unitId: t._id, unitName: t.unitName, ...countsFrom(t) })) }
}

/** The caller's review scope: a street when named (or the caller is a street admin), else the caller's district. */
export async function reviewScope(ctx: KnownContext, streetId: string | undefined): Promise<ReviewScope> {
  if (streetId) return streetScope(ctx, streetId)
  const district = ctx.principal.grants.find((g) => g.role === 'districtAdmin' && g.scope.districtId)
  if (district) return districtScope(ctx, district.scope.districtId!)
  const street = ctx.principal.grants.find((g) => g.role === 'streetAdmin' && g.scope.streetId)
  if (street) return streetScope(ctx, street.scope.streetId!)
  throw new AppError('FORBIDDEN')
}

/** May the caller review this unit? Its district's admin, or a street where some of its members live (one tally read). */
export async function authorizeUnitReview(ctx: KnownContext, unit: UnitDoc): Promise<void> {
  const grants = ctx.principal.grants
  if (grants.some((g) => g.role === 'districtAdmin' && g.scope.districtId === unit.districtId)) return
  const streets = grants.filter((g) => g.role === 'streetAdmin' && g.scope.streetId && g.scope.districtId === unit.districtId).map((g) => g.scope.streetId!)
  if (streets.length > 0) {
    const tally = await findById<UnitTallyDoc>(ctx.db, 'unitTallies', unit._id)
    if (streets.some((s) => countsFrom(tally?.streets?.[s]).memberTotal > 0)) return
  }
  throw new AppError('FORBIDDEN')
}

/** The district an action of the caller's own district acts on (district admin first, then any grant naming one). */
export function callerDistrictId(ctx: KnownContext): string {
  const grants = ctx.principal.grants
  const id = grants.find((g) => g.role === 'districtAdmin' && g.scope.districtId)?.scope.districtId ?? grants.find((g) => g.scope.districtId)?.scope.districtId
  if (!id) throw new AppError('FORBIDDEN')
  return id
}
