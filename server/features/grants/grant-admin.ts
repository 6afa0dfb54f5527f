import type { GrantTarget, HeldGrant } from '../../../src/domain/contracts/grants.contract'
import { compareChinese } from '../../../src/domain/chinese-order'
import { AppError } from '../../../src/domain/errors'
import { canGrant, GRANTABLE_ROLES, isGrantable, sameGrant, withoutGrant, type GrantableRole } from '../../../src/domain/grant-rules'
import { ROLE_LABELS, type Grant } from '../../../src/domain/roles'
import type { KnownContext } from '../../kernel/function-def'
import { assertNotLocked } from '../../access/attempt-limit'
import { writeAudit } from '../../audit/audit-log'
import { findById } from '../../db/load'
import { namesOf } from '../../db/names'
import { scanAll } from '../../db/read'
import { inTransaction } from '../../db/transaction'
import type { UserDoc } from '../../db/users'
import { districtPlaces } from '../org/org-places'
import { grantPlace, placeIdOf, placeNamesOf, streetCommunityName } from './grant-places'
import { grantAttemptKey, refuseGrant } from './grant-refusal'

// What a granter sees and does besides inviting: the grants they may hand out,
// the grants in their scope they may take back, and taking one back.

type GrantableGrant = Grant & { role: GrantableRole }

const target = (role: GrantableRole, placeId: string, placeName: string): GrantTarget => ({ role, roleLabel: ROLE_LABELS[role], placeId, placeName })

/** Every role on every place the caller may grant, in role then place order. */
export async function grantTargets(ctx: KnownContext): Promise<GrantTarget[]> {
  const found = new Map<string, GrantTarget>()
  const add = (t: GrantTarget) => found.set(`${t.role}:${t.placeId}`, t)
  for (const g of ctx.principal.grants) {
    if (g.role === 'districtAdmin' && g.scope.districtId) {
      const districtId = g.scope.districtId
      const [district] = (await namesOf(ctx.db, 'districts', [districtId])).values()
      const places = await districtPlaces(ctx.db, districtId)
      const streetName = new Map(places.streets.map((s) => [s._id, s.name]))
      add(target('districtAdmin', districtId, district ?? ''))
      add(target('volunteerCentre', districtId, district ?? ''))
      for (const s of places.streets) add(target('streetAdmin', s._id, s.name))
      for (const c of places.communities) add(target('staff', c._id, streetCommunityName(streetName.get(c.streetId) ?? '', c.name)))
      for (const u of places.units) add(target('secretary', u._id, u.name))
    } else if (g.role === 'streetAdmin' && g.scope.streetId) {
      const [street] = (await namesOf(ctx.db, 'streets', [g.scope.streetId])).values()
      const communities = await scanAll<{ _id: string; name: string }>(ctx.db, 'communities', { streetId: g.scope.streetId }, { fields: { name: true } })
      for (const c of communities) add(target('staff', c._id, streetCommunityName(street ?? '', c.name)))
    } else if (g.role === 'secretary' && g.scope.unitId) {
      const [unit] = (await namesOf(ctx.db, 'units', [g.scope.unitId])).values()
      add(target('liaison', g.scope.unitId, unit ?? ''))
    }
  }
  const roleOrder = (r: GrantableRole) => GRANTABLE_ROLES.indexOf(r)
  return [...found.values()].sort((a, b) => roleOrder(a.role) - roleOrder(b.role) || compareChinese(a.placeName, b.placeName))
}

/** The users whose grants one of the caller's grants reaches, found by the scope key it is anchored on. */
function userFilters(grants: readonly Grant[]): Array<Record<string, string>> {
  return grants.flatMap((g): Array<Record<string, string>> => {
    if (g.role === 'districtAdmin' && g.scope.districtId) return [{ 'grants.scope.districtId': g.scope.districtId }]
    if (g.role === 'streetAdmin' && g.scope.streetId) return [{ 'grants.scope.streetId': g.scope.streetId }]
    if (g.role === 'secretary' && g.scope.unitId) return [{ 'grants.scope.unitId': g.scope.unitId }]
    return []
  })
}

/** The grants the caller could revoke (never their own), by role, place and name; one page of them. */
export async function listGrants(ctx: KnownContext, input: { page: number; pageSize: number }) {
  const users = new Map<string, UserDoc>()
  for (const filter of userFilters(ctx.principal.grants)) {
    for (const u of await scanAll<UserDoc>(ctx.db, 'users', filter, { fields: { name: true, grants: true } })) users.set(u._id, u)
  }
  const held = [...users.values()]
    .filter((u) => u._id !== ctx.principal.userId)
    .flatMap((u) =>
      (u.grants ?? [])
        .filter((g): g is GrantableGrant => isGrantable(g.role) && canGrant(ctx.principal.grants, g.role, g.scope))
        .map((grant) => ({ user: u, grant })),
    )
  const names = await placeNamesOf(ctx.db, held.map((h) => h.grant))
  const rows: HeldGrant[] = held
    .map(({ user, grant }) => ({
      userId: user._id,
      userName: user.name,
      role: grant.role,
      roleLabel: ROLE_LABELS[grant.role],
      placeId: placeIdOf(grant),
      placeName: names.get(placeIdOf(grant)) ?? '',
    }))
    .sort((a, b) => GRANTABLE_ROLES.indexOf(a.role as GrantableRole) - GRANTABLE_ROLES.indexOf(b.role as GrantableRole) || compareChinese(a.placeName, b.placeName) || compareChinese(a.userName, b.userName))
  const start = (input.page - 1) * input.pageSize
  return { rows: rows.slice(start, start + input.pageSize), total: rows.length, page: input.page, pageSize: input.pageSize }
}

export async function revokeGrant(ctx: KnownContext, input: { userId: string; role: GrantableRole; placeId: string }) {
  await assertNotLocked(ctx, grantAttemptKey(ctx.openid))
  const place = await grantPlace(ctx.db, input.role, input.placeId)
  const targetIds = { userId: input.userId, placeId: input.placeId }
  if (!canGrant(ctx.principal.grants, input.role, place.scope)) {
    throw await refuseGrant(ctx, new AppError('GRANT_OUT_OF_SCOPE'), targetIds, { role: input.role, step: 'revoke' })
  }
  if (input.userId === ctx.principal.userId) throw new AppError('CANNOT_REVOKE_SELF')
  const revoked: Grant = { role: input.role, scope: place.scope }
  const user = await findById<UserDoc>(ctx.db, 'users', input.userId)
  if (!user || !user.grants.some((g) => sameGrant(g, revoked))) throw new AppError('GRANT_NOT_FOUND')
  await inTransaction(ctx.db, async (t) => {
    const current = (await t.collection('users').doc<UserDoc>(user._id).get()).data
    if (!current.grants.some((g) => sameGrant(g, revoked))) throw new AppError('GRANT_NOT_FOUND')
    await t.collection('users').doc(user._id).update({ data: { grants: withoutGrant(current.grants, revoked) } })
  })
  await writeAudit(ctx, 'grants.revoked', targetIds, { role: input.role, userName: user.name, placeName: place.name })
  return { revoked: true as const }
}
