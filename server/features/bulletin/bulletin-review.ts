import type { BulletinReview, SubmittedBulletin } from '../../../src/domain/contracts/bulletin.contract'
import { AppError } from '../../../src/domain/errors'
import { compareChinese } from '../../../src/domain/chinese-order'
import { submitOpensAt, type HalfRef } from '../../../src/domain/half-year'
import { reportRate } from '../../../src/domain/report-rate'
import type { KnownContext } from '../../kernel/function-def'
import { findById, loadUnit } from '../../db/load'
import { scanAll } from '../../db/read'
import { isYearClosed } from '../../db/year-close'
import { districtBulletinId, districtView, submittedView, unitBulletinId, type DistrictBulletinDoc, type UnitBulletinDoc } from './bulletin-docs'
import { authorizeUnitReview, reviewScope } from './bulletin-scope'

// The street's and district's view of a half (bulletin.review): which units
// of their scope submitted, which have not, each unit's rate (the submitted
// bulletin's, else the unit's tally now), and the district's published
// bulletin. A few requests at any size: the scope's tallies, the half's
// bulletins of the district, the published one, the year's state.

export async function reviewHalf(ctx: KnownContext, input: HalfRef & { streetId?: string }): Promise<BulletinReview> {
  const scope = await reviewScope(ctx, input.streetId)
  const [submitted, published, yearClosed] = await Promise.all([
    scanAll<UnitBulletinDoc>(
      ctx.db,
      'bulletins',
      { kind: 'unit', districtId: scope.districtId, year: input.year, half: input.half },
      { fields: { unitId: true, submittedAt: true, submitCount: true, 'figures.rate': true, 'figures.belowThreshold': true } },
    ),
    findById<DistrictBulletinDoc>(ctx.db, 'bulletins', districtBulletinId(scope.districtId, input)),
    isYearClosed(ctx.db, scope.districtId, input.year),
  ])
  const byUnit = new Map(submitted.map((b) => [b.unitId, b]))
  const rows = scope.units.map((u) => {
    const b = byUnit.get(u.unitId)
    if (b) return { unitId: u.unitId, unitName: u.unitName, submitted: true, submittedAt: b.submittedAt.toISOString(), submitCount: b.submitCount, rate: b.figures.rate, belowThreshold: b.figures.belowThreshold, rateSource: 'bulletin' as const }
    const r = reportRate(u.reported, u.memberTotal)
    return { unitId: u.unitId, unitName: u.unitName, submitted: false, submittedAt: null, submitCount: 0, rate: r.rate, belowThreshold: r.belowThreshold, rateSource: 'current' as const }
  })
  // Who has not submitted first: what the reviewer chases.
  rows.sort((a, b) => Number(a.submitted) - Number(b.submitted) || compareChinese(a.unitName, b.unitName))
  const done = rows.filter((r) => r.submitted).length
  return {
    scopeName: scope.scopeName,
    year: input.year,
    half: input.half,
    rows,
    submitted: done,
    notSubmitted: rows.length - done,
    published: published ? districtView(published) : null,
    yearClosed,
    opensAt: submitOpensAt(input).toISOString(),
  }
}

export async function openSubmitted(ctx: KnownContext, input: HalfRef & { unitId: string }): Promise<SubmittedBulletin> {
  const unit = await loadUnit(ctx.db, input.unitId)
  await authorizeUnitReview(ctx, unit)
  const doc = await findById<UnitBulletinDoc>(ctx.db, 'bulletins', unitBulletinId(unit._id, input))
  if (!doc) throw new AppError('BULLETIN_NOT_SUBMITTED')
  return submittedView(doc)
}
