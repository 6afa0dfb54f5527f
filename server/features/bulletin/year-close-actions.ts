import { authorize } from '../../../src/domain/access'
import type { YearStatus, YearsView } from '../../../src/domain/contracts/bulletin.contract'
import { inChina } from '../../../src/domain/china-time'
import { AppError } from '../../../src/domain/errors'
import { autoCloseAt, canCloseYear, closeDateLabel, DEFAULT_CLOSE_DATE, isValidCloseDate, type CloseDate } from '../../../src/domain/year-close-rule'
import { writeAudit } from '../../audit/audit-log'
import type { KnownContext } from '../../kernel/function-def'
import type { Database } from '../../kernel/database'
import { findById } from '../../db/load'
import { scanAll } from '../../db/read'
import { findInTransaction, inTransaction } from '../../db/transaction'
import { yearCloseId, type YearCloseDoc } from '../../db/year-close'
import { closeDateId, type CloseDateDoc } from './bulletin-docs'
import { callerDistrictId } from './bulletin-scope'

// Closing a year (issue 11 §9). The district admin closes year Y after
// 12月31日 (China time); closing is final, and closing again reports the first
// close. Every write of issue 11 to that year then refuses with YEAR_CLOSED
// (server/db/year-close.ts assertYearOpen). The district also sets the date
// the daily timer closes the previous year on (year-close-timer.ts).

/** How many years the 年度关账 page lists, the current one included. */
export const YEARS_LISTED = 5

export function statusOf(year: number, doc: YearCloseDoc | undefined | null): YearStatus {
  return { year, closed: !!doc, closedAt: doc ? doc.closedAt.toISOString() : null, closedBy: doc ? (doc.closedByName ?? (doc.closedBy === 'timer' ? '定时任务' : doc.closedBy)) : null }
}

export async function closeDateOf(db: Database, districtId: string): Promise<CloseDate> {
  const doc = await findById<CloseDateDoc>(db, 'meta', closeDateId(districtId))
  return doc ? { month: doc.month, day: doc.day } : DEFAULT_CLOSE_DATE
}

export async function yearStatus(ctx: KnownContext, year: number): Promise<YearStatus> {
  const districtId = callerDistrictId(ctx)
  return statusOf(year, await findById<YearCloseDoc>(ctx.db, 'yearCloses', yearCloseId(districtId, year)))
}

function adminDistrict(ctx: KnownContext): string {
  const districtId = callerDistrictId(ctx)
  authorize(ctx.principal, 'year.close', { districtId })
  return districtId
}

export async function listYears(ctx: KnownContext): Promise<YearsView> {
  const districtId = adminDistrict(ctx)
  const now = ctx.now()
  const [closes, closeDate] = await Promise.all([scanAll<YearCloseDoc>(ctx.db, 'yearCloses', { districtId }), closeDateOf(ctx.db, districtId)])
  const byYear = new Map(closes.map((c) => [c.year, c]))
  const current = inChina(now).year()
  const years = Array.from({ length: YEARS_LISTED }, (_, i) => current - i).map((year) => {
    const status = statusOf(year, byYear.get(year))
    return { ...status, closable: !status.closed && canCloseYear(year, now), autoCloseAt: autoCloseAt(year, closeDate).toISOString() }
  })
  return { years, closeDate }
}

/** Writes the year's close once; answers the first close when there is one. */
export async function closeYearOnce(db: Database, districtId: string, year: number, by: { id: string; name: string }, now: Date): Promise<{ doc: YearCloseDoc; newlyClosed: boolean }> {
  const id = yearCloseId(districtId, year)
  return inTransaction(db, async (t) => {
    const before = await findInTransaction<YearCloseDoc>(t, 'yearCloses', id)
    if (before) return { doc: { ...before, _id: id }, newlyClosed: false }
    const data: Omit<YearCloseDoc, '_id'> = { districtId, year, closedAt: now, closedBy: by.id, closedByName: by.name }
    await t.collection('yearCloses').doc(id).set({ data })
    return { doc: { _id: id, ...data }, newlyClosed: true }
  })
}

export async function closeYear(ctx: KnownContext, year: number) {
  const districtId = adminDistrict(ctx)
  const now = ctx.now()
  if (!canCloseYear(year, now)) throw new AppError('YEAR_NOT_ENDED')
  const { doc, newlyClosed } = await closeYearOnce(ctx.db, districtId, year, { id: ctx.principal.userId, name: ctx.principal.name }, now)
  if (newlyClosed) await writeAudit(ctx, 'year.closed', { districtId }, { year })
  return { ...statusOf(year, doc), newlyClosed }
}

export async function setCloseDate(ctx: KnownContext, input: CloseDate): Promise<CloseDate> {
  const districtId = adminDistrict(ctx)
  if (!isValidCloseDate(input)) throw new AppError('CLOSE_DATE_INVALID')
  const data: Omit<CloseDateDoc, '_id'> = { kind: 'yearCloseDate', districtId, month: input.month, day: input.day, updatedAt: ctx.now(), updatedBy: ctx.principal.userId }
  await ctx.db.collection('meta').doc(closeDateId(districtId)).set({ data })
  await writeAudit(ctx, 'year.closeDateSet', { districtId }, { closeDate: closeDateLabel(input) })
  return { month: input.month, day: input.day }
}
