import type { EmbeddedEngine } from './engine'
import type { Params } from './params'
import { noteDbRequest } from './request-count'
import { loadSdkModules, type RequesterClass, type SdkModules } from './sdk-modules'

// The seam. In @cloudbase/node-sdk 3.17.2, newDb() (dist/database/index.js)
// runs `Db.reqClass = tcbdbapirequester_1.TcbDBApiHttpRequester` on every
// cloud.database() call, and every query, document, aggregate and transaction
// object of @cloudbase/database then does `new Db.reqClass(config).send(action,
// params, opts)`. Replacing that export (and Db.reqClass itself, for database
// objects made before installation) sends every action to the embedded engine
// while wx-server-sdk and the builder run unchanged.
//
// The HTTP transport (utils/tcbapirequester.request) throws a TcbError for any
// reply carrying `code` (node-sdk's processReturn; wx-server-sdk never turns
// that module-level switch off), and the builder and wx-server-sdk's error
// checker turn it into errCode/errMsg. The embedded requester ends the same
// way by calling that very processReturn.
//
// Init also probes Tencent Cloud's metadata host (cloudplatform's preflight ->
// metadata.lookupAppId, an HTTP GET) to learn whether it runs in the cloud.
// Locally the answer is "no", so the probe is answered without the network.
// Install before cloud.init() for that to take effect.

interface Installation {
  modules: SdkModules
  engine: EmbeddedEngine
  originalRequester: RequesterClass
  originalReqClass: RequesterClass
  originalLookupAppId: () => Promise<string>
}

let installation: Installation | undefined

function makeRequesterClass(modules: SdkModules, engine: () => EmbeddedEngine): RequesterClass {
  return class EmbeddedDbRequester {
    constructor(readonly config: unknown) {}

    async send(action: string, params?: unknown, _opts?: unknown): Promise<unknown> {
      noteDbRequest(action, params)
      const reply = engine().handle(action, (params ?? {}) as Params)
      if (reply.code) return modules.nodeSdkUtils.processReturn(reply)
      return reply
    }
  }
}

/** Routes every wx-server-sdk database call in this process to `engine`. Re-installing swaps the engine. */
export function installEmbeddedDatabase(engine: EmbeddedEngine): void {
  if (installation) {
    installation.engine = engine
    return
  }
  const modules = loadSdkModules()
  const current: Installation = {
    modules,
    engine,
    originalRequester: modules.requesterModule.TcbDBApiHttpRequester,
    originalReqClass: modules.databaseModule.Db.reqClass,
    originalLookupAppId: modules.metadata.lookupAppId,
  }
  const Requester = makeRequesterClass(modules, () => current.engine)
  modules.requesterModule.TcbDBApiHttpRequester = Requester
  modules.databaseModule.Db.reqClass = Requester
  modules.metadata.lookupAppId = async () => ''
  installation = current
}

/** Puts the SDK's HTTP transport and metadata probe back. */
export function uninstallEmbeddedDatabase(): void {
  if (!installation) return
  const { modules, originalRequester, originalReqClass, originalLookupAppId } = installation
  modules.requesterModule.TcbDBApiHttpRequester = originalRequester
  modules.databaseModule.Db.reqClass = originalReqClass
  modules.metadata.lookupAppId = originalLookupAppId
  installation = undefined
}

export function installedEngine(): EmbeddedEngine | undefined {
  return installation?.engine
}
