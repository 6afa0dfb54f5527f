import { isReportOverdue, overdueIfJoinedBefore } from '../../src/domain/report-deadline'

// The overdue count queries `joinedUnitAt < overdueIfJoinedBefore(now)`: it
// must pick exactly the members isReportOverdue calls overdue, month ends and
// China's midnight included.

const HOUR = 3_600_000

it('joined before the cut-off is overdue, at or after it is not, every six hours over a year', () => {
  const nows = Array.from({ length: 366 * 4 }, (_, i) => new Date(Date.UTC(2024, 0, 1) + i * 6 * HOUR + 17 * 60_000))
  for (const now of nows) {
    const cut = overdueIfJoinedBefore(now).getTime()
    for (const joined of [cut - HOUR, cut - 1, cut, cut + 1, cut + 23 * HOUR]) {
      expect({ now, joined: new Date(joined), overdue: isReportOverdue(new Date(joined), null, now) }).toEqual({ now, joined: new Date(joined), overdue: joined < cut })
    }
  }
})

it('a member who joined on 31 January is due at the end of 28 February (China time)', () => {
  const cut = overdueIfJoinedBefore(new Date('2026-03-01T00:30:00+08:00'))
  expect(cut).toEqual(new Date('2026-02-01T00:00:00+08:00'))
})
