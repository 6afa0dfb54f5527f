import type { NeedSuggestion } from '../../../src/domain/contracts/needs.contract'
import { rankHelpers, type HelperCandidate } from '../../../src/domain/need-match'
import { docsByIds } from '../../db/by-ids'
import type { MemberDoc, PostDoc, RegistrationDoc, UnitDoc } from '../../db/docs'
import { findById } from '../../db/load'
import { countBy, scanAll } from '../../db/read'
import type { KnownContext } from '../../kernel/function-def'
import { needAs } from './need-access'

// The members staff are offered for a need: everyone living in its community,
// ranked by need-match.ts (claimed post, then 特长, fewest open assignments).

const SUGGESTIONS = 30

export async function suggestHelpers(ctx: KnownContext, needId: string): Promise<NeedSuggestion[]> {
  const { need } = await needAs(ctx, needId, 'staff')
  const communityId = need.communityId
  const [members, registrations, open, post] = await Promise.all([
    scanAll<MemberDoc>(ctx.db, 'members', { communityId }, { fields: { name: true, unitId: true, specialty: true } }),
    scanAll<RegistrationDoc>(ctx.db, 'registrations', { communityId }, { fields: { memberId: true, claims: true, hobbies: true } }),
    countBy(ctx.db, 'needs', { communityId, state: 'serving' }, 'assignedMemberId'),
    need.postId ? findById<PostDoc>(ctx.db, 'posts', need.postId) : Promise.resolve(undefined),
  ])
  const units = await docsByIds<UnitDoc>(ctx.db, 'units', members.map((m) => m.unitId), { name: true })
  const registrationOf = new Map(registrations.map((r) => [r.memberId, r]))
  const candidates: HelperCandidate[] = members.map((m) => {
    const registration = registrationOf.get(m._id)
    return {
      memberId: m._id,
      name: m.name,
      unitName: units.get(m.unitId)?.name ?? '',
      claimedPostIds: (registration?.claims ?? []).flatMap((c) => ('postId' in c ? [c.postId] : [])),
      skills: [m.specialty, registration?.hobbies].filter(Boolean).join(' '),
      openAssignments: open.get(m._id) ?? 0,
    }
  })
  const words = post ? [post.name, post.categoryName] : []
  return rankHelpers(candidates, { postId: need.postId, words }, SUGGESTIONS).map(({ memberId, name, unitName, reason, openAssignments }) => ({ memberId, name, unitName, reason, openAssignments }))
}
