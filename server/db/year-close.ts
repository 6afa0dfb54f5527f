import { AppError } from '../../src/domain/errors'
import type { Database } from '../kernel/database'
import { findById } from './load'

// A district's closed years (issue 11 §9). After 12月31日 the district closes
// a year (or the bulletin function's timer does on the set date); from then
// on the year's evaluations, 反馈卡, bulletins and handed-in 服务清单 are read
// only. One document per district and year, `_id` = yearCloseId(): a write
// checks it with one read by id.

export interface YearCloseDoc {
  _id: string
  districtId: string
  year: number
  closedAt: Date
  /** The user who closed it, or 'timer'. */
  closedBy: string
  /** The closer's name as shown (the district admin's, or 定时任务), kept with the id. */
  closedByName?: string
}

export function yearCloseId(districtId: string, year: number): string {
  return `${districtId}:${year}`
}

export async function isYearClosed(db: Database, districtId: string, year: number): Promise<boolean> {
  return (await findById<YearCloseDoc>(db, 'yearCloses', yearCloseId(districtId, year))) !== undefined
}

/** Throws YEAR_CLOSED when the district has closed the year; every write of issue 11 calls it before writing. */
export async function assertYearOpen(db: Database, districtId: string, year: number): Promise<void> {
  if (await isYearClosed(db, districtId, year)) throw new AppError('YEAR_CLOSED')
}
