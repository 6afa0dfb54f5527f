import { chineseDate } from '../../../src/domain/china-time'
import { halfInLastWeek, halfKey, halfRange } from '../../../src/domain/half-year'
import { halfLabel } from '../../../src/domain/quarter'
import type { TimerContext } from '../../kernel/timer'
import { scanAll } from '../../db/read'
import { remindHolders } from '../../messages/remind-holders'
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
  const submitted = await scanAll<UnitBulletinDoc>(ctx.db, 'bulletins', { kind: 'unit', year: ref.year, half: ref.half }, { fields: { unitId: true } })
  const done = new Set(submitted.map((b) => b.unitId))
  // The half's last day: the half ends at the next day's first instant.
  const deadline = chineseDate(new Date(halfRange(ref).to.getTime() - 1))
  const messages = await remindHolders(ctx, { role: 'secretary', scope: 'unitId', ids: null }, (unitId, openid) =>
    done.has(unitId)
      ? null
      : {
          kind: 'bulletinDue',
          touser: openid,
          key: `bulletinDue:${unitId}:${halfKey(ref)}:${openid}`,
          values: { item: `${halfLabel(ref.year, ref.half)}工作通报`, deadline, note: '请预览本单位通报并提交区委组织部' },
          page: BULLETIN_PAGE,
        },
  )
  return { half: halfKey(ref), messages }
}
