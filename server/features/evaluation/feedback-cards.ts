import { authorize, can } from '../../../src/domain/access'
import type { FeedbackCard } from '../../../src/domain/contracts/evaluation.contract'
import { AppError } from '../../../src/domain/errors'
import type { Scope } from '../../../src/domain/roles'
import type { CommunityDoc, EvaluationDoc, MemberDoc, RegistrationDoc, ReportDoc } from '../../db/docs'
import { isDuplicateKey } from '../../db/db-errors'
import { communityScope, findById, loadCommunity, loadUnit, notFound, unitScope } from '../../db/load'
import { scanAll } from '../../db/read'
import { assertYearOpen } from '../../db/year-close'
import type { Database } from '../../kernel/database'
import type { KnownContext } from '../../kernel/function-def'
import { readUpload } from '../../storage/uploads'
import { tempLinks } from '../../storage/temp-links'
import type { CommunitySealDoc, FeedbackCardDoc } from './evaluation-docs'
import { cardDocCurrentExpr, isCardCurrent } from './card-current'
import { evaluationId, feedbackCardId } from './evaluation-ids'
import { standingDuringYear } from './standing'
import { yearOf } from './evaluation-place'

// 在职党员社区表现反馈卡 (000 §一.(六)): issued by staff from the confirmed
// evaluation (a card before it is refused), stamped with the community party
// organisation's seal (an image uploaded once), read by the member (own), the
// unit's secretary and liaison (own unit) and the community's staff.

export function partyOrgNameOf(community: Pick<CommunityDoc, 'name' | 'partyOrgName'>): string {
  return community.partyOrgName || `${community.name}党组织`
}

async function sealOf(ctx: KnownContext, communityId: string): Promise<CommunitySealDoc | undefined> {
  return findById<CommunitySealDoc>(ctx.db, 'communitySeals', communityId)
}

/** Links to the seals the cards were issued with (one request for any number of cards). */
async function sealLinks(cards: Array<Pick<FeedbackCardDoc, 'sealFileId'>>): Promise<Map<string, string>> {
  return tempLinks([...new Set(cards.flatMap((c) => (c.sealFileId ? [c.sealFileId] : [])))])
}

export function sealUrlFrom(card: Pick<FeedbackCardDoc, 'sealFileId'>, links: Map<string, string>): string | null {
  return card.sealFileId ? links.get(card.sealFileId) || null : null
}

