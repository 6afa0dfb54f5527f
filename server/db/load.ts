import { AppError } from '../../src/domain/errors'
import type { Scope } from '../../src/domain/roles'
import type { Database } from '../kernel/database'
import type { CommunityDoc, MemberDoc, ReportDoc, StreetDoc, UnitDoc } from './docs'
import { getRows } from './read'

// Loads one record by id together with its full scope, the target every
// authorize() call checks against. A missing record is NOT_FOUND. Records a
// caller asks for by id and may not be theirs go through
// server/access/authorized-record.ts instead.

/** The record, or undefined when there is none. */
export async function findById<T>(db: Database, collection: string, id: string): Promise<T | undefined> {
  const [doc] = await getRows<T>(db.collection(collection).where({ _id: id }).limit(1))
  return doc
}

export function notFound(what: string): AppError {
  return new AppError('NOT_FOUND', `${what}不存在`)
}

async function required<T>(db: Database, collection: string, id: string, what: string): Promise<T> {
  const doc = await findById<T>(db, collection, id)
  if (!doc) throw notFound(what)
  return doc
}

export const loadUnit = (db: Database, id: string) => required<UnitDoc>(db, 'units', id, '单位')
export const loadCommunity = (db: Database, id: string) => required<CommunityDoc>(db, 'communities', id, '社区')
export const loadStreet = (db: Database, id: string) => required<StreetDoc>(db, 'streets', id, '街道')
export const loadMember = (db: Database, id: string) => required<MemberDoc>(db, 'members', id, '党员')
export const findCommunity = (db: Database, id: string) => findById<CommunityDoc>(db, 'communities', id)

export function unitScope(unit: UnitDoc): Scope {
  return { unitId: unit._id, districtId: unit.districtId }
}

export function communityScope(community: CommunityDoc): Scope {
  return { communityId: community._id, streetId: community.streetId, districtId: community.districtId }
}

/** A member's scope: themself, their unit, and where they live. */
export function memberScope(member: MemberDoc): Scope {
  return { memberId: member._id, unitId: member.unitId, communityId: member.communityId, streetId: member.streetId, districtId: member.districtId }
}

export function reportScope(report: ReportDoc): Scope {
  return { memberId: report.memberId, unitId: report.unitId, communityId: report.communityId, streetId: report.streetId, districtId: report.districtId }
}
