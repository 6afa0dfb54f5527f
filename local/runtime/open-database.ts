import * as cloud from 'wx-server-sdk'
import { EmbeddedEngine, installEmbeddedDatabase, uninstallEmbeddedDatabase } from '../embedded-db'
import { COLLECTIONS } from '../../server/db/collections'
import { INDEXES } from '../../server/db/indexes'
import type { Database } from '../../server/kernel/database'
import { LOCAL_COLLECTIONS } from './session'

/**
 * Opens the embedded engine on `file` (':memory:' for throwaway tests), makes
 * the project's collections and indexes, and returns the real SDK database
 * object on top of it: the same `cloud.database()` the functions use.
 */
export function openLocalDatabase(file: string): { db: Database; engine: EmbeddedEngine; close(): void } {
  const engine = EmbeddedEngine.open({ file })
  engine.ensureCollections([...COLLECTIONS, ...LOCAL_COLLECTIONS])
  engine.declareIndexes(INDEXES)
  installEmbeddedDatabase(engine)
  cloud.init({ env: 'local' })
  return {
    db: cloud.database(),
    engine,
    close() {
      uninstallEmbeddedDatabase()
      engine.close()
    },
  }
}