/** A 反馈卡 as issued from a confirmed evaluation: its facts, rating and comment, the seal of the day, who and when. */
export function cardOf(
  evaluation: Pick<EvaluationDoc, 'memberId' | 'unitId' | 'year' | 'facts' | 'rating' | 'comment' | 'confirmedAt'>,
  community: Pick<CommunityDoc, '_id' | 'name' | 'partyOrgName' | 'streetId' | 'districtId'>,
  names: { memberName: string; unitName: string; claimedPosts: string[] },
  issued: { at: Date; by: string; sealFileId: string | null },
): FeedbackCardDoc {
  return {
    _id: feedbackCardId(evaluation.memberId, evaluation.year),
    memberId: evaluation.memberId,
    unitId: evaluation.unitId,
    communityId: community._id,
    streetId: community.streetId,
    districtId: community.districtId,
    year: evaluation.year,
    ...names,
    communityName: community.name,
    partyOrgName: partyOrgNameOf(community),
    reportedAt: evaluation.facts.reportedAt ? new Date(evaluation.facts.reportedAt) : null,
    facts: evaluation.facts,
    rating: evaluation.rating,
    comment: evaluation.comment,
    evaluationConfirmedAt: evaluation.confirmedAt,
    sealFileId: issued.sealFileId,
    issuedAt: issued.at,
    issuedBy: issued.by,
  }
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

function claimNames(registration: Pick<RegistrationDoc, 'claims'> | undefined): string[] {
  return (registration?.claims ?? []).map((c) => ('postId' in c ? c.postName : c.custom))
}

/** One evaluation with what its card needs, joined in the database (issueCards). */
interface IssueRow extends EvaluationDoc {
  member: Array<Pick<MemberDoc, 'name' | 'unitName'>>
  unit: Array<{ name: string }>
  registrations: Array<Pick<RegistrationDoc, 'communityId' | 'claims'>>
  card: Array<Pick<FeedbackCardDoc, 'evaluationConfirmedAt'>>
}

const ISSUE_PAGE = 1000
const WRITE_BATCH = 500

/** The evaluations to issue from, each joined to its member, unit, registrations and current card: ⌈n / 1,000⌉ requests. */
async function issueRows(db: Database, match: Record<string, unknown>): Promise<IssueRow[]> {
  const rows: IssueRow[] = []
  for (let skip = 0; ; skip += ISSUE_PAGE) {
    const { list } = (await db
      .collection('evaluations')
      .aggregate()
      .match(match)
      .sort({ _id: 1 })
      .skip(skip)
      .limit(ISSUE_PAGE)
      .lookup({ from: 'members', localField: 'memberId', foreignField: '_id', as: 'member' })
      .lookup({ from: 'units', localField: 'unitId', foreignField: '_id', as: 'unit' })
      .lookup({ from: 'registrations', localField: 'memberId', foreignField: 'memberId', as: 'registrations' })
      .lookup({ from: 'feedbackCards', localField: '_id', foreignField: '_id', as: 'card' })
      .project({
        memberId: true, unitId: true, communityId: true, year: true, rating: true, comment: true, facts: true, confirmedAt: true,
        'member.name': true, 'member.unitName': true, 'unit.name': true, 'registrations.communityId': true, 'registrations.claims': true, 'card.evaluationConfirmedAt': true,
      })
      .end()) as { list: IssueRow[] }
    rows.push(...list)
    if (list.length < ISSUE_PAGE) return rows
  }
}

/**
 * Named members not issuable here: NOT_FOUND for any whose evaluation is
 * missing or another community's (another community's members are not this
 * staff's to know about), unless every missing one stood reported here during
 * the year and is simply not rated yet (the staff's own data).
 */
async function refuseUnissuable(db: Database, communityId: string, year: number, ids: string[], rows: IssueRow[]): Promise<void> {
  const mine = new Set(rows.filter((r) => r.communityId === communityId).map((r) => r.memberId))
  if (rows.some((r) => r.communityId !== communityId)) throw notFound('党员')
  const missing = ids.filter((id) => !mine.has(id))
  if (missing.length === 0) return
  const reported = await scanAll<ReportDoc>(db, 'reports', standingDuringYear(db, year, { communityId, memberId: db.command.in(missing) }), { fields: { memberId: true } })
  const here = new Set(reported.map((r) => r.memberId))
  if (missing.some((id) => !here.has(id))) throw notFound('党员')
  throw new AppError('EVALUATION_NOT_CONFIRMED', `${missing.length}名党员的年度评价尚未确认，不能出具反馈卡`)
}

/**
 * Issues (or re-issues) the cards of the named members, or of every confirmed
 * member of the community and year. All at once issues only what is missing or
 * stale; named members are always (re-)issued. Cost at any size: the community,
 * the closed year, the seal, ⌈n / 1,000⌉ joined reads, then one conditional
 * remove of the cards replaced and the adds, 500 cards a request.
 */
export async function issueCards(ctx: KnownContext, input: { communityId: string; year?: number; memberIds?: string[] }) {
  const { db } = ctx
  const _ = db.command
  const community = await loadCommunity(db, input.communityId)
  authorize(ctx.principal, 'member.rate', communityScope(community))
  const year = yearOf(ctx, input.year)
  await assertYearOpen(db, community.districtId, year)

  const ids = input.memberIds ? [...new Set(input.memberIds)] : null
  const [rows, seal] = await Promise.all([
    issueRows(db, ids ? { _id: _.in(ids.map((id) => evaluationId(id, year))) } : { communityId: community._id, year }),
    sealOf(ctx, community._id),
  ])
  if (ids) await refuseUnissuable(db, community._id, year, ids, rows)
  if (rows.length === 0) return { issued: 0, skipped: 0 }

  const now = ctx.now()
  const cards: FeedbackCardDoc[] = rows.flatMap((e) => {
    const member = e.member[0]
    if (!member) return []
    if (!ids && isCardCurrent(e.card[0], e)) return []
    const names = { memberName: member.name, unitName: member.unitName || e.unit[0]?.name || '', claimedPosts: claimNames(e.registrations.find((r) => r.communityId === community._id)) }
    return [cardOf({ ...e, year }, community, names, { at: now, by: ctx.principal.userId, sealFileId: seal?.fileId ?? null })]
  })
  // The cards replaced go in one conditional remove (per 500), then all are added 500 at a time; a lost race is set by id.
  const replaced = new Set(rows.filter((e) => e.card.length > 0).map((e) => feedbackCardId(e.memberId, year)))
  const stale = cards.filter((c) => replaced.has(c._id)).map((c) => c._id)
  for (let i = 0; i < stale.length; i += WRITE_BATCH) {
    await db.collection('feedbackCards').where({ communityId: community._id, year, _id: _.in(stale.slice(i, i + WRITE_BATCH)) }).remove()
  }
  const again: FeedbackCardDoc[] = []
  for (let i = 0; i < cards.length; i += WRITE_BATCH) {
    const batch = cards.slice(i, i + WRITE_BATCH)
    try {
      await db.collection('feedbackCards').add({ data: batch as never })
    } catch (error) {
      if (!isDuplicateKey(error)) throw error
      again.push(...batch)
    }
  }
  for (const { _id, ...data } of again) await db.collection('feedbackCards').doc(_id).set({ data })
  return { issued: cards.length, skipped: rows.length - cards.length }
}

/** May the caller read this card? The member themself, the unit's secretary or liaison, the community's staff. */
function cardScope(card: FeedbackCardDoc): Scope {
  return { memberId: card.memberId, unitId: card.unitId, communityId: card.communityId, streetId: card.streetId, districtId: card.districtId }
}

/** One card, to whoever may read it, while it is current (a stale card is withheld until re-issued: NOT_FOUND). */
export async function readCard(ctx: KnownContext, input: { memberId: string; year?: number }) {
  const year = yearOf(ctx, input.year)
  const [card, evaluation] = await Promise.all([
    findById<FeedbackCardDoc>(ctx.db, 'feedbackCards', feedbackCardId(input.memberId, year)),
    findById<EvaluationDoc>(ctx.db, 'evaluations', evaluationId(input.memberId, year)),
  ])
  if (!card || !can(ctx.principal, 'feedback.read', cardScope(card)) || !isCardCurrent(card, evaluation)) throw notFound('反馈卡')
  return cardView(card, sealUrlFrom(card, await sealLinks([card])))
}

/** The current cards of a community (staff) or a unit (secretary, liaison), by member name: each joined to its evaluation by id. */
export async function listCards(ctx: KnownContext, input: { communityId?: string; unitId?: string; year?: number; page: number; pageSize: number }) {
  const { db } = ctx
  const year = yearOf(ctx, input.year)
  let filter: Record<string, unknown>
  if (input.communityId) {
    const community = await loadCommunity(db, input.communityId)
    authorize(ctx.principal, 'member.rate', communityScope(community))
    filter = { communityId: community._id, year }
  } else if (input.unitId) {
    const unit = await loadUnit(db, input.unitId)
    authorize(ctx.principal, 'evaluation.unit', unitScope(unit))
    filter = { unitId: unit._id, year }
  } else throw new AppError('CARDS_SCOPE_REQUIRED')
  const current = () =>
    db
      .collection('feedbackCards')
      .aggregate()
      .match(filter)
      .lookup({ from: 'evaluations', localField: '_id', foreignField: '_id', as: 'evaluation' })
      .addFields({ current: cardDocCurrentExpr(db) })
      .match({ current: true })
  const [counted, page] = await Promise.all([
    current().count('n').end() as Promise<{ list: Array<{ n: number }> }>,
    current()
      .sort({ memberName: 1, _id: 1 })
      .skip((input.page - 1) * input.pageSize)
      .limit(input.pageSize)
      .project({ evaluation: false, current: false })
      .end() as Promise<{ list: FeedbackCardDoc[] }>,
  ])
  const links = await sealLinks(page.list)
  return {
    year,
    rows: page.list.map((c) => cardView(c, sealUrlFrom(c, links))),
    total: counted.list[0]?.n ?? 0,
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
  const seal = await sealOf(ctx, community._id)
  return { partyOrgName: partyOrgNameOf(community), sealUrl: seal ? (await tempLinks([seal.fileId])).get(seal.fileId) || null : null }
}

