import type { Database } from '../../kernel/database'
import type { RegistrationDoc, ReportDoc } from '../../db/docs'
import { scan } from '../../db/read'

/**
 * The registrations that count in a community: those of members whose active
 * report is there. A claim becomes real when the member has reported; a member
 * who moved away leaves their old claims behind as history.
 */
export async function countingRegistrations(db: Database, communityId: string): Promise<{ registrations: RegistrationDoc[]; reports: Map<string, ReportDoc> }> {
  const reports = new Map<string, ReportDoc>()
  for await (const page of scan<ReportDoc>(db, 'reports', { communityId, status: 'active' })) for (const r of page) reports.set(r.memberId, r)
  const registrations: RegistrationDoc[] = []
  for await (const page of scan<RegistrationDoc>(db, 'registrations', { communityId })) {
    for (const reg of page) if (reports.has(reg.memberId)) registrations.push(reg)
  }
  return { registrations, reports }
}

/** How many reported members claimed each post of the community. */
export async function claimCountsOf(db: Database, communityId: string): Promise<Map<string, number>> {
  const counts = new Map<string, number>()
  const { registrations } = await countingRegistrations(db, communityId)
  for (const reg of registrations) {
    for (const claim of reg.claims) if ('postId' in claim) counts.set(claim.postId, (counts.get(claim.postId) ?? 0) + 1)
  }
  return counts
}
