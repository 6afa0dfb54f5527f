import type { PlaceChoice, ResidentRow } from '../../../src/domain/contracts/residents.contract'
import { authorize } from '../../../src/domain/access'
import { byNameThenId } from '../../../src/domain/chinese-order'
import { AppError } from '../../../src/domain/errors'
import { maskMobile } from '../../../src/domain/mobile'
import type { Grant } from '../../../src/domain/roles'
import type { FunctionContext, KnownContext } from '../../kernel/function-def'
import { assertMayAccess } from '../../access/authorized-record'
import { writeAudit } from '../../audit/audit-log'
import { isDuplicateKey } from '../../db/db-errors'
import type { CommunityDoc, StreetDoc } from '../../db/docs'
import { communityScope, findById, findCommunity, loadCommunity, notFound } from '../../db/load'
import { newId } from '../../db/new-id'
import { readPage, scanAll } from '../../db/read'
import { inTransaction } from '../../db/transaction'
import { findUserByOpenid, type UserDoc } from '../../db/users'

// Residents register themselves: street → community → name and mobile, and
// they are residents of that community at once (a `resident` grant). One
// registration per WeChat user: its document's id is the user's. Staff see
// their community's registrations and remove a fake one; a removed one
// cannot register again by itself.

export interface ResidentDoc {
  _id: string
  userId: string
  communityId: string
  streetId: string
  districtId: string
  name: string
  mobile: string
  registeredAt: Date
  status: 'active' | 'removed'
  removedAt?: Date
  removedBy?: string
  removedReason?: string
}

const residentIdOf = (userId: string) => `resident-${userId}`

const residentGrant = (c: CommunityDoc): Grant => ({ role: 'resident', scope: { communityId: c._id, streetId: c.streetId, districtId: c.districtId } })

/** Every street with its communities, in name order: what a resident chooses from. */
export async function placeChoices(ctx: FunctionContext): Promise<PlaceChoice[]> {
  const [streets, communities] = await Promise.all([
    scanAll<StreetDoc>(ctx.db, 'streets', {}, { fields: { name: true } }),
    scanAll<CommunityDoc>(ctx.db, 'communities', {}, { fields: { name: true, streetId: true } }),
  ])
  communities.sort(byNameThenId)
  return streets
    .sort(byNameThenId)
    .map((s) => ({ streetId: s._id, name: s.name, communities: communities.filter((c) => c.streetId === s._id).map((c) => ({ communityId: c._id, name: c.name })) }))
    .filter((s) => s.communities.length > 0)
}

export async function registerResident(ctx: FunctionContext, input: { communityId: string; name: string; mobile: string }): Promise<{ communityName: string }> {
  if (!ctx.openid) throw new AppError('AUTH_REQUIRED')
  const community = await findCommunity(ctx.db, input.communityId)
  if (!community) throw new AppError('UNKNOWN_COMMUNITY', '所选社区不存在，请重新选择街道和社区')
  const existing = await findUserByOpenid(ctx.db, ctx.openid)
  if (existing?.grants.some((g) => g.role === 'resident')) throw new AppError('ALREADY_REGISTERED')
  if (existing && (await findById<ResidentDoc>(ctx.db, 'residents', residentIdOf(existing._id)))) throw new AppError('RESIDENT_REMOVED')

  const now = ctx.now()
  const userId = existing?._id ?? newId('user')
  const residentId = residentIdOf(userId)
  const grant = residentGrant(community)
  try {
    await inTransaction(ctx.db, async (t) => {
      if (existing) {
        const user = (await t.collection('users').doc<UserDoc>(userId).get()).data
        if (user.grants.some((g) => g.role === 'resident')) throw new AppError('ALREADY_REGISTERED')
        await t.collection('users').doc(userId).update({ data: { grants: [...user.grants, grant] } })
      } else {
        await t.collection('users').doc(userId).set({ data: { openid: ctx.openid, name: input.name, grants: [grant] } })
      }
      const resident: Omit<ResidentDoc, '_id'> = {
        userId,
        communityId: community._id,
        streetId: community.streetId,
        districtId: community.districtId,
        name: input.name,
        mobile: input.mobile,
        registeredAt: now,
        status: 'active',
      }
      await t.collection('residents').doc(residentId).set({ data: resident })
    })
  } catch (error) {
    // The same WeChat user registering twice at once: the users' unique OPENID keeps one.
    if (isDuplicateKey(error)) throw new AppError('ALREADY_REGISTERED')
    throw error
  }
  const actor = ctx.principal ?? { userId, openid: ctx.openid, name: input.name, grants: [grant] }
  await writeAudit({ ...ctx, principal: actor }, 'residents.registered', { residentId, userId, communityId: community._id }, { mobile: maskMobile(input.mobile) })
  return { communityName: community.name }
}

export async function listResidents(ctx: KnownContext, input: { communityId: string; page: number; pageSize: number }) {
  const community = await loadCommunity(ctx.db, input.communityId)
  authorize(ctx.principal, 'residents.manage', communityScope(community))
  const filter = { communityId: community._id, status: 'active' }
  const { docs, total } = await readPage<ResidentDoc>(ctx.db, 'residents', filter, ['registeredAt', 'desc'], input)
  const rows: ResidentRow[] = docs.map((r) => ({ residentId: r._id, name: r.name, mobile: maskMobile(r.mobile), registeredAt: r.registeredAt.toISOString() }))
  return { rows, total, page: input.page, pageSize: input.pageSize }
}

export async function removeResident(ctx: KnownContext, input: { residentId: string; reason: string }) {
  const resident = await findById<ResidentDoc>(ctx.db, 'residents', input.residentId)
  if (!resident) throw notFound('居民')
  assertMayAccess(ctx, 'residents.manage', { communityId: resident.communityId, streetId: resident.streetId, districtId: resident.districtId }, '居民')
  // Removed already: nothing more to write.
  if (resident.status === 'removed') return { removed: true as const }
  const now = ctx.now()
  await inTransaction(ctx.db, async (t) => {
    const current = (await t.collection('residents').doc<ResidentDoc>(resident._id).get()).data
    if (current.status === 'removed') return
    const user = (await t.collection('users').doc<UserDoc>(resident.userId).get()).data
    const grants = user.grants.filter((g) => !(g.role === 'resident' && g.scope.communityId === resident.communityId))
    await t.collection('users').doc(resident.userId).update({ data: { grants } })
    await t.collection('residents').doc(resident._id).update({ data: { status: 'removed', removedAt: now, removedBy: ctx.principal.userId, removedReason: input.reason } })
  })
  await writeAudit(ctx, 'residents.removed', { residentId: resident._id, userId: resident.userId, communityId: resident.communityId }, { name: resident.name, reason: input.reason })
  return { removed: true as const }
}
