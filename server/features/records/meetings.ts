import type { MeetingView } from '../../../src/domain/contracts/records.contract'
import { AppError } from '../../../src/domain/errors'
import { requirePast } from '../../../src/domain/records'
import { docsByIds } from '../../db/by-ids'
import type { MemberDoc, UnitDoc } from '../../db/docs'
import { readPage, scanAll } from '../../db/read'
import { newId } from '../../db/new-id'
import type { KnownContext } from '../../kernel/function-def'
import { readUpload } from '../../storage/uploads'
import { tempLinks } from '../../storage/temp-links'
import type { CommunityOwned, MeetingDoc } from './record-docs'
import { iso, ownedBy, staffCommunity, staffRecord } from './records-access'

// 会议记录本 (000 §一.(五)): the community's meetings about 双报到, with the
// members and units who attended picked from lists, others as free text, and
// photos from cloud storage.

export type MeetingFields = Omit<MeetingDoc, keyof CommunityOwned>

/** Views of meetings, with attendee names; photo links only when asked (a page shows them, a printed table does not). */
export async function meetingViews(ctx: Pick<KnownContext, 'db'>, meetings: readonly MeetingDoc[], withLinks: boolean): Promise<MeetingView[]> {
  const [members, units, links] = await Promise.all([
    docsByIds<MemberDoc>(ctx.db, 'members', meetings.flatMap((m) => m.memberIds), { name: true }),
    docsByIds<UnitDoc>(ctx.db, 'units', meetings.flatMap((m) => m.unitIds), { name: true }),
    withLinks ? tempLinks(meetings.flatMap((m) => m.photos)) : new Map<string, string>(),
  ])
  return meetings.map((m) => ({
    meetingId: m._id,
    communityId: m.communityId,
    date: iso(m.date)!,
    place: m.place,
    host: m.host,
    recorder: m.recorder,
    members: m.memberIds.map((memberId) => ({ memberId, name: members.get(memberId)?.name ?? '' })),
    units: m.unitIds.map((unitId) => ({ unitId, name: units.get(unitId)?.name ?? '' })),
    otherAttendees: m.otherAttendees,
    topic: m.topic,
    content: m.content,
    decisions: m.decisions,
    photos: m.photos.map((fileID) => ({ fileID, url: links.get(fileID) ?? '' })),
  }))
}

/** Attendees picked from the lists must be members living in the community and units that exist. */
async function checkAttendees(ctx: KnownContext, communityId: string, fields: MeetingFields): Promise<void> {
  const members = await docsByIds<MemberDoc>(ctx.db, 'members', fields.memberIds, { communityId: true })
  if (fields.memberIds.some((id) => members.get(id)?.communityId !== communityId)) throw new AppError('NOT_FOUND', '参会党员不存在或不住在本社区')
  const units = await docsByIds<UnitDoc>(ctx.db, 'units', fields.unitIds, { name: true })
  if (fields.unitIds.some((id) => !units.has(id))) throw new AppError('NOT_FOUND', '参会单位不存在')
}

export async function saveMeeting(ctx: KnownContext, input: MeetingFields & { communityId: string; meetingId?: string }): Promise<MeetingView> {
  const community = await staffCommunity(ctx, input.communityId)
  requirePast(input.date, ctx.now())
  const { communityId: _c, meetingId, ...fields } = input
  const fieldsUnique = { ...fields, memberIds: [...new Set(fields.memberIds)], unitIds: [...new Set(fields.unitIds)], photos: [...new Set(fields.photos)] }
  await checkAttendees(ctx, community._id, fieldsUnique)
  const before = meetingId ? await staffRecord<MeetingDoc>(ctx, 'meetings', meetingId, '会议记录') : null
  // A photo kept from before was checked when it came; each new one must be the caller's own image.
  for (const fileID of fieldsUnique.photos.filter((f) => !before?.photos.includes(f))) await readUpload(ctx, fileID, 'image')
  if (before) {
    const after: MeetingDoc = { ...before, ...fieldsUnique, updatedAt: ctx.now() }
    await ctx.db.collection('meetings').doc(before._id).update({ data: { ...fieldsUnique, updatedAt: after.updatedAt } })
    return (await meetingViews(ctx, [after], true))[0]!
  }
  const doc: MeetingDoc = { _id: newId('meeting'), ...ownedBy(ctx, community), ...fieldsUnique }
  const { _id, ...data } = doc
  await ctx.db.collection('meetings').doc(_id).set({ data })
  return (await meetingViews(ctx, [doc], true))[0]!
}

export async function listMeetings(ctx: KnownContext, input: { communityId: string; page: number; pageSize: number }) {
  await staffCommunity(ctx, input.communityId)
  const { docs, total } = await readPage<MeetingDoc>(ctx.db, 'meetings', { communityId: input.communityId }, ['date', 'desc'], input)
  return { rows: await meetingViews(ctx, docs, true), total, page: input.page, pageSize: input.pageSize }
}

export async function getMeeting(ctx: KnownContext, meetingId: string): Promise<MeetingView> {
  return (await meetingViews(ctx, [await staffRecord<MeetingDoc>(ctx, 'meetings', meetingId, '会议记录')], true))[0]!
}

/** Every meeting of the community, oldest first, as the book is written. */
export async function allMeetings(ctx: KnownContext, communityId: string): Promise<MeetingView[]> {
  const docs = await scanAll<MeetingDoc>(ctx.db, 'meetings', { communityId })
  docs.sort((a, b) => a.date.getTime() - b.date.getTime())
  return meetingViews(ctx, docs, false)
}
