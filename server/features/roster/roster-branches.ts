import type { Database } from '../../kernel/database'
import { isDuplicateKey } from '../../db/db-errors'
import type { BranchDoc, UnitDoc } from '../../db/docs'
import { newId } from '../../db/new-id'
import { scanAll } from '../../db/read'

// 所在支部 is written by name (roster column, roster edit); a name the unit
// has not used before creates the branch. Two imports naming a new branch at
// once create it once (unique index unitId + name): the loser reads the winner's.

/** The branch id for each name (names trimmed, spaces inside kept); creates those the unit lacks. */
export async function branchIdsByName(db: Database, unit: Pick<UnitDoc, '_id' | 'districtId'>, names: readonly string[], now: Date): Promise<Map<string, string>> {
  const wanted = [...new Set(names.map((n) => n.trim()).filter(Boolean))]
  const ids = new Map<string, string>()
  if (wanted.length === 0) return ids
  const existing = await scanAll<BranchDoc>(db, 'branches', { unitId: unit._id }, { fields: { name: true } })
  for (const b of existing) ids.set(b.name, b._id)
  for (const name of wanted.filter((n) => !ids.has(n))) {
    const _id = newId('branch')
    try {
      await db.collection('branches').add({ data: { _id, unitId: unit._id, districtId: unit.districtId, name, createdAt: now } })
      ids.set(name, _id)
    } catch (error) {
      if (!isDuplicateKey(error)) throw error
      const [winner] = await scanAll<BranchDoc>(db, 'branches', { unitId: unit._id, name })
      if (!winner) throw error
      ids.set(name, winner._id)
    }
  }
  return ids
}

/** The member's branch for a name as typed: null for none. */
export async function branchIdOf(db: Database, unit: Pick<UnitDoc, '_id' | 'districtId'>, name: string, now: Date): Promise<string | null> {
  return (await branchIdsByName(db, unit, [name], now)).get(name.trim()) ?? null
}
