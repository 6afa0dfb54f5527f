import { can } from '../../../src/domain/access'
import type { Actor } from '../../../src/domain/need-rules'
import type { NeedViewer } from '../../../src/domain/need-privacy'
import { ownMemberPlace } from '../../access/own-member'
import { findById, notFound } from '../../db/load'
import type { KnownContext } from '../../kernel/function-def'
import type { NeedDoc } from './need-doc'

// Who may see a need (issue 10 §9): the resident who submitted it, the
// community's staff, a member of the community while it is on the wall, and
// the member serving or who served it. Anyone else gets NOT_FOUND, as every
// record asked for by id does.

export type NeedRole = Actor['role']

export function needScope(need: Pick<NeedDoc, 'communityId' | 'streetId' | 'districtId'>) {
  return { communityId: need.communityId, streetId: need.streetId, districtId: need.districtId }
}

function memberPlaceOf(ctx: KnownContext) {
  return ctx.principal.grants.some((g) => g.role === 'member') ? ownMemberPlace(ctx.principal) : null
}

/** The caller as `role` on `need`, or null when they have no business with it in that role. */
function actorFor(ctx: KnownContext, need: NeedDoc, role: NeedRole): Actor | null {
  const { userId, name } = ctx.principal
  if (role === 'staff') return can(ctx.principal, 'need.manage', needScope(need)) ? { role, userId, name } : null
  if (role === 'resident') return need.residentUserId === userId ? { role, userId, name } : null
  const member = memberPlaceOf(ctx)
  if (!member || member.communityId !== need.communityId) return null
  if (need.state !== 'published' && need.assignedMemberId !== member._id) return null
  return { role, userId, name, memberId: member._id }
}

export async function loadNeed(ctx: KnownContext, needId: string): Promise<NeedDoc> {
  const need = await findById<NeedDoc>(ctx.db, 'needs', needId)
  if (!need) throw notFound('需求')
  return need
}

/** The need and the caller acting on it as `role`: NOT_FOUND unless they may. */
export async function needAs(ctx: KnownContext, needId: string, role: NeedRole): Promise<{ need: NeedDoc; actor: Actor }> {
  const need = await loadNeed(ctx, needId)
  const actor = actorFor(ctx, need, role)
  if (!actor) throw notFound('需求')
  return { need, actor }
}

/** Any reader: staff first (they see most), then the owner, then a member. */
export async function readableNeed(ctx: KnownContext, needId: string): Promise<{ need: NeedDoc; actor: Actor }> {
  const need = await loadNeed(ctx, needId)
  for (const role of ['staff', 'resident', 'member'] as const) {
    const actor = actorFor(ctx, need, role)
    if (actor) return { need, actor }
  }
  throw notFound('需求')
}

export function viewerOf(actor: Actor): NeedViewer {
  if (actor.role === 'staff') return { kind: 'staff' }
  if (actor.role === 'resident') return { kind: 'owner' }
  return { kind: 'member', memberId: actor.memberId }
}
