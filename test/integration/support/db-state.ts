import { COLLECTIONS } from '../../../server/db/collections'
import { countOf, scanAll } from '../../../server/db/read'
import type { Database } from '../../../server/kernel/database'

/** The whole database as text: equal before and after a call means the call wrote nothing. */
export async function fingerprint(db: Database, except: readonly string[] = []): Promise<string> {
  const parts: string[] = []
  for (const name of COLLECTIONS.filter((c) => !except.includes(c))) {
    const docs = await scanAll<{ _id: string }>(db, name)
    parts.push(`${name}:${JSON.stringify(docs)}`)
  }
  return parts.join('\n')
}

export async function counts(db: Database): Promise<Record<string, number>> {
  const result: Record<string, number> = {}
  for (const name of COLLECTIONS) result[name] = await countOf(db.collection(name))
  return result
}

/** Asserts that `body` leaves the database exactly as it found it. */
export async function expectNothingWritten<T>(db: Database, body: () => Promise<T>): Promise<T> {
  const before = await fingerprint(db)
  const beforeCounts = await counts(db)
  const result = await body()
  expect(await counts(db)).toEqual(beforeCounts)
  expect(await fingerprint(db)).toBe(before)
  return result
}

/**
 * Asserts that `body` changes nothing but the trace of a refusal: an `audit`
 * entry and the caller's failure count in `attempts` (limited and audited).
 */
export async function expectOnlyRefusalRecorded<T>(db: Database, body: () => Promise<T>): Promise<T> {
  const trace = ['audit', 'attempts']
  const before = await fingerprint(db, trace)
  const result = await body()
  expect(await fingerprint(db, trace)).toBe(before)
  return result
}
