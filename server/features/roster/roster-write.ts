import type { MemberFields } from '../../../src/domain/member'
import type { Database } from '../../kernel/database'
import { isDuplicateKey } from '../../db/db-errors'
import type { CommunityDoc, MemberDoc } from '../../db/docs'
import { getRows, scanAll } from '../../db/read'
import { addDoc, updateDoc } from '../../db/write'

// Writes checked roster rows. A member is the same member when the unit and
// the mobile are the same (unique index unitId + mobile): importing a roster
// again updates, never duplicates. A member whose number changed on their 附件1
// form is still found by the number the unit's spreadsheet has (formerMobiles).

export interface RosterUpsert {
  fields: MemberFields
  community: CommunityDoc
}

type Existing = Pick<MemberDoc, '_id' | 'mobile'> & { formerMobiles?: string[] }

function residence(community: CommunityDoc) {
  return { communityId: community._id, streetId: community.streetId, districtId: community.districtId }
}

export async function upsertRoster(db: Database, unitId: string, rows: readonly RosterUpsert[], now: Date): Promise<{ created: number; updated: number }> {
  const existing = await scanAll<Existing>(db, 'members', { unitId }, { fields: { mobile: true, formerMobiles: true } })
  const byMobile = new Map(existing.map((m) => [m.mobile, m]))
  const byFormer = new Map(existing.flatMap((m) => (m.formerMobiles ?? []).map((f): [string, Existing] => [f, m])))

  let created = 0
  let updated = 0
  for (const { fields, community } of rows) {
    const current = byMobile.get(fields.mobile)
    const former = current ? undefined : byFormer.get(fields.mobile)
    if (current || former) {
      // Found by an old number: the member's newer number stays.
      const { mobile: _mobile, ...rest } = fields
      await updateDoc(db, 'members', (current ?? former)!._id, { ...(current ? fields : rest), ...residence(community), updatedAt: now })
      updated++
      continue
    }
    try {
      await addDoc(db, 'members', { ...fields, ...residence(community), unitId, joinedUnitAt: now, createdAt: now, updatedAt: now })
      created++
    } catch (error) {
      if (!isDuplicateKey(error)) throw error
      // Another import added this mobile a moment ago: update that member instead.
      const [winner] = await getRows<Existing>(db.collection('members').where({ unitId, mobile: fields.mobile }).limit(1))
      if (!winner) throw error
      await updateDoc(db, 'members', winner._id, { ...fields, ...residence(community), updatedAt: now })
      updated++
    }
  }
  return { created, updated }
}
