import { authorize } from '../../../src/domain/access'
import { inChina } from '../../../src/domain/china-time'
import type { MemberProfile, PledgeView } from '../../../src/domain/contracts/member-profile'
import { checkPledgeYear, pledgeId } from '../../../src/domain/pledge'
import { ownMemberId } from '../../access/own-member'
import { docsByIds } from '../../db/by-ids'
import type { MemberDoc, PledgeDoc } from '../../db/docs'
import { findById, loadMember, memberScope } from '../../db/load'
import { assertYearOpen, isYearClosed } from '../../db/year-close'
import type { KnownContext } from '../../kernel/function-def'
import type { Database } from '../../kernel/database'
import { photoOf } from './member-photo'

// 一句话承诺 (issue 11 §4): one per member and year, `pledges/${memberId}:${year}`
// (PledgeDoc, read directly by the evaluation). The member writes their own,
// until the district closes the year; filed with the community they reported
// to (or live in, before reporting).

function pledgeView(doc: PledgeDoc): PledgeView {
  return { year: doc.year, text: doc.text, updatedAt: doc.updatedAt.toISOString() }
}

/** The caller's own member, for pledge.write (their pledge and their own photo). */
export async function ownMember(ctx: KnownContext): Promise<MemberDoc> {
  const member = await loadMember(ctx.db, ownMemberId(ctx.principal))
  authorize(ctx.principal, 'pledge.write', memberScope(member))
  return member
}

export async function savePledge(ctx: KnownContext, input: { year: number; text: string }): Promise<PledgeView> {
  const member = await ownMember(ctx)
  checkPledgeYear(input.year, inChina(ctx.now()).year())
  await assertYearOpen(ctx.db, member.districtId, input.year)
  const doc: PledgeDoc = {
    _id: pledgeId(member._id, input.year),
    memberId: member._id,
    unitId: member.unitId,
    communityId: member.report?.communityId ?? member.communityId,
    districtId: member.districtId,
    year: input.year,
    text: input.text,
    updatedAt: ctx.now(),
  }
  const { _id, ...data } = doc
  // Deterministic id: writing twice keeps one pledge, the latest text.
  await ctx.db.collection('pledges').doc(_id).set({ data })
  return pledgeView(doc)
}

/** The card page's extras: the member's own photo and pledge for `year`, and whether the year can still be written. */
export async function myProfile(ctx: KnownContext, year: number): Promise<MemberProfile> {
  const member = await loadMember(ctx.db, ownMemberId(ctx.principal))
  authorize(ctx.principal, 'card.show', memberScope(member))
  const [pledge, closed, photo] = await Promise.all([
    findById<PledgeDoc>(ctx.db, 'pledges', pledgeId(member._id, year)),
    isYearClosed(ctx.db, member.districtId, year),
    photoOf(member),
  ])
  return { photo, pledge: pledge ? pledgeView(pledge) : null, year, yearClosed: closed }
}

/** The pledges of a page of members for a year, by member id (one request per 100). */
export async function pledgesOf(db: Database, memberIds: readonly string[], year: number): Promise<Map<string, string>> {
  const docs = await docsByIds<PledgeDoc>(db, 'pledges', memberIds.map((id) => pledgeId(id, year)), { memberId: true, text: true })
  return new Map([...docs.values()].map((d) => [d.memberId, d.text]))
}
