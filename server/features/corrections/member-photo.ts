import type { MemberPhoto } from '../../../src/domain/contracts/member-profile'
import type { MemberDoc } from '../../db/docs'
import type { KnownContext } from '../../kernel/function-def'
import { readUpload } from '../../storage/uploads'
import { tempLinks } from '../../storage/temp-links'

// 报到党员照片 (issue 11 §3): one image per member, `members.photoFileId`. Set
// by the member, by the desk of their community, or by their unit from the
// roster — whoever may, the caller's own upload, checked to be an image by
// its bytes before anything is written. Shown through temporary links.

/** The member's photo with a link to show it; null when there is none. */
export async function photoOf(member: Pick<MemberDoc, '_id' | 'photoFileId'>): Promise<MemberPhoto> {
  if (!member.photoFileId) return null
  const links = await tempLinks([member.photoFileId])
  return { memberId: member._id, fileID: member.photoFileId, url: links.get(member.photoFileId) ?? '' }
}

/** Links for many members' photos at once (50 per storage call; no database request). */
export async function photoLinks(members: ReadonlyArray<Pick<MemberDoc, '_id' | 'photoFileId'>>): Promise<Map<string, string>> {
  const links = await tempLinks([...new Set(members.flatMap((m) => (m.photoFileId ? [m.photoFileId] : [])))])
  return new Map(members.map((m) => [m._id, m.photoFileId ? (links.get(m.photoFileId) ?? '') : '']))
}

/**
 * Sets the photo of a member the caller may set it for (checked by the
 * caller's handler). The upload must be the caller's own image: another
 * kind is NOT_IMAGE, someone else's FILE_NOT_OURS, and nothing is written.
 */
export async function setMemberPhoto(ctx: KnownContext, member: MemberDoc, fileID: string): Promise<MemberPhoto> {
  if (member.photoFileId !== fileID) {
    await readUpload(ctx, fileID, 'image')
    await ctx.db.collection('members').doc(member._id).update({ data: { photoFileId: fileID, updatedAt: ctx.now() } })
  }
  return photoOf({ _id: member._id, photoFileId: fileID })
}
