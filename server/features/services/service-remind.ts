import { inChina } from '../../../src/domain/china-time'
import { quarterKey, quarterLabel, quarterRange, type QuarterRef } from '../../../src/domain/quarter'
import { collectingQuarter, confirmOverdueBefore, lateQuarter } from '../../../src/domain/service-entry-rules'
import { fitThing } from '../../../src/domain/subscribe-fields'
import { findById } from '../../db/load'
import { scanAll } from '../../db/read'
import type { Database } from '../../kernel/database'
import type { TimerContext, TimerEvent } from '../../kernel/timer'
import { remindHolders } from '../../messages/remind-holders'
import type { ServiceHandInDoc } from './handin-doc'

// The daily timer (09:00 China time, cloudfunctions/services/config.json):
// in a quarter's last 7 days every liaison is reminded to collect and every
// community's staff that hand-ins are coming; 15 days after a quarter's end,
// each unit × community where the unit's members reported (or filed entries)
// and no hand-in of the quarter exists is late: its liaisons and the
// community's staff are reminded, a capped number of pairs per run (a cursor
// in meta carries on the next day); a hand-in waiting over 7 days reminds the
// community's staff. Each message has a key naming what it is about, so a
// reminder goes once however many days the condition holds.

export interface ServiceRemindReport {
  collect: number
  late: number
  confirm: number
}

const dateText = (date: Date) => inChina(date).format('YYYY-MM-DD')
const minuteText = (date: Date) => inChina(date).format('YYYY-MM-DD HH:mm')

/** Late unit × community pairs handled per run (each costs a few message writes): the function stays inside its timeout. */
export const LATE_PAIRS_PER_RUN = 200
/** meta document: the late quarter being worked through and the last pair reminded. */
export const LATE_CURSOR_ID = 'serviceLateCursor'

interface LateCursorDoc {
  _id: string
  kind: 'serviceLateCursor'
  quarter: string
  after: string
}

type Pair = { u: string; c: string }
const pairKey = (p: Pair) => `${p.u}|${p.c}`

/**
 * The unit × community pairs late for `late`, from where the cursor stopped:
 * where the unit's members reported now, or its entries of the quarter are
 * still open (members moved since), minus those with a hand-in of the quarter.
 * A unit whose members wrote nothing is late too.
 */
async function latePairs(db: Database, late: QuarterRef, after: string): Promise<Pair[]> {
  const _ = db.command
  const [reported, written, handIns] = await Promise.all([
    db.collection('members').aggregate().match({ 'report.communityId': _.exists(true) }).group({ _id: { u: '$unitId', c: '$report.communityId' } }).limit(100_000).end() as Promise<{ list: Array<{ _id: Pair }> }>,
    db
      .collection('serviceEntries')
      .aggregate()
      .match({ year: late.year, quarter: late.quarter, status: _.in(['draft', 'returned']) })
      .group({ _id: { u: '$unitId', c: '$communityId' } })
      .limit(100_000)
      .end() as Promise<{ list: Array<{ _id: Pair }> }>,
    scanAll<ServiceHandInDoc>(db, 'serviceHandIns', { year: late.year, [`quarters.${late.quarter}`]: _.exists(true) }, { fields: { unitId: true, communityId: true } }),
  ])
  const handed = new Set(handIns.map((h) => pairKey({ u: h.unitId, c: h.communityId })))
  const pairs = new Map<string, Pair>()
  for (const row of [...reported.list, ...written.list]) if (row._id.u && row._id.c && !handed.has(pairKey(row._id))) pairs.set(pairKey(row._id), row._id)
  return [...pairs.entries()]
    .filter(([key]) => key > after)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([, p]) => p)
}

