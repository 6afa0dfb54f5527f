import { join } from 'node:path'
import { sdkDirs } from '../embedded-db/sdk-modules'
import { answerStorageAction, isStorageAction } from './actions'
import type { FileStore } from './file-store'
import { localRequest, type CoreRequestOptions } from './transport'

// The storage seam, the same swap as the database's. wx-server-sdk's
// uploadFile / getTempFileURL / downloadFile / deleteFile call
// @cloudbase/node-sdk 3.17.2's dist/storage/index.js, which sends
//   - every storage action (storage.getUploadMetadata, .batchGetDownloadUrl,
//     .batchDeleteFile) through `tcbapicaller.request(args)`
//     (dist/utils/tcbapirequester.js), and
//   - the file bytes (the PUT of an upload, the GET of downloadFile) through
//     `request_core_1.request(opts, cb)` (dist/utils/request-core.js).
// Both are looked up on their module objects at call time, so replacing the
// two exports routes storage to the local FileStore while the SDK code above
// them, its checks and its error shapes, runs unchanged. Everything else
// (other actions, other URLs) goes to the originals.

type ApiRequest = (args: {
  params: { action?: unknown } & Record<string, unknown>
  opts?: { onResponseReceived?: (response: { statusCode: number }) => void }
}) => Promise<unknown>
type CoreRequest = (opts: CoreRequestOptions, cb: (...args: unknown[]) => void) => unknown

interface SdkStorageModules {
  api: { request: ApiRequest }
  core: { request: CoreRequest }
  utils: { processReturn(result: unknown): unknown }
}

interface Installation {
  modules: SdkStorageModules
  store: FileStore
  originalApi: ApiRequest
  originalCore: CoreRequest
}

let installation: Installation | undefined

function loadModules(): SdkStorageModules {
  const { nodeSdk } = sdkDirs() // checks the pinned versions
  const api = require(join(nodeSdk, 'dist/utils/tcbapirequester.js')) as SdkStorageModules['api']
  const core = require(join(nodeSdk, 'dist/utils/request-core.js')) as SdkStorageModules['core']
  const utils = require(join(nodeSdk, 'dist/utils/utils.js')) as SdkStorageModules['utils']
  if (typeof api.request !== 'function' || typeof core.request !== 'function' || typeof utils.processReturn !== 'function') {
    throw new Error('embedded-storage: @cloudbase/node-sdk no longer has tcbapirequester.request / request-core.request; re-verify the storage seam')
  }
  return { api, core, utils }
}

/** Routes every wx-server-sdk storage call in this process to `store`. Re-installing swaps the store. */
export function installEmbeddedStorage(store: FileStore): void {
  if (installation) {
    installation.store = store
    return
  }
  const modules = loadModules()
  const current: Installation = { modules, store, originalApi: modules.api.request, originalCore: modules.core.request }
  modules.api.request = async (args) => {
    if (!isStorageAction(args?.params?.action)) return current.originalApi(args)
    const reply = answerStorageAction(current.store, args.params)
    args.opts?.onResponseReceived?.({ statusCode: 200 })
    // The HTTP requester throws for any reply with a code (node-sdk's processReturn).
    return reply.code ? modules.utils.processReturn(reply) : reply
  }
  modules.core.request = (opts, cb) =>
    typeof opts?.url === 'string' && current.store.owns(opts.url) ? localRequest(current.store, opts, cb) : current.originalCore(opts, cb)
  installation = current
}

export function uninstallEmbeddedStorage(): void {
  if (!installation) return
  installation.modules.api.request = installation.originalApi
  installation.modules.core.request = installation.originalCore
  installation = undefined
}
