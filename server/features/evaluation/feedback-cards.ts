import { authorize, can } from '../../../src/domain/access'
import type { FeedbackCard } from '../../../src/domain/contracts/evaluation.contract'
import { AppError } from '../../../src/domain/errors'
import type { Scope } from '../../../src/domain/roles'
import type { CommunityDoc, EvaluationDoc, MemberDoc, RegistrationDoc } from '../../db/docs'
import { docsByIds } from '../../db/by-ids'
import { isDuplicateKey } from '../../db/db-errors'
import { communityScope, findById, loadCommunity, loadUnit, notFound, unitScope } from '../../db/load'
import { readPage, scanAll } from '../../db/read'
import { assertYearOpen } from '../../db/year-close'
import type { KnownContext } from '../../kernel/function-def'
import { readUpload } from '../../storage/uploads'
import { tempLinks } from '../../storage/temp-links'
import type { CommunitySealDoc, FeedbackCardDoc } from './evaluation-docs'
import { feedbackCardId } from './evaluation-ids'
import { yearOf } from './evaluation-place'

// 在职党员社区表现反馈卡 (000 §一.(六)): issued by staff from the confirmed
// evaluation (a card before it is refused), stamped with the community party
// organisation's seal (an image uploaded once), read by the member (own), the
// unit's secretary and liaison (own unit) and the community's staff.

export function partyOrgNameOf(community: Pick<CommunityDoc, 'name' | 'partyOrgName'>): string {
  return community.partyOrgName || `${community.name}党组织`
}

/** The card issued from a confirmed evaluation: what it prints is copied, so it stays what was handed out. */
export function cardOf(
  e: EvaluationDoc,
  community: Pick<CommunityDoc, '_id' | 'name' | 'partyOrgName' | 'streetId' | 'districtId'>,
  names: { memberName: string; unitName: string; claimedPosts: string[] },
  issued: { at: Date; by: string },
): FeedbackCardDoc {
  return {
    _id: feedbackCardId(e.memberId, e.year),
    memberId: e.memberId,
    unitId: e.unitId,
    communityId: community._id,
    streetId: community.streetId,
    districtId: community.districtId,
    year: e.year,
    memberName: names.memberName,
    unitName: names.unitName,
    communityName: community.name,
    partyOrgName: partyOrgNameOf(community),
    reportedAt: e.facts.reportedAt ? new Date(e.facts.reportedAt) : null,
    claimedPosts: names.claimedPosts,
    facts: e.facts,
    rating: e.rating,
    comment: e.comment,
    evaluationConfirmedAt: e.confirmedAt,
    issuedAt: issued.at,
    issuedBy: issued.by,
  }
}

async function sealUrlOf(ctx: KnownContext, communityId: string): Promise<string | null> {
  const seal = await findById<CommunitySealDoc>(ctx.db, 'communitySeals', communityId)
  if (!seal) return null
  return (await tempLinks([seal.fileId])).get(seal.fileId) || null
}

export function cardView(card: FeedbackCardDoc, sealUrl: string | null): FeedbackCard {
  return {
    memberId: card.memberId,
    year: card.year,
    memberName: card.memberName,
    unitName: card.unitName,
    communityName: card.communityName,
    reportedAt: card.reportedAt ? card.reportedAt.toISOString() : null,
    claimedPosts: card.claimedPosts,
    facts: card.facts,
    rating: card.rating,
    comment: card.comment,
    partyOrgName: card.partyOrgName,
    sealUrl,
    issuedAt: card.issuedAt.toISOString(),
  }
}

function claimNames(registration: RegistrationDoc | undefined): string[] {
  return (registration?.claims ?? []).map((c) => ('postId' in c ? c.postName : c.custom))
}