export async function remindServices(event: TimerEvent, ctx: TimerContext): Promise<ServiceRemindReport> {
  const { db } = ctx
  const _ = db.command
  const due = new Date(event.Time)
  const runAt = Number.isNaN(due.getTime()) ? ctx.now() : due
  const report: ServiceRemindReport = { collect: 0, late: 0, confirm: 0 }

  const collecting = collectingQuarter(runAt)
  if (collecting) {
    const end = new Date(quarterRange(collecting).to.getTime() - 1)
    report.collect += await remindHolders(ctx, { role: 'liaison', scope: 'unitId', ids: null }, (unitId, openid) => ({
      kind: 'serviceCollect',
      touser: openid,
      key: `serviceCollect:${quarterKey(collecting)}:${unitId}:${openid}`,
      values: { item: fitThing(`收集${quarterLabel(collecting)}服务清单`), deadline: dateText(end), note: '季度结束后请核对并上交社区' },
      page: 'packages/unit/services/index',
    }))
    // The community's side: hand-ins arrive once the quarter ends, to be confirmed within CONFIRM_WITHIN_DAYS.
    report.collect += await remindHolders(ctx, { role: 'staff', scope: 'communityId', ids: null }, (communityId, openid) => ({
      kind: 'serviceCollect',
      touser: openid,
      key: `serviceCollect:${quarterKey(collecting)}:${communityId}:${openid}`,
      values: { item: fitThing(`${quarterLabel(collecting)}服务清单即将上交`), deadline: dateText(end), note: '季度结束后各单位上交，请及时确认' },
      page: 'packages/staff/services/index',
    }))
  }

  const late = lateQuarter(runAt)
  if (late) {
    const cursor = await findById<LateCursorDoc>(db, 'meta', LATE_CURSOR_ID)
    const after = cursor?.quarter === quarterKey(late) ? cursor.after : ''
    const batch = (await latePairs(db, late, after)).slice(0, LATE_PAIRS_PER_RUN)
    if (batch.length > 0) {
      const perUnit = new Map<string, number>()
      const perCommunity = new Map<string, number>()
      for (const p of batch) {
        perUnit.set(p.u, (perUnit.get(p.u) ?? 0) + 1)
        perCommunity.set(p.c, (perCommunity.get(p.c) ?? 0) + 1)
      }
      report.late += await remindHolders(ctx, { role: 'liaison', scope: 'unitId', ids: [...perUnit.keys()] }, (unitId, openid) => ({
        kind: 'serviceLate',
        touser: openid,
        key: `serviceLate:${quarterKey(late)}:${unitId}:${openid}`,
        values: { item: fitThing(`${quarterLabel(late)}服务清单未上交`), count: String(perUnit.get(unitId)), note: '请尽快核对并上交社区' },
        page: 'packages/unit/services/index',
      }))
      // The community's staff hear which quarter some units have not handed in (count: how many units).
      report.late += await remindHolders(ctx, { role: 'staff', scope: 'communityId', ids: [...perCommunity.keys()] }, (communityId, openid) => ({
        kind: 'serviceLate',
        touser: openid,
        key: `serviceLate:${quarterKey(late)}:${communityId}:${openid}`,
        values: { item: fitThing(`${quarterLabel(late)}有单位未上交服务清单`), count: String(perCommunity.get(communityId)), note: '可提醒单位联络员尽快上交' },
        page: 'packages/staff/services/index',
      }))
      await db.collection('meta').doc(LATE_CURSOR_ID).set({ data: { kind: 'serviceLateCursor', quarter: quarterKey(late), after: pairKey(batch[batch.length - 1]!) } })
    }
  }

  const waiting = await scanAll<ServiceHandInDoc>(db, 'serviceHandIns', { status: 'waiting', waitingSince: _.lte(confirmOverdueBefore(runAt)) })
  if (waiting.length > 0) {
    const byCommunity = new Map<string, ServiceHandInDoc[]>()
    for (const h of waiting) byCommunity.set(h.communityId, [...(byCommunity.get(h.communityId) ?? []), h])
    report.confirm += await remindHolders(ctx, { role: 'staff', scope: 'communityId', ids: [...byCommunity.keys()] }, (communityId, openid) =>
      (byCommunity.get(communityId) ?? []).map((h) => ({
        kind: 'serviceConfirm' as const,
        touser: openid,
        key: `serviceConfirm:${h._id}:${h.waitingSince!.toISOString()}:${openid}`,
        values: { unit: fitThing(h.unitName), item: '服务清单等待社区确认', time: minuteText(h.waitingSince!) },
        page: 'packages/staff/services/index',
      })),
    )
  }
  return report
}
