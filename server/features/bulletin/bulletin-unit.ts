import { authorize } from '../../../src/domain/access'
import type { BulletinPreview, DistrictBulletin, SubmittedBulletin } from '../../../src/domain/contracts/bulletin.contract'
import { AppError } from '../../../src/domain/errors'
import { submitOpen, submitOpensAt, type HalfRef } from '../../../src/domain/half-year'
import type { KnownContext } from '../../kernel/function-def'
import { findById, loadUnit, unitScope } from '../../db/load'
import { findInTransaction, inTransaction } from '../../db/transaction'
import { isYearClosed, assertYearOpen } from '../../db/year-close'
import { districtBulletinId, districtView, submittedView, unitBulletinId, type DistrictBulletinDoc, type UnitBulletinDoc } from './bulletin-docs'
import { generateFigures } from './bulletin-figures'

// The unit's side of the 每半年通报 (bulletin.unit: its secretary or liaison,
// own unit only): preview the half's bulletin as the records give it now,
// submit it with a note (a snapshot, replaced by a resubmission until the
// year is closed), and read the district's published bulletin.

interface UnitHalf extends HalfRef {
  unitId: string
}

async function ownUnit(ctx: KnownContext, unitId: string) {
  const unit = await loadUnit(ctx.db, unitId)
  authorize(ctx.principal, 'bulletin.unit', unitScope(unit))
  return unit
}

export async function previewBulletin(ctx: KnownContext, input: UnitHalf): Promise<BulletinPreview> {
  const unit = await ownUnit(ctx, input.unitId)
  const now = ctx.now()
  const [figures, submitted, yearClosed] = await Promise.all([
    generateFigures(ctx.db, unit, input, now),
    findById<UnitBulletinDoc>(ctx.db, 'bulletins', unitBulletinId(unit._id, input)),
    isYearClosed(ctx.db, unit.districtId, input.year),
  ])
  return {
    figures,
    submitted: submitted ? submittedView(submitted) : null,
    yearClosed,
    opensAt: submitOpensAt(input).toISOString(),
    canSubmit: !yearClosed && submitOpen(input, now),
  }
}

export async function submitBulletin(ctx: KnownContext, input: UnitHalf & { note: string }): Promise<SubmittedBulletin> {
  const unit = await ownUnit(ctx, input.unitId)
  const now = ctx.now()
  if (!submitOpen(input, now)) throw new AppError('BULLETIN_NOT_OPEN')
  await assertYearOpen(ctx.db, unit.districtId, input.year)
  const figures = await generateFigures(ctx.db, unit, input, now)
  const id = unitBulletinId(unit._id, input)
  // In a transaction: two submissions at once (secretary and liaison) count as two.
  const doc = await inTransaction(ctx.db, async (t) => {
    const before = await findInTransaction<UnitBulletinDoc>(t, 'bulletins', id)
    const data: Omit<UnitBulletinDoc, '_id'> = {
      kind: 'unit',
      unitId: unit._id,
      districtId: unit.districtId,
      year: input.year,
      half: input.half,
      figures,
      note: input.note,
      submittedAt: now,
      submittedBy: ctx.principal.name,
      submittedById: ctx.principal.userId,
      submitCount: (before?.submitCount ?? 0) + 1,
    }
    await t.collection('bulletins').doc(id).set({ data })
    return { _id: id, ...data }
  })
  return submittedView(doc)
}

export async function publishedForUnit(ctx: KnownContext, input: UnitHalf): Promise<DistrictBulletin | null> {
  const unit = await ownUnit(ctx, input.unitId)
  const doc = await findById<DistrictBulletinDoc>(ctx.db, 'bulletins', districtBulletinId(unit.districtId, input))
  return doc ? districtView(doc) : null
}
