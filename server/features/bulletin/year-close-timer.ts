import { autoCloseDue, DEFAULT_CLOSE_DATE } from '../../../src/domain/year-close-rule'
import type { AuditDoc } from '../../audit/audit-log'
import type { TimerContext } from '../../kernel/timer'
import type { DistrictDoc } from '../../db/docs'
import { newId } from '../../db/new-id'
import { scanAll } from '../../db/read'
import type { YearCloseDoc } from '../../db/year-close'
import type { CloseDateDoc } from './bulletin-docs'
import { closeYearOnce } from './year-close-actions'

// The daily timer's first job (cloudfunctions/bulletin/config.json, 02:00
// China time): close the previous year for every district whose closing date
// (meta yearCloseDate, 1月31日 unless set) has come and which has not closed
// it. Three reads whatever the number of districts (one page per 1,000),
// then one transaction and one audit entry per district it closes.

export interface AutoCloseReport {
  year: number
  closed: string[]
}

export async function autoCloseYears(ctx: TimerContext): Promise<AutoCloseReport> {
  const now = ctx.now()
  const year = autoCloseDue(now, DEFAULT_CLOSE_DATE).year
  const [districts, dates, closes] = await Promise.all([
    scanAll<DistrictDoc>(ctx.db, 'districts', {}, { fields: { name: true } }),
    scanAll<CloseDateDoc>(ctx.db, 'meta', { kind: 'yearCloseDate' }),
    scanAll<YearCloseDoc>(ctx.db, 'yearCloses', { year }, { fields: { districtId: true } }),
  ])
  const dateOf = new Map(dates.map((d) => [d.districtId, { month: d.month, day: d.day }]))
  const closed = new Set(closes.map((c) => c.districtId))
  const report: AutoCloseReport = { year, closed: [] }
  for (const district of districts) {
    if (closed.has(district._id) || !autoCloseDue(now, dateOf.get(district._id) ?? DEFAULT_CLOSE_DATE).due) continue
    const { newlyClosed } = await closeYearOnce(ctx.db, district._id, year, { id: 'timer', name: '定时任务' }, now)
    if (!newlyClosed) continue
    report.closed.push(district._id)
    const entry: Omit<AuditDoc, '_id'> = {
      action: 'year.closed',
      actor: { userId: null, openid: '', name: '定时任务' },
      target: { districtId: district._id },
      details: { year },
      origin: { source: 'timer', ip: '' },
      at: now,
    }
    await ctx.db.collection('audit').doc(newId('audit')).set({ data: entry })
  }
  return report
}
