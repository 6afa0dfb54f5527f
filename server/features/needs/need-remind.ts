import type { TimerContext, TimerEvent } from '../../kernel/timer'
import { scanAll } from '../../db/read'
import { remindHolders } from '../../messages/remind-holders'
import type { NeedDoc } from './need-doc'
import { minuteText } from './need-notify'

// The hourly timer (cloudfunctions/needs/config.json): needs that turned
// yellow or red since the last run are counted per community, and each of the
// community's staff is reminded once per run (the key names the run), so a
// need overdue for days does not remind every hour.

export const REMIND_EVERY_MS = 3600_000

export interface RemindReport {
  communities: number
  needs: number
  messages: number
}

export async function remindOverdue(event: TimerEvent, ctx: TimerContext): Promise<RemindReport> {
  const _ = ctx.db.command
  const to = new Date(event.Time)
  const runAt = Number.isNaN(to.getTime()) ? ctx.now() : to
  const window = _.gt(new Date(runAt.getTime() - REMIND_EVERY_MS)).and(_.lte(runAt))
  const fields = { communityId: true }
  const [yellow, red] = await Promise.all([
    scanAll<NeedDoc>(ctx.db, 'needs', { yellowAt: window }, { fields }),
    scanAll<NeedDoc>(ctx.db, 'needs', { redAt: window }, { fields }),
  ])
  const perCommunity = new Map<string, Set<string>>()
  for (const need of [...yellow, ...red]) perCommunity.set(need.communityId, (perCommunity.get(need.communityId) ?? new Set()).add(need._id))
  if (perCommunity.size === 0) return { communities: 0, needs: 0, messages: 0 }

  const messages = await remindHolders(ctx, { role: 'staff', scope: 'communityId', ids: [...perCommunity.keys()] }, (communityId, openid) => ({
    kind: 'needOverdue',
    touser: openid,
    key: `needOverdue:${communityId}:${runAt.toISOString()}:${openid}`,
    values: { item: '服务需求超过受理或办结时限', count: String(perCommunity.get(communityId)!.size), time: minuteText(runAt) },
    page: 'packages/staff/needs/index?overdue=any',
  }))
  return { communities: perCommunity.size, needs: [...perCommunity.values()].reduce((n, s) => n + s.size, 0), messages }
}
