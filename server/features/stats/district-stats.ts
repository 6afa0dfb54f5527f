import { authorize } from '../../../src/domain/access'
import type { DistrictRow, DistrictStats } from '../../../src/domain/contracts/stats.contract'
import { AppError } from '../../../src/domain/errors'
import { reportRate } from '../../../src/domain/report-rate'
import type { KnownContext } from '../../kernel/function-def'
import type { DistrictDoc, UnitDoc } from '../../db/docs'
import { loadStreet } from '../../db/load'
import { namesOf } from '../../db/names'
import { getRows, scanAll } from '../../db/read'
import { tallyByUnit, type Tally } from './unit-tally'

// Report rates per unit for the organisation departments.
//  - 区委组织部 (districtAdmin): every unit of the district, all its members.
//  - 街道 (streetAdmin), or the district narrowed to a street: units are
//    district bodies and belong to no street, so a street sees, per unit, the
//    members who LIVE in its communities and how many of them reported. That
//    is what a street can act on (its communities receive these members).

async function districtOf(ctx: KnownContext, districtId: string): Promise<DistrictDoc> {
  const [district] = await getRows<DistrictDoc>(ctx.db.collection('districts').where({ _id: districtId }).limit(1))
  if (!district) throw new AppError('NOT_FOUND', '区不存在')
  return district
}

function rows(tallies: Map<string, Tally>, units: Map<string, string>, unitIds: readonly string[]): DistrictRow[] {
  return unitIds
    .map((unitId) => {
      const t = tallies.get(unitId) ?? { memberTotal: 0, reported: 0 }
      const r = reportRate(t.reported, t.memberTotal)
      return { unitId, unitName: units.get(unitId) ?? '', memberTotal: t.memberTotal, reported: t.reported, rate: r.rate, belowThreshold: r.belowThreshold }
    })
    .sort((a, b) => a.rate - b.rate || a.unitName.localeCompare(b.unitName, 'zh-CN'))
}

function totals(list: DistrictRow[]): DistrictStats['totals'] {
  const memberTotal = list.reduce((n, r) => n + r.memberTotal, 0)
  const reported = list.reduce((n, r) => n + r.reported, 0)
  return { memberTotal, reported, rate: reportRate(reported, memberTotal).rate }
}

async function streetStats(ctx: KnownContext, streetId: string): Promise<DistrictStats> {
  const street = await loadStreet(ctx.db, streetId)
  authorize(ctx.principal, 'district.stats', { streetId: street._id, districtId: street.districtId })
  const tallies = await tallyByUnit(ctx.db, { streetId: street._id })
  const unitIds = [...tallies.keys()]
  const list = rows(tallies, await namesOf(ctx.db, 'units', unitIds), unitIds)
  return { scopeName: street.name, rows: list, totals: totals(list) }
}

async function wholeDistrict(ctx: KnownContext, districtId: string): Promise<DistrictStats> {
  const district = await districtOf(ctx, districtId)
  authorize(ctx.principal, 'district.stats', { districtId: district._id })
  const units = await scanAll<UnitDoc>(ctx.db, 'units', { districtId: district._id }, { fields: { name: true } })
  // By unit membership, not by where members live: a unit's members may live in
  // another district. 100 unit ids per `in`, like every other id list here.
  const _ = ctx.db.command
  const tallies = new Map<string, Tally>()
  for (let i = 0; i < units.length; i += 100) {
    const chunk = units.slice(i, i + 100).map((u) => u._id)
    for (const [unitId, t] of await tallyByUnit(ctx.db, { unitId: _.in(chunk) })) tallies.set(unitId, t)
  }
  const list = rows(tallies, new Map(units.map((u) => [u._id, u.name])), units.map((u) => u._id))
  return { scopeName: district.name, rows: list, totals: totals(list) }
}

export async function districtStats(ctx: KnownContext, streetId: string | undefined): Promise<DistrictStats> {
  if (streetId) return streetStats(ctx, streetId)
  const grants = ctx.principal.grants
  const district = grants.find((g) => g.role === 'districtAdmin' && g.scope.districtId)
  if (district) return wholeDistrict(ctx, district.scope.districtId!)
  const street = grants.find((g) => g.role === 'streetAdmin' && g.scope.streetId)
  if (street) return streetStats(ctx, street.scope.streetId!)
  throw new AppError('FORBIDDEN')
}
