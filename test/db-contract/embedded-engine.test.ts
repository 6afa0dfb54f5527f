import Database from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { EmbeddedEngine, GET_MAX_LIMIT } from '../../local/embedded-db'
import { INDEXES } from '../../server/db/indexes'
import { describeEmbedded } from './setup'

// Engine-only checks (no cloud equivalent): the engine enforces the platform's
// limits on its own, index-served filters reach SQLite's indexes, and requests
// the builder never sends still fail cleanly. Skipped against a real cloud.

// Plain JSON is valid (relaxed) Extended JSON for these values.
const ejson = (value: unknown) => JSON.stringify(value)

describeEmbedded('embedded engine', () => {
  let engine: EmbeddedEngine

  beforeAll(() => {
    engine = EmbeddedEngine.open({ file: ':memory:' })
    engine.declareIndexes(INDEXES)
    engine.ensureCollections(['raw'])
    const data = Array.from({ length: 1200 }, (_unused, i) => ejson({ i }))
    const reply = engine.handle('database.insertDocument', { collectionName: 'raw', data })
    expect(reply.code).toBeUndefined()
  })

  afterAll(() => engine.close())

  const list = (reply: ReturnType<EmbeddedEngine['handle']>) => (reply as unknown as { data: { list: string[] } }).data.list

  it('clamps get limits itself, whatever a raw request asks for', () => {
    expect(list(engine.handle('database.getDocument', { collectionName: 'raw', queryType: 'WHERE', limit: 5000 }))).toHaveLength(GET_MAX_LIMIT)
    expect(list(engine.handle('database.getDocument', { collectionName: 'raw', queryType: 'WHERE' }))).toHaveLength(100)
  })

  it('applies the default aggregate limit to a raw pipeline', () => {
    expect(list(engine.handle('database.aggregateDocuments', { collectionName: 'raw', stages: [] }))).toHaveLength(20)
  })

  it('serves equality, $in and ranges on declared fields from an index, arrays included', () => {
    const plan = (query: Record<string, unknown>) => engine.explain('members', query).join(' | ')
    expect(plan({ unitId: 'u1' })).toMatch(/USING INDEX/)
    expect(plan({ unitId: { $in: ['u1', 'u2'] }, name: 'x' })).toMatch(/USING INDEX/)
    expect(plan({ communityId: { $gte: 'c1', $lt: 'c9' } })).toMatch(/USING INDEX/)
    expect(engine.explain('users', { openid: 'o' }).join(' | ')).toMatch(/USING INDEX/)
    expect(engine.explain('members', { _id: { $gt: 'a' } }, { _id: 1 }).join(' | ')).toMatch(/PRIMARY KEY|sqlite_autoindex/)
    expect(plan({ name: 'x' })).toMatch(/^SCAN/)
  })

  it('serves date ranges from the field\'s index, not from its type guard', () => {
    const now = new Date('2026-06-01T02:00:00Z')
    const plan = (query: Record<string, unknown>, sort?: Record<string, 1 | -1>) => engine.explain('needs', query, sort).join(' | ')
    expect(plan({ yellowAt: { $gte: now } })).toMatch(/USING INDEX ix:needs:yellowAt \(<expr>>\?\)/)
    expect(plan({ communityId: 'c', yellowAt: { $lte: now } }, { yellowAt: 1, _id: 1 })).toMatch(/USING INDEX ix:needs:communityId_yellowAt \(<expr>=\? AND <expr>>\? AND <expr><\?\)/)
    expect(plan({ redAt: { $lte: now } })).not.toMatch(/__array/)
  })

  it('answers an unknown action and a malformed parameter with an error reply, not an exception', () => {
    expect(engine.handle('database.dropEverything', {})).toMatchObject({ code: 'DATABASE_REQUEST_FAILED' })
    expect(engine.handle('database.getDocument', { collectionName: 'raw', query: '{not json' })).toMatchObject({ code: 'INVALID_PARAM' })
    expect(engine.handle('database.commitTransaction', { transactionId: 'nope' })).toMatchObject({ code: 'DATABASE_TRANSACTION_FAIL' })
  })

  it('keeps collections strict unless asked to create them on first use', () => {
    expect(engine.handle('database.insertDocument', { collectionName: 'fresh', data: [ejson({ a: 1 })] })).toMatchObject({
      code: 'DATABASE_COLLECTION_NOT_EXIST',
    })
    const lenient = EmbeddedEngine.open({ file: ':memory:', autoCreateCollections: true })
    expect(lenient.handle('database.insertDocument', { collectionName: 'fresh', data: [ejson({ a: 1 })] }).code).toBeUndefined()
    lenient.close()
  })

  it('keeps its file in WAL mode', () => {
    const dir = mkdtempSync(join(tmpdir(), 'db-engine-'))
    const file = join(dir, 'db.sqlite')
    try {
      EmbeddedEngine.open({ file }).close()
      const probe = new Database(file, { readonly: true })
      expect(probe.pragma('journal_mode', { simple: true })).toBe('wal')
      probe.close()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('refuses to declare a unique index that existing data already breaks', () => {
    engine.ensureCollections(['dupes'])
    engine.handle('database.insertDocument', { collectionName: 'dupes', data: [ejson({ k: 1 }), ejson({ k: 1 })] })
    expect(() => engine.declareIndexes([{ collection: 'dupes', keys: { k: 1 }, unique: true, name: 'k_unique' }])).toThrow(/UNIQUE/)
  })
})
