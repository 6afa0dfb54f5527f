import * as cloud from 'wx-server-sdk'
import { EmbeddedEngine, installEmbeddedDatabase, uninstallEmbeddedDatabase } from '../embedded-db'
import { COLLECTIONS } from '../../server/db/collections'
import { INDEXES } from '../../server/db/indexes'
import type { Database } from '../../server/kernel/database'
import { installLocalOpenapi, uninstallLocalOpenapi } from '../openapi/openapi-seam'
import { localOpenapi } from '../openapi/subscribe-message-standin'
import { WECHAT_GRANTS } from '../openapi/wechat-grants'
import { LOCAL_COLLECTIONS } from './session'

/** The environment id of the local cloud (fileIDs read cloud://local.…). */
export const LOCAL_ENV = 'local'

/**
 * Opens the embedded engine on `file` (':memory:' for throwaway tests), makes
 * the project's collections and indexes, and returns the real SDK database
 * object on top of it: the same `cloud.database()` the functions use. The
 * open-API calls (subscription messages) are answered locally too.
 */
export function openLocalDatabase(file: string): { db: Database; engine: EmbeddedEngine; close(): void } {
  const engine = EmbeddedEngine.open({ file })
  engine.ensureCollections([...COLLECTIONS, WECHAT_GRANTS, ...LOCAL_COLLECTIONS])
  engine.declareIndexes(INDEXES)
  installEmbeddedDatabase(engine)
  installLocalOpenapi(localOpenapi)
  cloud.init({ env: LOCAL_ENV })
  return {
    db: cloud.database(),
    engine,
    close() {
      uninstallEmbeddedDatabase()
      uninstallLocalOpenapi()
      engine.close()
    },
  }
}
