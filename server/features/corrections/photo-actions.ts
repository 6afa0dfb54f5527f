import type { MemberPhoto } from '../../../src/domain/contracts/member-profile'
import { authorizedMember } from '../../access/authorized-record'
import { docsByIds } from '../../db/by-ids'
import type { MemberDoc } from '../../db/docs'
import { notFound } from '../../db/load'
import type { KnownContext } from '../../kernel/function-def'
import { registrationTarget } from '../report/registration-target'
import { authorizedUnit } from '../roster/roster-access'
import { photoLinks, photoOf, setMemberPhoto } from './member-photo'
import { ownMember } from './pledges'

// Who sets a member's photo, each from their own page: the member (card page,
// pledge.write), the unit from the roster row (roster.manage: the unit hands
// the photo to the community), the community's desk on the registration page
// (registration.fill: staff of the community the member reported to, or
// lives in, before reporting). Each a scope check, then the same write.

export async function memberSetsOwnPhoto(ctx: KnownContext, fileID: string): Promise<MemberPhoto> {
  return setMemberPhoto(ctx, await ownMember(ctx), fileID)
}

export async function unitSetsPhoto(ctx: KnownContext, input: { unitId: string; memberId: string; fileID: string }): Promise<MemberPhoto> {
  const unit = await authorizedUnit(ctx, input.unitId, 'roster.manage')
  const member = await authorizedMember(ctx, input.memberId, 'roster.manage')
  if (member.unitId !== unit._id) throw notFound('党员')
  return setMemberPhoto(ctx, member, input.fileID)
}

/** The registration page's photo: the member (no memberId) or the desk. */
export async function registrationPhoto(ctx: KnownContext, memberId: string | undefined): Promise<MemberPhoto> {
  return photoOf((await registrationTarget(ctx, memberId, 'registration.read')).member)
}

export async function deskSetsPhoto(ctx: KnownContext, input: { memberId?: string; fileID: string }): Promise<MemberPhoto> {
  const { member } = await registrationTarget(ctx, input.memberId, 'registration.fill')
  return setMemberPhoto(ctx, member, input.fileID)
}

/** The photos of a print sheet's cards: members of the unit only (others are left out). */
export async function sheetPhotos(ctx: KnownContext, input: { unitId: string; memberIds: string[] }): Promise<Array<{ memberId: string; url: string }>> {
  const unit = await authorizedUnit(ctx, input.unitId, 'card.manage')
  const members = [...(await docsByIds<MemberDoc>(ctx.db, 'members', input.memberIds, { unitId: true, photoFileId: true })).values()].filter((m) => m.unitId === unit._id)
  const links = await photoLinks(members)
  return members.filter((m) => links.get(m._id)).map((m) => ({ memberId: m._id, url: links.get(m._id)! }))
}
