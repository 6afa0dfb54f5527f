import { authorize } from '../../../src/domain/access'
import type { DistrictRow, DistrictStats } from '../../../src/domain/contracts/stats.contract'
import { AppError } from '../../../src/domain/errors'
import { reportRate } from '../../../src/domain/report-rate'
import { inChina } from '../../../src/domain/china-time'
import { yearEnded } from '../../../src/domain/unit-year-flag'
import { countsFrom, type TallyCounts } from '../../../src/domain/unit-tally'
import type { KnownContext } from '../../kernel/function-def'
import type { DistrictDoc } from '../../db/docs'
import { findById, loadStreet, notFound } from '../../db/load'
import { scanAll } from '../../db/read'
import { fieldKey, type UnitTallyDoc } from '../../db/unit-tallies'

// Report rates per unit for the organisation departments, from the units'
// tallies (server/db/unit-tallies.ts): one page per 1,000 units, whatever the
// number of members.
//  - 区委组织部 (districtAdmin): every unit of the district, all its members
//    (by unit membership: a unit's members may live in another district).
//  - 街道 (streetAdmin), or the district narrowed to a street: units are
//    district bodies and belong to no street, so a street sees, per unit, the
//    members who LIVE in its communities and how many of them reported. That
//    is what a street can act on (its communities receive these members).

function row(unitId: string, unitName: string, t: TallyCounts): DistrictRow {
  const r = reportRate(t.reported, t.memberTotal)
  return { unitId, unitName, memberTotal: t.memberTotal, reported: t.reported, rate: r.rate, belowThreshold: r.belowThreshold }
}

// One collator for the whole sort: localeCompare(…, 'zh-CN') builds one per comparison.
const byName = new Intl.Collator('zh-CN')

function table(scopeName: string, list: DistrictRow[]): DistrictStats {
  list.sort((a, b) => a.rate - b.rate || byName.compare(a.unitName, b.unitName))
  const memberTotal = list.reduce((n, r) => n + r.memberTotal, 0)
  const reported = list.reduce((n, r) => n + r.reported, 0)
  return { scopeName, rows: list, totals: { memberTotal, reported, rate: reportRate(reported, memberTotal).rate } }
}

async function streetStats(ctx: KnownContext, streetId: string): Promise<DistrictStats> {
  const street = await loadStreet(ctx.db, streetId)
  authorize(ctx.principal, 'district.stats', { streetId: street._id, districtId: street.districtId })
  const key = fieldKey(street._id)
  const tallies = await scanAll<UnitTallyDoc>(ctx.db, 'unitTallies', { [`streets.${key}.memberTotal`]: ctx.db.command.gt(0) }, { fields: { unitName: true, [`streets.${key}`]: true } })
  return table(street.name, tallies.map((t) => row(t._id, t.unitName, countsFrom(t.streets[key]))))
}

async function wholeDistrict(ctx: KnownContext, districtId: string): Promise<DistrictStats> {
  const district = await findById<DistrictDoc>(ctx.db, 'districts', districtId)
  if (!district) throw notFound('区')
  authorize(ctx.principal, 'district.stats', { districtId: district._id })
  const fields = { unitName: true, memberTotal: true, reported: true }
  const tallies = await scanAll<UnitTallyDoc>(ctx.db, 'unitTallies', { districtId: district._id }, { fields })
  return table(district.name, tallies.map((t) => row(t._id, t.unitName, countsFrom(t))))
}

export async function districtStats(ctx: KnownContext, streetId: string | undefined): Promise<DistrictStats> {
  const stats = await districtOrStreetStats(ctx, streetId)
  // The tallies are the rate now: the flag applies to the current year from 12月 (issue 11 §7).
  return yearEnded(inChina(ctx.now()).year(), ctx.now()) ? { ...stats, yearEnd: true } : stats
}

async function districtOrStreetStats(ctx: KnownContext, streetId: string | undefined): Promise<DistrictStats> {
  if (streetId) return streetStats(ctx, streetId)
  const grants = ctx.principal.grants
  const district = grants.find((g) => g.role === 'districtAdmin' && g.scope.districtId)
  if (district) return wholeDistrict(ctx, district.scope.districtId!)
  const street = grants.find((g) => g.role === 'streetAdmin' && g.scope.streetId)
  if (street) return streetStats(ctx, street.scope.streetId!)
  throw new AppError('FORBIDDEN')
}
