import { authorize } from '../../../src/domain/access'
import type { NeedRow } from '../../../src/domain/contracts/needs.contract'
import { DONE_STATES, type NeedState } from '../../../src/domain/need-rules'
import { ownMemberPlace } from '../../access/own-member'
import { readPage } from '../../db/read'
import type { KnownContext } from '../../kernel/function-def'
import type { NeedDoc } from './need-doc'
import { needRow } from './need-view'

// The lists people page through: a resident's own needs, the staff's list of
// the community's needs (by state, by how overdue), the 微心愿 wall and a
// member's assignments. Each is one count and one page (readPage), whatever
// the community's size.

interface Paging {
  page: number
  pageSize: number
}

type Page = { rows: NeedRow[]; total: number; page: number; pageSize: number }

async function pageOfNeeds(ctx: KnownContext, filter: object, orderBy: [string, 'asc' | 'desc'], paging: Paging, row: (need: NeedDoc) => NeedRow): Promise<Page> {
  const { docs, total } = await readPage<NeedDoc>(ctx.db, 'needs', filter, orderBy, paging)
  return { rows: docs.map(row), total, page: paging.page, pageSize: paging.pageSize }
}

export function myNeeds(ctx: KnownContext, paging: Paging): Promise<Page> {
  const now = ctx.now()
  return pageOfNeeds(ctx, { residentUserId: ctx.principal.userId }, ['submittedAt', 'desc'], paging, (n) => needRow(n, { kind: 'owner' }, now))
}

export async function staffList(ctx: KnownContext, input: Paging & { communityId: string; state?: NeedState; overdue?: 'any' | 'yellow' | 'red' }): Promise<Page> {
  // A staff grant is anchored at its community: the id alone is the scope to check, no read needed.
  authorize(ctx.principal, 'need.manage', { communityId: input.communityId })
  const _ = ctx.db.command
  const now = ctx.now()
  const filter: Record<string, unknown> = { communityId: input.communityId }
  if (input.state) filter.state = input.state
  if (input.overdue === 'any') filter.yellowAt = _.lte(now)
  if (input.overdue === 'yellow') Object.assign(filter, { yellowAt: _.lte(now), redAt: _.gt(now) })
  if (input.overdue === 'red') filter.redAt = _.lte(now)
  const orderBy: [string, 'asc' | 'desc'] = input.overdue ? ['yellowAt', 'asc'] : ['submittedAt', 'desc']
  return pageOfNeeds(ctx, filter, orderBy, input, (n) => needRow(n, { kind: 'staff' }, now))
}

/** The wall of the community the member lives in: contact details masked. */
export function wall(ctx: KnownContext, paging: Paging): Promise<Page> {
  const member = ownMemberPlace(ctx.principal)
  const now = ctx.now()
  return pageOfNeeds(ctx, { communityId: member.communityId, state: 'published' }, ['submittedAt', 'desc'], paging, (n) => needRow(n, { kind: 'member', memberId: member._id }, now))
}

export function assignments(ctx: KnownContext, input: Paging & { done: boolean }): Promise<Page> {
  const member = ownMemberPlace(ctx.principal)
  const _ = ctx.db.command
  const now = ctx.now()
  const filter = { assignedMemberId: member._id, state: input.done ? _.in([...DONE_STATES]) : 'serving' }
  return pageOfNeeds(ctx, filter, ['submittedAt', 'desc'], input, (n) => needRow(n, { kind: 'member', memberId: member._id }, now))
}
