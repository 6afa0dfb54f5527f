import { authorize } from '../../../src/domain/access'
import type { ActivityView } from '../../../src/domain/contracts/activity.contract'
import { AppError } from '../../../src/domain/errors'
import type { Scope } from '../../../src/domain/roles'
import type { MemberPlace } from '../../access/own-member'
import type { ActivityDoc, RegistrationDoc, SignupDoc } from '../../db/docs'
import { communityScope, loadCommunity } from '../../db/load'
import { namesOf } from '../../db/names'
import { readPage, scanAll } from '../../db/read'
import type { KnownContext } from '../../kernel/function-def'
import { callerMember, openCommunitiesOf, readableActivity } from './activity-access'
import { activityView, type MemberSide } from './activity-view'
import { chosenItems } from './volunteer-access'
import { signupId } from './signup-write'

// The activities a caller sees (issue 9 §2): a member, those of the
// communities open to them; a resident, their community's; staff, their
// community's, drafts too. Upcoming (not yet over, not cancelled): soonest
// first; past: latest first. A member's sign-ups and claimed posts are marked.

interface ListInput {
  communityId?: string
  when: 'upcoming' | 'past'
  page: number
  pageSize: number
}

/** The posts the member claimed in 附件1, wherever they registered. */
async function claimedPostIds(ctx: KnownContext, memberId: string): Promise<Set<string>> {
  const registrations = await scanAll<RegistrationDoc>(ctx.db, 'registrations', { memberId }, { fields: { claims: true } })
  return new Set(registrations.flatMap((r) => r.claims.flatMap((c) => ('postId' in c ? [c.postId] : []))))
}

async function memberSides(ctx: KnownContext, member: MemberPlace, activityIds: string[]): Promise<(activityId: string) => MemberSide> {
  const _ = ctx.db.command
  const [claimed, signups] = await Promise.all([
    claimedPostIds(ctx, member._id),
    activityIds.length ? scanAll<SignupDoc>(ctx.db, 'signups', { _id: _.in(activityIds.map((id) => signupId(id, member._id))) }) : Promise.resolve([]),
  ])
  const byActivity = new Map(signups.map((s) => [s.activityId, s]))
  return (activityId) => ({ signup: byActivity.get(activityId) ?? null, claimedPostIds: claimed })
}

type Filter = Parameters<ReturnType<KnownContext['db']['collection']>['where']>[0]

/** Which activities the caller lists, and whether drafts are theirs to see. */
async function listScope(ctx: KnownContext, input: ListInput): Promise<{ where: Filter; drafts: boolean; member: MemberPlace | null }> {
  if (input.communityId) {
    const community = await loadCommunity(ctx.db, input.communityId)
    const scope: Scope = communityScope(community)
    const grant = authorize(ctx.principal, 'activity.read', scope)
    return { where: { communityId: community._id }, drafts: grant.role === 'staff', member: null }
  }
  const member = callerMember(ctx)
  if (member) return { where: await memberListFilter(ctx, member), drafts: false, member }
  const centre = ctx.principal.grants.find((g) => g.role === 'volunteerCentre' && g.scope.districtId)
  if (centre) return { where: { organiserKind: 'volunteerCentre', districtId: centre.scope.districtId! }, drafts: true, member: null }
  const own = ctx.principal.grants.find((g) => (g.role === 'staff' || g.role === 'resident') && g.scope.communityId)
  if (!own) throw new AppError('FORBIDDEN')
  return { where: { communityId: own.scope.communityId! }, drafts: own.role === 'staff', member: null }
}

/** A member's: the communities open to them, and the volunteer centre's activities of the items they chose. */
async function memberListFilter(ctx: KnownContext, member: MemberPlace): Promise<Filter> {
  const _ = ctx.db.command
  const places = { communityId: _.in(openCommunitiesOf(member)), organiserKind: _.neq('volunteerCentre') }
  const chosen = await chosenItems(ctx, member._id)
  if (chosen.length === 0) return places
  return _.or([places, ...chosen.map((c) => ({ organiserKind: 'volunteerCentre', districtId: c.districtId, volunteerItem: c.item }))])
}

export async function listActivities(ctx: KnownContext, input: ListInput) {
  const _ = ctx.db.command
  const { where, drafts, member } = await listScope(ctx, input)
  const now = ctx.now()
  const statuses = input.when === 'upcoming' ? (drafts ? ['draft', 'published'] : ['published']) : drafts ? ['draft', 'published', 'ended', 'cancelled'] : ['published', 'ended', 'cancelled']
  const mine = _.and([where, { status: _.in(statuses) }])
  const filter = input.when === 'upcoming' ? _.and([mine, { endAt: _.gte(now) }]) : _.and([mine, _.or([{ endAt: _.lt(now) }, { status: _.in(['ended', 'cancelled']) }])])
  const page = await readPage<ActivityDoc>(ctx.db, 'activities', filter, ['startAt', input.when === 'upcoming' ? 'asc' : 'desc'], input)
  const names = await namesOf(ctx.db, 'communities', page.docs.map((a) => a.communityId))
  const side = member ? await memberSides(ctx, member, page.docs.map((a) => a._id)) : null
  return {
    rows: page.docs.map((a) => activityView(a, names.get(a.communityId) ?? '', side ? side(a._id) : null)),
    total: page.total,
    page: input.page,
    pageSize: input.pageSize,
  }
}

export async function getActivity(ctx: KnownContext, activityId: string): Promise<ActivityView> {
  const { activity, member } = await readableActivity(ctx, activityId)
  const name = (await namesOf(ctx.db, 'communities', [activity.communityId])).get(activity.communityId) ?? ''
  const side = member ? (await memberSides(ctx, member, [activity._id]))(activity._id) : null
  return activityView(activity, name, side)
}
