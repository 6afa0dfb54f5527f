import { authorize } from '../../../src/domain/access'
import { YEARLY_MINIMUM } from '../../../src/domain/activity-status'
import { inChina } from '../../../src/domain/china-time'
import type { MemberYearRow } from '../../../src/domain/contracts/participation.contract'
import { yearStanding } from '../../../src/domain/year-rule'
import type { ActivityDoc } from '../../db/docs'
import { loadUnit, unitScope } from '../../db/load'
import { namesOf } from '../../db/names'
import type { KnownContext } from '../../kernel/function-def'
import type { Database } from '../../kernel/database'

// What a unit's secretary and liaison see of the year (issue 9 §5): each
// member's community-organised X / 2 and unit-organised Y / 2, who is short,
// and the activities the unit's members attended. Each figure is one
// aggregate that the database answers whole, so a call costs the same few
// requests at any size: the member page, the unit's totals, the names.

interface PageInput {
  unitId: string
  year?: number
  page: number
  pageSize: number
}

export function yearOf(ctx: KnownContext, year: number | undefined): number {
  return year ?? inChina(ctx.now()).year()
}

async function authorizedUnit(ctx: KnownContext, unitId: string) {
  const unit = await loadUnit(ctx.db, unitId)
  authorize(ctx.principal, 'participation.unit', unitScope(unit))
  return unit
}

/** The attendance that counts for `year`: not of a cancelled activity. */
export function countedIn(db: Database, year: number) {
  return { year, activityCancelled: db.command.neq(true) }
}

/**
 * The unit's members, each with the year's two counts and whether they are
 * short: the members joined to their attendance in the database.
 */
function membersWithCounts(db: Database, unitId: string, year: number) {
  const $ = db.command.aggregate
  const attendedOf = (kind: 'community' | 'unit') =>
    $.size(
      $.filter({
        input: '$attended',
        as: 'a',
        // A unit-organised one counts for this unit when the member attended it as this unit's member (myYear's rule).
        cond: $.and([$.eq(['$$a.year', year]), $.eq(['$$a.organiserKind', kind]), $.neq(['$$a.activityCancelled', true]), ...(kind === 'unit' ? [$.eq(['$$a.unitId', unitId])] : [])]),
      }),
    )
  return db
    .collection('members')
    .aggregate()
    .match({ unitId })
    .lookup({ from: 'attendance', localField: '_id', foreignField: 'memberId', as: 'attended' })
    .project({ name: true, communityId: true, community: attendedOf('community'), unit: attendedOf('unit') })
    .addFields({ short: $.or([$.lt(['$community', YEARLY_MINIMUM]), $.lt(['$unit', YEARLY_MINIMUM])]) })
}

interface CountedMember {
  _id: string
  name: string
  communityId: string
  community: number
  unit: number
}

export async function unitMembers(ctx: KnownContext, input: PageInput & { filter: 'all' | 'short' }) {
  const { db } = ctx
  const $ = db.command.aggregate
  const unit = await authorizedUnit(ctx, input.unitId)
  const year = yearOf(ctx, input.year)
  const only = input.filter === 'short' ? { short: true } : {}
  const [totals, page] = await Promise.all([
    membersWithCounts(db, unit._id, year)
      .group({ _id: null, members: $.sum(1), short: $.sum($.cond({ if: '$short', then: 1, else: 0 })) })
      .end() as Promise<{ list: Array<{ members: number; short: number }> }>,
    membersWithCounts(db, unit._id, year)
      .match(only)
      // Short first, then by name: the page a secretary acts on.
      .sort({ short: -1, name: 1, _id: 1 })
      .skip((input.page - 1) * input.pageSize)
      .limit(input.pageSize)
      .end() as Promise<{ list: CountedMember[] }>,
  ])
  const { members = 0, short = 0 } = totals.list[0] ?? {}
  const communities = await namesOf(db, 'communities', page.list.map((m) => m.communityId))
  const rows: MemberYearRow[] = page.list.map((m) => ({
    memberId: m._id,
    memberName: m.name,
    communityName: communities.get(m.communityId) ?? '',
    ...yearStanding({ community: m.community, unit: m.unit }),
  }))
  return { year, required: YEARLY_MINIMUM, memberTotal: members, shortTotal: short, rows, total: input.filter === 'short' ? short : members, page: input.page, pageSize: input.pageSize }
}

/** The activities the unit's members attended in the year, latest first, with how many of them: grouped by the database. */
export async function unitActivities(ctx: KnownContext, input: PageInput) {
  const { db } = ctx
  const $ = db.command.aggregate
  const unit = await authorizedUnit(ctx, input.unitId)
  const year = yearOf(ctx, input.year)
  const grouped = () => db.collection('attendance').aggregate().match({ unitId: unit._id, ...countedIn(db, year) }).group({ _id: '$activityId', attended: $.sum(1) })
  const [counted, page] = await Promise.all([
    grouped().count('n').end() as Promise<{ list: Array<{ n: number }> }>,
    grouped()
      .lookup({ from: 'activities', localField: '_id', foreignField: '_id', as: 'activity' })
      .replaceRoot({ newRoot: $.mergeObjects([$.arrayElemAt(['$activity', 0]), { attended: '$attended' }]) })
      .sort({ startAt: -1, _id: 1 })
      .skip((input.page - 1) * input.pageSize)
      .limit(input.pageSize)
      .end() as Promise<{ list: Array<ActivityDoc & { attended: number }> }>,
  ])
  const communities = await namesOf(db, 'communities', page.list.map((a) => a.communityId))
  return {
    year,
    rows: page.list.map((a) => ({
      activityId: a._id,
      title: a.title,
      organiserKind: a.organiserKind,
      communityName: communities.get(a.communityId) ?? '',
      startAt: a.startAt.toISOString(),
      endAt: a.endAt.toISOString(),
      status: a.status,
      attended: a.attended,
    })),
    total: counted.list[0]?.n ?? 0,
    page: input.page,
    pageSize: input.pageSize,
  }
}
