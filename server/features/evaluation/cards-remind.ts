import type { TimerContext, TimerEvent } from '../../kernel/timer'
import { remindHolders } from '../../messages/remind-holders'
import { reminderDay } from './cards-due'
import { currentCardsByCommunity } from './card-current'
import { standingDuringYear } from './standing'

// The daily timer (cloudfunctions/evaluation/config.json, 09:00 China time):
// from 12月1日 to 12月20日, each community that has members reported without
// an issued 反馈卡 for the year reminds its staff, once a day (the message key
// names the community, the day and the recipient). Two grouped reads find the
// communities whatever their number; outside those days it reads nothing.

export interface CardsRemindReport {
  day: string | null
  communities: number
  missing: number
  messages: number
}

async function groupedCounts(ctx: TimerContext, collection: string, match: Record<string, unknown>): Promise<Map<string, number>> {
  const $ = ctx.db.command.aggregate
  const counts = new Map<string, number>()
  for (let skip = 0; ; skip += 1000) {
    const { list } = (await ctx.db.collection(collection).aggregate().match(match).group({ _id: '$communityId', n: $.sum(1) }).sort({ _id: 1 }).skip(skip).limit(1000).end()) as {
      list: Array<{ _id: string; n: number }>
    }
    for (const row of list) counts.set(row._id, row.n)
    if (list.length < 1000) return counts
  }
}

export async function remindMissingCards(event: TimerEvent, ctx: TimerContext): Promise<CardsRemindReport> {
  const at = new Date(event.Time)
  const runAt = Number.isNaN(at.getTime()) ? ctx.now() : at
  const today = reminderDay(runAt)
  if (!today) return { day: null, communities: 0, missing: 0, messages: 0 }
  const [reported, carded] = await Promise.all([
    // Members standing during the year (also those moved away since), and current cards only (a stale one is 待重新出具).
    groupedCounts(ctx, 'reports', standingDuringYear(ctx.db, today.year, {}) as unknown as Record<string, unknown>),
    currentCardsByCommunity(ctx.db, today.year),
  ])
  const missing = new Map<string, number>()
  for (const [communityId, n] of reported) {
    const left = n - (carded.get(communityId) ?? 0)
    if (left > 0) missing.set(communityId, left)
  }
  if (missing.size === 0) return { day: today.day, communities: 0, missing: 0, messages: 0 }

  const messages = await remindHolders(ctx, { role: 'staff', scope: 'communityId', ids: [...missing.keys()] }, (communityId, openid) => ({
    kind: 'feedbackCardsDue',
    touser: openid,
    key: `feedbackCardsDue:${communityId}:${today.day}:${openid}`,
    values: { item: '报到党员反馈卡尚未出具', count: String(missing.get(communityId)), deadline: `${today.year}年12月20日` },
    page: 'packages/staff/evaluation/index?filter=noCard',
  }))
  return { day: today.day, communities: missing.size, missing: [...missing.values()].reduce((a, b) => a + b, 0), messages }
}
