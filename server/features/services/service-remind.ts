import { inChina } from '../../../src/domain/china-time'
import { quarterKey, quarterLabel, quarterRange } from '../../../src/domain/quarter'
import { collectingQuarter, confirmOverdueBefore, lateQuarter } from '../../../src/domain/service-entry-rules'
import { fitThing } from '../../../src/domain/subscribe-fields'
import { scanAll } from '../../db/read'
import type { TimerContext, TimerEvent } from '../../kernel/timer'
import { remindHolders } from '../../messages/remind-holders'
import type { ServiceHandInDoc } from './handin-doc'

// The daily timer (09:00 China time, cloudfunctions/services/config.json):
// in a quarter's last 7 days every liaison is reminded to collect; 15 days
// after a quarter's end, the liaisons of units with entries still not handed
// in are reminded it is late; a hand-in waiting over 7 days reminds the
// community's staff. Each message has a key naming what it is about, so a
// reminder goes once however many days the condition holds.

export interface ServiceRemindReport {
  collect: number
  late: number
  confirm: number
}

const dateText = (date: Date) => inChina(date).format('YYYY-MM-DD')
const minuteText = (date: Date) => inChina(date).format('YYYY-MM-DD HH:mm')

export async function remindServices(event: TimerEvent, ctx: TimerContext): Promise<ServiceRemindReport> {
  const { db } = ctx
  const _ = db.command
  const due = new Date(event.Time)
  const runAt = Number.isNaN(due.getTime()) ? ctx.now() : due
  const report: ServiceRemindReport = { collect: 0, late: 0, confirm: 0 }

  const collecting = collectingQuarter(runAt)
  if (collecting) {
    const end = new Date(quarterRange(collecting).to.getTime() - 1)
    report.collect = await remindHolders(ctx, { role: 'liaison', scope: 'unitId', ids: null }, (unitId, openid) => ({
      kind: 'serviceCollect',
      touser: openid,
      key: `serviceCollect:${quarterKey(collecting)}:${unitId}:${openid}`,
      values: { item: fitThing(`收集${quarterLabel(collecting)}服务清单`), deadline: dateText(end), note: '季度结束后请核对并上交社区' },
      page: 'packages/unit/services/index',
    }))
  }

  const late = lateQuarter(runAt)
  if (late) {
    const grouped = (await db
      .collection('serviceEntries')
      .aggregate()
      .match({ year: late.year, quarter: late.quarter, status: _.in(['draft', 'returned']) })
      .group({ _id: { u: '$unitId', c: '$communityId' } })
      .limit(10_000)
      .end()) as { list: Array<{ _id: { u: string; c: string } }> }
    const perUnit = new Map<string, number>()
    for (const row of grouped.list) perUnit.set(row._id.u, (perUnit.get(row._id.u) ?? 0) + 1)
    report.late = await remindHolders(ctx, { role: 'liaison', scope: 'unitId', ids: [...perUnit.keys()] }, (unitId, openid) => ({
      kind: 'serviceLate',
      touser: openid,
      key: `serviceLate:${quarterKey(late)}:${unitId}:${openid}`,
      values: { item: fitThing(`${quarterLabel(late)}服务清单未上交`), count: String(perUnit.get(unitId)), note: '请尽快核对并上交社区' },
      page: 'packages/unit/services/index',
    }))
  }

  const waiting = await scanAll<ServiceHandInDoc>(db, 'serviceHandIns', { status: 'waiting', waitingSince: _.lte(confirmOverdueBefore(runAt)) })
  const byCommunity = new Map<string, ServiceHandInDoc[]>()
  for (const h of waiting) byCommunity.set(h.communityId, [...(byCommunity.get(h.communityId) ?? []), h])
  report.confirm = await remindHolders(ctx, { role: 'staff', scope: 'communityId', ids: [...byCommunity.keys()] }, (communityId, openid) =>
    byCommunity.get(communityId)!.map((h) => ({
      kind: 'serviceConfirm' as const,
      touser: openid,
      key: `serviceConfirm:${h._id}:${h.waitingSince!.toISOString()}:${openid}`,
      values: { unit: fitThing(h.unitName), item: '服务清单等待社区确认', time: minuteText(h.waitingSince!) },
      page: 'packages/staff/services/index',
    })),
  )
  return report
}
