import { chineseDate } from '../../../src/domain/china-time'
import { halfInLastWeek, halfKey, halfRange } from '../../../src/domain/half-year'
import { halfLabel } from '../../../src/domain/quarter'
import type { TimerContext } from '../../kernel/timer'
import { scanAll } from '../../db/read'
import type { UserDoc } from '../../db/users'
import { sendMessage } from '../../messages/send-message'
import type { UnitBulletinDoc } from './bulletin-docs'

// The daily timer's second job: in the last week of June and of December,
// each secretary of a unit that has not submitted the half's bulletin is
// reminded, once per unit and half (the message key names both; later runs
// find it and send nothing).

export const BULLETIN_PAGE = 'packages/unit/bulletin/index'

export interface RemindReport {
  half: string | null
  messages: number
}

export async function remindBulletins(ctx: TimerContext): Promise<RemindReport> {
  const now = ctx.now()
  const ref = halfInLastWeek(now)
  if (!ref) return { half: null, messages: 0 }
  const _ = ctx.db.command
  const [secretaries, submitted] = await Promise.all([
    scanAll<UserDoc>(ctx.db, 'users', { grants: _.elemMatch({ role: 'secretary' }) }),
    scanAll<UnitBulletinDoc>(ctx.db, 'bulletins', { kind: 'unit', year: ref.year, half: ref.half }, { fields: { unitId: true } }),
  ])
  const done = new Set(submitted.map((b) => b.unitId))
  // The half's last day: the half ends at the next day's first instant.
  const deadline = chineseDate(new Date(halfRange(ref).to.getTime() - 1))
  let messages = 0
  for (const user of secretaries) {
    for (const grant of user.grants) {
      const unitId = grant.role === 'secretary' ? grant.scope.unitId : undefined
      if (!unitId || done.has(unitId)) continue
      const outcome = await sendMessage(
        ctx.db,
        {
          kind: 'bulletinDue',
          touser: user.openid,
          key: `bulletinDue:${unitId}:${halfKey(ref)}:${user.openid}`,
          values: { item: `${halfLabel(ref.year, ref.half)}工作通报`, deadline, note: '请预览本单位通报并提交区委组织部' },
          page: BULLETIN_PAGE,
        },
        now,
      )
      if (outcome.status !== 'duplicate') messages++
    }
  }
  return { half: halfKey(ref), messages }
}
