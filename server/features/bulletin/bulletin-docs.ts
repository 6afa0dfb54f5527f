import type { BulletinFigures, DistrictBulletin, SubmittedBulletin } from '../../../src/domain/contracts/bulletin.contract'
import { halfKey, type HalfRef } from '../../../src/domain/half-year'
import type { CloseDate } from '../../../src/domain/year-close-rule'

// What the `bulletins` collection holds: one unit's submitted 半年通报 per
// half (`${unitId}:${year}H${half}`, replaced on resubmission) and the
// district's published bulletin per half (`district:${districtId}:${year}H${half}`).
// Both are snapshots: later records do not change what was submitted.

export interface UnitBulletinDoc {
  _id: string
  kind: 'unit'
  unitId: string
  districtId: string
  year: number
  half: 1 | 2
  figures: BulletinFigures
  note: string
  submittedAt: Date
  /** The submitter's name and user id. */
  submittedBy: string
  submittedById: string
  submitCount: number
}

export interface DistrictBulletinDoc {
  _id: string
  kind: 'district'
  districtId: string
  districtName: string
  year: number
  half: 1 | 2
  asOf: Date
  rows: DistrictBulletin['rows']
  aboveLine: number
  totals: DistrictBulletin['totals']
  publishedAt: Date
  publishedBy: string
  publishCount: number
}

export function unitBulletinId(unitId: string, ref: HalfRef): string {
  return `${unitId}:${halfKey(ref)}`
}

export function districtBulletinId(districtId: string, ref: HalfRef): string {
  return `district:${districtId}:${halfKey(ref)}`
}

export function submittedView(doc: UnitBulletinDoc): SubmittedBulletin {
  return { bulletinId: doc._id, figures: doc.figures, note: doc.note, submittedAt: doc.submittedAt.toISOString(), submittedBy: doc.submittedBy, submitCount: doc.submitCount }
}

export function districtView(doc: DistrictBulletinDoc): DistrictBulletin {
  return {
    bulletinId: doc._id,
    districtId: doc.districtId,
    districtName: doc.districtName,
    year: doc.year,
    half: doc.half,
    asOf: doc.asOf.toISOString(),
    rows: doc.rows,
    aboveLine: doc.aboveLine,
    totals: doc.totals,
    publishedAt: doc.publishedAt.toISOString(),
    publishedBy: doc.publishedBy,
    publishCount: doc.publishCount,
  }
}

/**
 * The district's auto-close date, in `meta` (one small document per district,
 * read by id): absent means the default, 1月31日.
 */
export interface CloseDateDoc extends CloseDate {
  _id: string
  kind: 'yearCloseDate'
  districtId: string
  updatedAt: Date
  updatedBy: string
}

export function closeDateId(districtId: string): string {
  return `yearCloseDate:${districtId}`
}
