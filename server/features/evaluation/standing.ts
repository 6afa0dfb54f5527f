import type { Database } from '../../kernel/database'
import { yearRange } from './evaluation-ids'

// Who a community evaluates for a year (issue 11 §9: a closed year must not
// change with today's data): the members whose report stood there some time
// during the year — made before the year ended, and still active or moved
// away after the year began. A member who moved away in January stays on last
// year's list and can still be rated; one who reported only next year is not.

/** The `reports` filter of reports standing during `year` (add communityId / memberId to it). */
export function standingDuringYear(db: Database, year: number, fields: Record<string, unknown>) {
  const _ = db.command
  const { from, to } = yearRange(year)
  return _.and([{ ...fields, reportedAt: _.lt(to) }, _.or([{ status: 'active' }, { movedAt: _.gte(from) }])])
}

