import { halfLabel } from '../../src/domain/quarter'
import { chinaDayStart, type HalfRef } from '../../src/domain/half-year'
import type { UnitDoc } from '../../server/db/docs'
import { yearCloseId, type YearCloseDoc } from '../../server/db/year-close'
import type { Database } from '../../server/kernel/database'
import { districtBulletinId, unitBulletinId, type DistrictBulletinDoc, type UnitBulletinDoc } from '../../server/features/bulletin/bulletin-docs'
import { generateFigures } from '../../server/features/bulletin/bulletin-figures'
import { composeDistrictBulletin } from '../../server/features/bulletin/district-bulletin'
import type { DemoData } from './demo-data'

// Demo 半年通报 and a closed year (issue 11 §8, §9), seeded last so that the
// figures come from everything the other seeds wrote (reports, activities,
// 服务清单, 2025's evaluations), by the same generator the function uses:
// 2025 H1 and H2 submitted by most units and the district's bulletins
// published; 2025 closed by the timer on 1月31日 2026; 2026 H1 submitted by
// some units and not yet published (the district can publish it).

const NOTES = [
  '本单位党员报到工作总体顺利。下一步：督促未报到党员一个月内到居住地社区报到，组织结对社区活动。',
  '已对未报到党员逐一谈话提醒。下一步：结合主题党日组织党员进社区服务，按季度报送服务清单。',
  '部分党员因出差未能参加社区活动。下一步：合理安排时间，确保每人全年参加社区活动不少于2次。',
]

interface Plan {
  ref: HalfRef
  /** When the units submitted (China time) and the district published (null: not yet). */
  submittedAt: Date
  publishedAt: Date | null
  /** Units (by position) that did not submit. */
  skip: (i: number) => boolean
}

const china = (year: number, month: number, day: number, hour: number) => new Date(chinaDayStart(year, month, day).getTime() + hour * 3600_000)

const PLANS: Plan[] = [
  { ref: { year: 2025, half: 1 }, submittedAt: china(2025, 6, 26, 10), publishedAt: china(2025, 7, 8, 9), skip: (i) => i % 9 === 4 },
  { ref: { year: 2025, half: 2 }, submittedAt: china(2025, 12, 26, 10), publishedAt: china(2026, 1, 12, 9), skip: (i) => i % 10 === 7 },
  { ref: { year: 2026, half: 1 }, submittedAt: china(2026, 6, 28, 10), publishedAt: null, skip: (i) => i % 3 === 2 },
]

export async function seedDemoBulletins(db: Database, data: DemoData): Promise<void> {
  const district = data.districts[0]!
  const secretaries = new Map(data.users.filter((u) => u.grants.some((g) => g.role === 'secretary')).map((u) => [u.grants[0]!.scope.unitId!, u]))
  for (const plan of PLANS) {
    for (const [i, unit] of (data.units as UnitDoc[]).entries()) {
      if (plan.skip(i)) continue
      const by = secretaries.get(unit._id)
      const doc: Omit<UnitBulletinDoc, '_id'> = {
        kind: 'unit',
        unitId: unit._id,
        districtId: unit.districtId,
        year: plan.ref.year,
        half: plan.ref.half,
        figures: await generateFigures(db, unit, plan.ref, plan.submittedAt),
        note: `${halfLabel(plan.ref.year, plan.ref.half)}：${NOTES[i % NOTES.length]}`,
        submittedAt: plan.submittedAt,
        submittedBy: by?.name ?? '单位书记',
        submittedById: by?._id ?? '',
        submitCount: 1 + (i % 4 === 0 ? 1 : 0),
      }
      await db.collection('bulletins').doc(unitBulletinId(unit._id, plan.ref)).set({ data: doc })
    }
    if (!plan.publishedAt) continue
    const composed = await composeDistrictBulletin(db, district._id, plan.ref, plan.publishedAt)
    const published: Omit<DistrictBulletinDoc, '_id'> = { kind: 'district', districtId: district._id, districtName: district.name, year: plan.ref.year, half: plan.ref.half, ...composed, publishedAt: plan.publishedAt, publishedBy: '区委组织部', publishCount: 1 }
    await db.collection('bulletins').doc(districtBulletinId(district._id, plan.ref)).set({ data: published })
  }
  // 2025 closed by the daily timer on the default date.
  const closedAt = china(2026, 1, 31, 2)
  const close: Omit<YearCloseDoc, '_id'> = { districtId: district._id, year: 2025, closedAt, closedBy: 'timer', closedByName: '定时任务' }
  await db.collection('yearCloses').doc(yearCloseId(district._id, 2025)).set({ data: close })
  await db.collection('audit').doc('audit-demo-year-close-2025').set({
    data: { action: 'year.closed', actor: { userId: null, openid: '', name: '定时任务' }, target: { districtId: district._id }, details: { year: 2025 }, origin: { source: 'timer', ip: '' }, at: closedAt },
  })
}
