// Local stand-in for WeChat Cloud Development's document database: the real
// wx-server-sdk query builder, with its transport replaced by an embedded
// SQLite + mingo engine. Typical use (before cloud.init()):
//
//   const engine = EmbeddedEngine.open({ file: 'data/db.sqlite' })
//   engine.declareIndexes(INDEXES)
//   engine.ensureCollections([...])
//   installEmbeddedDatabase(engine)
//   cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })
//   const db = cloud.database()
export { EmbeddedEngine, SUPPORTED_ACTIONS, type EngineReply, type OpenOptions } from './engine'
export { installEmbeddedDatabase, uninstallEmbeddedDatabase, installedEngine } from './requester'
export { countDbRequests, type DbRequest } from './request-count'
export { ErrorCode, type ErrorCodeValue } from './errors'
export { AGGREGATE_DEFAULT_LIMIT, GET_DEFAULT_LIMIT, GET_MAX_LIMIT } from './limits'
export { PINNED_VERSIONS } from './sdk-modules'
