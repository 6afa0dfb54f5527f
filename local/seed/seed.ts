import type { Database } from '../../server/kernel/database'
import { getRows } from '../../server/db/read'
import { recountTallies } from '../../server/features/stats/tally-recount'
import { seedDemoActivities } from './demo-activities'
import { buildDemoData } from './demo-data'
import { seedDemoPairing } from './demo-pairing'
import { seedDemoRecords } from './demo-records'
import { seedDemoNeeds } from './demo-needs'
import { seedDemoServices } from './demo-services'
import { seedDemoCorrections } from './demo-corrections'
import { seedDemoBulletins } from './demo-bulletins'
import { seedDemoEvaluation } from './demo-evaluation'
import { seedDemoReminders } from './demo-reminders'
import { DEMO_PHOTO_PATH, demoPhotoPng, type SeedFiles } from './demo-images'
import { seedDemoLedger } from './demo-ledger'

const MARKER = { collection: 'meta', id: 'demo-seed' }

async function alreadySeeded(db: Database): Promise<boolean> {
  return (await getRows(db.collection(MARKER.collection).where({ _id: MARKER.id }))).length > 0
}

/**
 * Writes the demo city through the same SDK builder the functions use, once.
 * The marker is written last, so a start interrupted mid-seed seeds again
 * (set() by id makes that safe), and a seeded database keeps its data.
 * `files`, the local file store, takes the demo's images (members' photos, a
 * community's seal); without it the demo has none rather than broken links.
 */
export async function seedIfEmpty(db: Database, options: { files?: SeedFiles } = {}): Promise<boolean> {
  if (await alreadySeeded(db)) return false
  const data = buildDemoData()
  for (const [collection, docs] of Object.entries(data)) {
    for (const { _id, ...doc } of docs as Array<{ _id: string }>) {
      await db.collection(collection).doc(_id).set({ data: doc })
    }
  }
  await seedDemoPairing(db, data)
  await seedDemoRecords(db, data)
  await seedDemoActivities(db, data, new Date())
  // The seed writes records directly: the units' tallies are counted from them.
  await recountTallies(db, {}, new Date(), () => {})
  await seedDemoNeeds(db, new Date())
  await seedDemoServices(db, data)
  await seedDemoCorrections(db, data, options.files ? options.files.put(DEMO_PHOTO_PATH, demoPhotoPng()) : null)
  // After the pledges (corrections) and every record the facts are gathered from.
  await seedDemoEvaluation(db, data, options.files)
  // The 台账's 文件清单 examples (issue 12).
  await seedDemoLedger(db, data)
  // Last: bulletins are generated from everything seeded above (2025's evaluations included).
  await seedDemoBulletins(db, data)
  // 我的 → 消息提醒: a few subscriptions and messages for demo-member-1, demo-resident-1, demo-staff-1.
  await seedDemoReminders(db)
  await db.collection(MARKER.collection).doc(MARKER.id).set({ data: { seededAt: new Date() } })
  return true
}
