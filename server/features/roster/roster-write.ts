import type { MemberFields } from '../../../src/domain/member'
import type { Database } from '../../kernel/database'
import { isDuplicateKey } from '../../db/db-errors'
import type { CommunityDoc, MemberDoc, UnitDoc } from '../../db/docs'
import { applyTallyPlan, memberContribution } from '../../db/unit-tallies'
import { tallyPlan } from '../../../src/domain/unit-tally'
import { getRows, scanAll } from '../../db/read'
import { memberResidence, memberUnit } from '../../db/member-residence'
import { addDoc, addDocs, updateDoc } from '../../db/write'

// Writes checked roster rows. A member is the same member when the unit and
// the mobile are the same (unique index unitId + mobile): importing a roster
// again updates, never duplicates. A member whose number changed on their 附件1
// form is still found by the number the unit's spreadsheet has (formerMobiles).

export interface RosterUpsert {
  fields: MemberFields
  community: CommunityDoc
  /** 所在支部: null for none; absent (no such column): left as it is. */
  branchId?: string | null
}

const branchOf = (row: RosterUpsert) => (row.branchId === undefined ? {} : { branchId: row.branchId })

type Existing = Pick<MemberDoc, '_id' | 'mobile' | 'unitId' | 'streetId' | 'report' | 'claimCounts'> & { formerMobiles?: string[] }

/** New members go in one request per batch: a 10,000-row roster is 50 inserts, not 10,000. */
const INSERT_BATCH = 200

/** The tally change of a member moved to `community` (null before: a new member). */
function moved(before: Existing | null, unitId: string, community: CommunityDoc) {
  const after = memberContribution({ ...(before ?? { unitId, report: null }), streetId: community.streetId })
  return { before: before && memberContribution(before), after }
}

export async function upsertRoster(db: Database, unit: UnitDoc, rows: readonly RosterUpsert[], now: Date): Promise<{ created: number; updated: number }> {
  const unitId = unit._id
  const fields = { mobile: true, formerMobiles: true, unitId: true, streetId: true, report: true, claimCounts: true }
  const existing = await scanAll<Existing>(db, 'members', { unitId }, { fields })
  const byMobile = new Map(existing.map((m) => [m.mobile, m]))
  const byFormer = new Map(existing.flatMap((m) => (m.formerMobiles ?? []).map((f): [string, Existing] => [f, m])))

  let updated = 0
  const fresh: RosterUpsert[] = []
  const changes: Array<ReturnType<typeof moved>> = []
  for (const row of rows) {
    const current = byMobile.get(row.fields.mobile)
    const former = current ? undefined : byFormer.get(row.fields.mobile)
    if (!current && !former) {
      fresh.push(row)
      continue
    }
    // Found by an old number: the member's newer number stays.
    const { mobile: _mobile, ...rest } = row.fields
    await updateDoc(db, 'members', (current ?? former)!._id, { ...(current ? row.fields : rest), ...memberResidence(row.community), ...memberUnit(unit), ...branchOf(row), updatedAt: now })
    changes.push(moved((current ?? former)!, unitId, row.community))
    updated++
  }
  // Each write's tally change follows it (server/db/unit-tallies.ts).
  await applyTallyPlan(db, tallyPlan(changes), unit)

  let created = 0
  const newDoc = (row: RosterUpsert) => ({ ...row.fields, ...memberResidence(row.community), ...memberUnit(unit), branchId: row.branchId ?? null, joinedUnitAt: now, report: null, createdAt: now, updatedAt: now })
  for (let at = 0; at < fresh.length; at += INSERT_BATCH) {
    const batch = fresh.slice(at, at + INSERT_BATCH)
    try {
      await addDocs(db, 'members', batch.map(newDoc))
      await applyTallyPlan(db, tallyPlan(batch.map((row) => moved(null, unitId, row.community))), unit)
      created += batch.length
      continue
    } catch (error) {
      if (!isDuplicateKey(error)) throw error
    }
    // Another import added one of these mobiles a moment ago: one by one, updating that member instead.
    // (The cloud may have inserted part of the batch before refusing; those count as updated then.)
    for (const row of batch) {
      try {
        await addDoc(db, 'members', newDoc(row))
        await applyTallyPlan(db, tallyPlan([moved(null, unitId, row.community)]), unit)
        created++
      } catch (error) {
        if (!isDuplicateKey(error)) throw error
        const [winner] = await getRows<Existing>(db.collection('members').where({ unitId, mobile: row.fields.mobile }).limit(1))
        if (!winner) throw error
        await updateDoc(db, 'members', winner._id, { ...row.fields, ...memberResidence(row.community), ...memberUnit(unit), ...branchOf(row), updatedAt: now })
        await applyTallyPlan(db, tallyPlan([moved(winner, unitId, row.community)]), unit)
        updated++
      }
    }
  }
  return { created, updated }
}
