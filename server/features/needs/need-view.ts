import * as cloud from 'wx-server-sdk'
import type { NeedDetail, NeedRow } from '../../../src/domain/contracts/needs.contract'
import { maskMobile } from '../../../src/domain/mobile'
import { allowedEvents, overdueLevel, type Actor } from '../../../src/domain/need-rules'
import { maskAddress, maskName, seesContact, type NeedViewer } from '../../../src/domain/need-privacy'
import type { NeedDoc } from './need-doc'
import { viewerOf } from './need-access'

// A need as its reader may see it: contact details in full for those who may
// (need-privacy.ts), masked for everyone else.

const iso = (date: Date | null) => (date ? date.toISOString() : null)

export function needRow(need: NeedDoc, viewer: NeedViewer, now: Date): NeedRow {
  const open = seesContact(viewer, need)
  return {
    needId: need._id,
    communityId: need.communityId,
    postId: need.postId,
    categoryName: need.categoryName,
    content: need.content,
    address: open ? need.address : maskAddress(need.address),
    contactName: open ? need.contactName : maskName(need.contactName),
    mobile: open ? need.mobile : maskMobile(need.mobile),
    suitableTime: need.suitableTime,
    urgency: need.urgency,
    channel: need.channel,
    state: need.state,
    overdue: overdueLevel(need, now),
    yellowAt: iso(need.yellowAt),
    submittedAt: need.submittedAt.toISOString(),
    assignedMemberId: need.assignedMemberId,
    assignedMemberName: need.assignedMemberName,
    hours: need.completion?.hours ?? null,
    rating: need.rating,
  }
}

/** Temporary links for the photos, in one storage call (at most 50 per call; a need has at most 6). */
async function photoLinks(fileIDs: string[]): Promise<Map<string, string>> {
  if (fileIDs.length === 0) return new Map()
  const result = (await cloud.getTempFileURL({ fileList: fileIDs.map((fileID) => ({ fileID, maxAge: 3600 })) })) as {
    fileList: Array<{ fileID: string; tempFileURL: string }>
  }
  return new Map(result.fileList.map((f) => [f.fileID, f.tempFileURL]))
}

export async function needDetail(need: NeedDoc, actor: Actor, now: Date): Promise<NeedDetail> {
  const viewer = viewerOf(actor)
  const open = seesContact(viewer, need)
  const links = await photoLinks([...need.photos, ...(need.completion?.photos ?? [])])
  const linked = (ids: string[]) => ids.map((id) => links.get(id) ?? '').filter(Boolean)
  return {
    ...needRow(need, viewer, now),
    photos: linked(need.photos),
    additions: need.additions.map((a) => ({ text: a.text, at: a.at.toISOString() })),
    rejectReason: need.rejectReason,
    mergedInto: need.mergedInto,
    completion: need.completion
      ? { what: need.completion.what, doneAt: need.completion.doneAt.toISOString(), hours: need.completion.hours, photos: linked(need.completion.photos) }
      : null,
    comment: need.comment,
    history: need.history.map((h) => ({
      event: h.event,
      from: h.from,
      to: h.to,
      byName: open || h.byRole !== 'resident' ? h.byName : maskName(h.byName),
      byRole: h.byRole,
      at: h.at.toISOString(),
      note: h.note,
    })),
    can: allowedEvents(need, actor, now),
  }
}
