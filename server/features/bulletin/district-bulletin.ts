import { authorize } from '../../../src/domain/access'
import { aboveLineCount, rankByRate, type UnitRate } from '../../../src/domain/bulletin-ranking'
import type { DistrictBulletin } from '../../../src/domain/contracts/bulletin.contract'
import { AppError } from '../../../src/domain/errors'
import { figuresAsOf, submitOpen, type HalfRef } from '../../../src/domain/half-year'
import { reportRate } from '../../../src/domain/report-rate'
import type { KnownContext } from '../../kernel/function-def'
import type { Database } from '../../kernel/database'
import type { DistrictDoc, UnitDoc } from '../../db/docs'
import { findById, notFound } from '../../db/load'
import { MAX_PAGE, scanAll } from '../../db/read'
import { findInTransaction, inTransaction } from '../../db/transaction'
import { assertYearOpen } from '../../db/year-close'
import { districtBulletinId, districtView, type DistrictBulletinDoc, type UnitBulletinDoc } from './bulletin-docs'
import { membersAt } from './bulletin-figures'
import { callerDistrictId } from './bulletin-scope'

// The district-wide 通报 of a half (bulletin.publish): every unit of the
// district ranked by its report rate as it stood at the half's end (or now,
// while the half is under way) — the same rule as each unit's own bulletin
// (bulletin-figures.ts), grouped by unit in one aggregate per 500 units —
// with the 95% line and whether each unit submitted. Stored as a snapshot,
// replaced by a republication until the year is closed.

const UNITS_PER_AGGREGATE = 500

async function ratesAt(db: Database, unitIds: string[], asOf: Date): Promise<Map<string, { total: number; reported: number }>> {
  const $ = db.command.aggregate
  const rates = new Map<string, { total: number; reported: number }>()
  for (let i = 0; i < unitIds.length; i += UNITS_PER_AGGREGATE) {
    const result = (await membersAt(db, unitIds.slice(i, i + UNITS_PER_AGGREGATE), asOf)
      .group({ _id: '$unitId', total: $.sum(1), reported: $.sum($.cond({ if: $.gt(['$standing', 0]), then: 1, else: 0 })) })
      .sort({ _id: 1 })
      .limit(MAX_PAGE)
      .end()) as { list: Array<{ _id: string; total: number; reported: number }> }
    for (const row of result.list) rates.set(row._id, { total: row.total, reported: row.reported })
  }
  return rates
}

/** The ranking of every unit of the district for the half, as the bulletin stores it (the demo seed writes it the same way). */
export async function composeDistrictBulletin(db: Database, districtId: string, input: HalfRef, now: Date) {
  const asOf = figuresAsOf(input, now)
  const [units, submitted] = await Promise.all([
    scanAll<UnitDoc>(db, 'units', { districtId }, { fields: { name: true } }),
    scanAll<UnitBulletinDoc>(db, 'bulletins', { kind: 'unit', districtId, year: input.year, half: input.half }, { fields: { unitId: true } }),
  ])
  const rates = await ratesAt(db, units.map((u) => u._id), asOf)
  const done = new Set(submitted.map((b) => b.unitId))
  const ranked = rankByRate(units.map((u): UnitRate => ({ unitId: u._id, unitName: u.name, memberTotal: rates.get(u._id)?.total ?? 0, reported: rates.get(u._id)?.reported ?? 0 })))
  const rows = ranked.map((r) => ({ rank: r.rank, unitId: r.unitId, unitName: r.unitName, memberTotal: r.memberTotal, reported: r.reported, rate: r.rate, belowThreshold: r.belowThreshold, submitted: done.has(r.unitId) }))
  const memberTotal = rows.reduce((n, r) => n + r.memberTotal, 0)
  const reported = rows.reduce((n, r) => n + r.reported, 0)
  const totals = { units: rows.length, submitted: rows.filter((r) => r.submitted).length, memberTotal, reported, rate: reportRate(reported, memberTotal).rate }
  return { asOf, rows, aboveLine: aboveLineCount(ranked), totals }
}

export async function publishDistrict(ctx: KnownContext, input: HalfRef): Promise<DistrictBulletin> {
  const districtId = callerDistrictId(ctx)
  const district = await findById<DistrictDoc>(ctx.db, 'districts', districtId)
  if (!district) throw notFound('区')
  authorize(ctx.principal, 'bulletin.publish', { districtId: district._id })
  const now = ctx.now()
  if (!submitOpen(input, now)) throw new AppError('BULLETIN_NOT_OPEN')
  await assertYearOpen(ctx.db, district._id, input.year)

  const { asOf, rows, aboveLine, totals } = await composeDistrictBulletin(ctx.db, district._id, input, now)

  const id = districtBulletinId(district._id, input)
  const doc = await inTransaction(ctx.db, async (t) => {
    const before = await findInTransaction<DistrictBulletinDoc>(t, 'bulletins', id)
    const data: Omit<DistrictBulletinDoc, '_id'> = {
      kind: 'district',
      districtId: district._id,
      districtName: district.name,
      year: input.year,
      half: input.half,
      asOf,
      rows,
      aboveLine,
      totals,
      publishedAt: now,
      publishedBy: ctx.principal.name,
      publishCount: (before?.publishCount ?? 0) + 1,
    }
    await t.collection('bulletins').doc(id).set({ data })
    return { _id: id, ...data }
  })
  return districtView(doc)
}
