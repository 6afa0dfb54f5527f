import type { EntryView, MemberEntries } from '../../../src/domain/contracts/services.contract'
import type { ServiceEntryDoc } from '../../db/docs'
import { tempLinks } from '../../storage/temp-links'

// Entries as pages show them: photo links fetched for the whole page at once.

export function isEditable(doc: Pick<ServiceEntryDoc, 'status'>): boolean {
  return doc.status === 'draft' || doc.status === 'returned'
}

export function entryView(doc: ServiceEntryDoc, links: Map<string, string>): EntryView {
  return {
    entryId: doc._id,
    memberId: doc.memberId,
    date: doc.date.toISOString(),
    year: doc.year,
    quarter: doc.quarter,
    place: doc.place,
    content: doc.content,
    kind: doc.kind,
    hours: doc.hours,
    photo: doc.photoFileId ? { fileID: doc.photoFileId, url: links.get(doc.photoFileId) ?? '' } : null,
    source: doc.source?.type ?? null,
    status: doc.status,
    returnReason: doc.returnReason,
    returnedBy: doc.returnedBy,
    editable: isEditable(doc),
    originalHours: doc.source && doc.originalHours != null && doc.originalHours !== doc.hours ? doc.originalHours : null,
  }
}

export async function entryViews(docs: readonly ServiceEntryDoc[]): Promise<EntryView[]> {
  const links = await tempLinks([...new Set(docs.map((d) => d.photoFileId).filter((f): f is string => !!f))])
  return docs.map((d) => entryView(d, links))
}

/** Earliest first, as the 服务清单 is written. */
export function byDate(a: ServiceEntryDoc, b: ServiceEntryDoc): number {
  return a.date.getTime() - b.date.getTime() || a.createdAt.getTime() - b.createdAt.getTime() || a._id.localeCompare(b._id)
}

export const sumHours = (docs: readonly { hours: number }[]) => docs.reduce((sum, d) => sum + d.hours, 0)

/** Members with their entries (grouped from one read of the page's members' entries). */
export async function membersWithEntries(members: ReadonlyArray<{ _id: string; name: string }>, entries: ServiceEntryDoc[]): Promise<MemberEntries[]> {
  const views = await entryViews([...entries].sort(byDate))
  return members.map((m) => {
    const rows = views.filter((v) => v.memberId === m._id)
    return { memberId: m._id, name: m.name, rows, entries: rows.length, hours: sumHours(rows) }
  })
}