/** Issues (or re-issues) the cards of the named members, or of every confirmed member of the community and year. */
export async function issueCards(ctx: KnownContext, input: { communityId: string; year?: number; memberIds?: string[] }) {
  const { db } = ctx
  const _ = db.command
  const community = await loadCommunity(db, input.communityId)
  authorize(ctx.principal, 'member.rate', communityScope(community))
  const year = yearOf(ctx, input.year)
  await assertYearOpen(db, community.districtId, year)

  let evaluations: EvaluationDoc[]
  if (input.memberIds) {
    const ids = [...new Set(input.memberIds)]
    const found = await docsByIds<EvaluationDoc>(db, 'evaluations', ids.map((id) => `${id}:${year}`))
    evaluations = [...found.values()].filter((e) => e.communityId === community._id)
    if (evaluations.length < ids.length) {
      const missing = ids.filter((id) => !found.has(`${id}:${year}`))
      // Named members of another community are not this staff's to know about.
      if (missing.length === 0) throw notFound('党员')
      throw new AppError('EVALUATION_NOT_CONFIRMED', `${missing.length}名党员的年度评价尚未确认，不能出具反馈卡`)
    }
  } else {
    evaluations = await scanAll<EvaluationDoc>(db, 'evaluations', { communityId: community._id, year })
  }
  if (evaluations.length === 0) return { issued: 0, skipped: 0 }
  const ids = evaluations.map((e) => e.memberId)
  const registrationsOf = async () => {
    const found: RegistrationDoc[] = []
    for (let i = 0; i < ids.length; i += 100) {
      found.push(...(await scanAll<RegistrationDoc>(db, 'registrations', { memberId: _.in(ids.slice(i, i + 100)), communityId: community._id }, { fields: { memberId: true, claims: true } })))
    }
    return found
  }
  const [members, registrations, existing] = await Promise.all([
    docsByIds<MemberDoc>(db, 'members', ids, { name: true, unitId: true, unitName: true }),
    registrationsOf(),
    docsByIds<FeedbackCardDoc>(db, 'feedbackCards', ids.map((id) => feedbackCardId(id, year)), { evaluationConfirmedAt: true }),
  ])
  const unitNames = await docsByIds<{ _id: string; name: string }>(
    db,
    'units',
    [...members.values()].filter((m) => !m.unitName).map((m) => m.unitId),
    { name: true },
  )
  const registrationOf = new Map(registrations.map((r) => [r.memberId, r]))
  const now = ctx.now()
  const cards: FeedbackCardDoc[] = evaluations.flatMap((e) => {
    const member = members.get(e.memberId)
    if (!member) return []
    const current = existing.get(feedbackCardId(e.memberId, year))
    // All at once issues only what is missing or stale; named members are always (re-)issued.
    if (!input.memberIds && current && current.evaluationConfirmedAt.getTime() === e.confirmedAt.getTime()) return []
    const names = { memberName: member.name, unitName: member.unitName || unitNames.get(member.unitId)?.name || '', claimedPosts: claimNames(registrationOf.get(e.memberId)) }
    return [cardOf(e, community, names, { at: now, by: ctx.principal.userId })]
  })
  // New cards are added a hundred at a time; re-issues (and a lost race) are set by id.
  const fresh = cards.filter((c) => !existing.has(c._id))
  const again = cards.filter((c) => existing.has(c._id))
  for (let i = 0; i < fresh.length; i += 100) {
    const batch = fresh.slice(i, i + 100)
    try {
      await db.collection('feedbackCards').add({ data: batch as never })
    } catch (error) {
      if (!isDuplicateKey(error)) throw error
      again.push(...batch)
    }
  }
  for (const { _id, ...data } of again) await db.collection('feedbackCards').doc(_id).set({ data })
  return { issued: cards.length, skipped: evaluations.length - cards.length }
}

/** May the caller read this card? The member themself, the unit's secretary or liaison, the community's staff. */
function cardScope(card: FeedbackCardDoc): Scope {
  return { memberId: card.memberId, unitId: card.unitId, communityId: card.communityId, streetId: card.streetId, districtId: card.districtId }
}

export async function readCard(ctx: KnownContext, input: { memberId: string; year?: number }) {
  const year = yearOf(ctx, input.year)
  const card = await findById<FeedbackCardDoc>(ctx.db, 'feedbackCards', feedbackCardId(input.memberId, year))
  if (!card || !can(ctx.principal, 'feedback.read', cardScope(card))) throw notFound('反馈卡')
  return cardView(card, await sealUrlOf(ctx, card.communityId))
}

/** The issued cards of a community (staff) or a unit (secretary, liaison), by member name. */
export async function listCards(ctx: KnownContext, input: { communityId?: string; unitId?: string; year?: number; page: number; pageSize: number }) {
  const year = yearOf(ctx, input.year)
  let filter: Record<string, unknown>
  if (input.communityId) {
    const community = await loadCommunity(ctx.db, input.communityId)
    authorize(ctx.principal, 'member.rate', communityScope(community))
    filter = { communityId: community._id, year }
  } else if (input.unitId) {
    const unit = await loadUnit(ctx.db, input.unitId)
    authorize(ctx.principal, 'evaluation.unit', unitScope(unit))
    filter = { unitId: unit._id, year }
  } else throw new AppError('CARDS_SCOPE_REQUIRED')
  const { docs, total } = await readPage<FeedbackCardDoc>(ctx.db, 'feedbackCards', filter, ['memberName', 'asc'], input)
  const seals = await docsByIds<CommunitySealDoc>(ctx.db, 'communitySeals', docs.map((c) => c.communityId))
  const links = await tempLinks([...new Set([...seals.values()].map((s) => s.fileId))])
  return {
    year,
    rows: docs.map((c) => {
      const seal = seals.get(c.communityId)
      return cardView(c, seal ? links.get(seal.fileId) || null : null)
    }),
    total,
    page: input.page,
    pageSize: input.pageSize,
  }
}

export async function saveSeal(ctx: KnownContext, input: { communityId: string; fileID: string }) {
  const community = await loadCommunity(ctx.db, input.communityId)
  authorize(ctx.principal, 'member.rate', communityScope(community))
  // Not an image (by its bytes), not the caller's upload: refused before anything is written.
  await readUpload(ctx, input.fileID, 'image')
  const seal: Omit<CommunitySealDoc, '_id'> = { fileId: input.fileID, uploadedBy: ctx.principal.userId, uploadedAt: ctx.now() }
  await ctx.db.collection('communitySeals').doc(community._id).set({ data: seal })
  return { sealUrl: (await tempLinks([input.fileID])).get(input.fileID) || null }
}

export async function getSeal(ctx: KnownContext, input: { communityId: string }) {
  const community = await loadCommunity(ctx.db, input.communityId)
  authorize(ctx.principal, 'member.rate', communityScope(community))
  return { partyOrgName: partyOrgNameOf(community), sealUrl: await sealUrlOf(ctx, community._id) }
}

