import { authorize } from '../../../src/domain/access'
import type { ActivityView } from '../../../src/domain/contracts/activity.contract'
import { AppError } from '../../../src/domain/errors'
import type { Grant, Scope } from '../../../src/domain/roles'
import type { MemberPlace } from '../../access/own-member'
import type { ActivityDoc, AttendanceDoc, RegistrationDoc, SignupDoc } from '../../db/docs'
import { communityScope, loadCommunity, loadUnit, unitScope } from '../../db/load'
import { namesOf } from '../../db/names'
import { readPage, scanAll } from '../../db/read'
import type { KnownContext } from '../../kernel/function-def'
import { callerMember, openCommunitiesOf, readableActivity } from './activity-access'
import { activityView, type MemberSide } from './activity-view'
import { attendanceId } from './signin'
import { chosenItems } from './volunteer-access'
import { signupId } from './signup-write'

// The activities a caller sees (issue 9 §2): a member, the community ones of
// the communities open to them and their own unit's; a resident, their
// community's; staff, their community's, their own drafts too; a unit's
// secretary or liaison, their unit's, drafts too. Upcoming (not yet over, not
// cancelled): soonest first; past: latest first. A member's sign-ups and
// claimed posts are marked.

interface ListInput {
  communityId?: string
  unitId?: string
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
  const mine = <T extends { _id: string; activityId: string }>(collection: string, idOf: (activityId: string, memberId: string) => string): Promise<T[]> =>
    activityIds.length ? scanAll<T>(ctx.db, collection, { _id: _.in(activityIds.map((id) => idOf(id, member._id))) }) : Promise.resolve([])
  const [claimed, signups, records] = await Promise.all([
    claimedPostIds(ctx, member._id),
    mine<SignupDoc>('signups', signupId),
    mine<AttendanceDoc>('attendance', attendanceId),
  ])
  const signupOf = new Map(signups.map((s) => [s.activityId, s]))
  const attendanceOf = new Map(records.map((r) => [r.activityId, r]))
  return (activityId) => ({ signup: signupOf.get(activityId) ?? null, attendance: attendanceOf.get(activityId) ?? null, claimedPostIds: claimed })
}

type Filter = object

/** Which activities the caller lists: `shown` once published, `drafts` (their own to run) in any status; and the member, if one. */
async function listScope(ctx: KnownContext, input: ListInput): Promise<{ shown: Filter; drafts: Filter | null; member: MemberPlace | null }> {
  if (input.unitId) {
    const unit = await loadUnit(ctx.db, input.unitId)
    authorize(ctx.principal, 'activity.manage', unitScope(unit))
    const own = { organiserKind: 'unit', unitId: unit._id }
    return { shown: own, drafts: own, member: null }
  }
  const ofCommunity = (communityId: string, grant: Grant) => ({
    // Residents see the community's activities (and the centre's held there), not a paired unit's own.
    shown: grant.role === 'resident' ? { communityId, organiserKind: ctx.db.command.neq('unit') } : { communityId },
    drafts: grant.role === 'staff' ? { communityId, organiserKind: 'community' } : null,
    member: null,
  })
  if (input.communityId) {
    const community = await loadCommunity(ctx.db, input.communityId)
    const scope: Scope = communityScope(community)
    return ofCommunity(community._id, authorize(ctx.principal, 'activity.read', scope))
  }
  const member = callerMember(ctx)
  if (member) return { shown: await memberListFilter(ctx, member), drafts: null, member }
  const centre = ctx.principal.grants.find((g) => g.role === 'volunteerCentre' && g.scope.districtId)
  if (centre) {
    const own = { organiserKind: 'volunteerCentre', districtId: centre.scope.districtId! }
    return { shown: own, drafts: own, member: null }
  }
  const own = ctx.principal.grants.find((g) => (g.role === 'staff' || g.role === 'resident') && g.scope.communityId)
  if (!own) throw new AppError('FORBIDDEN')
  return ofCommunity(own.scope.communityId!, own)
}

/** A member's: community activities where they live or are paired, their own unit's, and the volunteer centre's of the items they chose. */
async function memberListFilter(ctx: KnownContext, member: MemberPlace): Promise<Filter> {
  const _ = ctx.db.command
  const places = [{ organiserKind: 'community', communityId: _.in(await openCommunitiesOf(ctx, member)) }, { organiserKind: 'unit', unitId: member.unitId }]
  const chosen = await chosenItems(ctx, member._id)
  return _.or([...places, ...chosen.map((c) => ({ organiserKind: 'volunteerCentre', districtId: c.districtId, volunteerItem: c.item }))])
}

export async function listActivities(ctx: KnownContext, input: ListInput) {
  const _ = ctx.db.command
  const { shown, drafts, member } = await listScope(ctx, input)
  const now = ctx.now()
  const statuses = input.when === 'upcoming' ? ['published'] : ['published', 'ended', 'cancelled']
  const which = _.or([_.and([shown, { status: _.in(statuses) }]), ...(drafts ? [_.and([drafts, { status: 'draft' }])] : [])])
  const filter = input.when === 'upcoming' ? _.and([which, { endAt: _.gte(now) }]) : _.and([which, _.or([{ endAt: _.lt(now) }, { status: _.in(['ended', 'cancelled']) }])])
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
