import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type * as Bson from 'bson'

// The embedded database reaches into internals of the SDK chain
// wx-server-sdk -> @cloudbase/node-sdk -> @cloudbase/database. Those internals
// are not a public API, so the versions are pinned and checked here; any
// other layout fails loudly instead of silently talking to the network.
export const PINNED_VERSIONS = {
  'wx-server-sdk': '4.0.2',
  '@cloudbase/node-sdk': '3.17.2',
  '@cloudbase/database': '1.4.3',
} as const

export type BsonModule = typeof Bson

export interface RequesterClass {
  new (config: unknown): { send(action: string, params?: unknown, opts?: unknown): Promise<unknown> }
}

export interface SdkModules {
  /** `@cloudbase/node-sdk/dist/utils/tcbdbapirequester`: `newDb()` reads its export on every `database()` call. */
  requesterModule: { TcbDBApiHttpRequester: RequesterClass }
  /** `@cloudbase/database`: every query object does `new Db.reqClass(config)`. */
  databaseModule: { Db: { reqClass: RequesterClass } }
  /** `@cloudbase/node-sdk/dist/utils/utils`: the transport's own error-to-exception step. */
  nodeSdkUtils: { processReturn(result: unknown): unknown }
  /** `@cloudbase/node-sdk/dist/utils/metadata`: probes Tencent Cloud's metadata host at init. */
  metadata: { lookupAppId(): Promise<string> }
}

interface Dirs {
  wx: string
  nodeSdk: string
  database: string
}

let dirs: Dirs | undefined
let bson: BsonModule | undefined

function fail(detail: string): never {
  throw new Error(
    `embedded-db: the wx-server-sdk database layout is not the pinned one (${detail}). ` +
      `Expected ${Object.entries(PINNED_VERSIONS).map(([name, v]) => `${name}@${v}`).join(', ')}; ` +
      'the embedded transport replaces an SDK internal and must be re-verified before the versions change.',
  )
}

function versionAt(dir: string): string {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version?: string }
  return pkg.version ?? '?'
}

// Resolved from wx-server-sdk's own location so that the copy patched here is
// the one wx-server-sdk loads, whatever else is hoisted in node_modules.
export function sdkDirs(): Dirs {
  if (dirs) return dirs
  const wx = dirname(require.resolve('wx-server-sdk/package.json'))
  const nodeSdk = dirname(require.resolve('@cloudbase/node-sdk/package.json', { paths: [wx] }))
  const database = dirname(require.resolve('@cloudbase/database/package.json', { paths: [nodeSdk] }))
  const found: Record<keyof typeof PINNED_VERSIONS, string> = {
    'wx-server-sdk': versionAt(wx),
    '@cloudbase/node-sdk': versionAt(nodeSdk),
    '@cloudbase/database': versionAt(database),
  }
  for (const [name, want] of Object.entries(PINNED_VERSIONS) as Array<[keyof typeof PINNED_VERSIONS, string]>) {
    if (found[name] !== want) fail(`${name} is ${found[name]}`)
  }
  dirs = { wx, nodeSdk, database }
  return dirs
}

/** The bson copy the builder itself uses to write and read Extended JSON. */
export function loadBson(): BsonModule {
  if (bson) return bson
  bson = require(require.resolve('bson', { paths: [sdkDirs().database] })) as BsonModule
  return bson
}

function hasFunction(value: unknown, name: string): boolean {
  return typeof value === 'object' && value !== null && typeof (value as Record<string, unknown>)[name] === 'function'
}

/** Loads the SDK internals the seam needs and checks each is shaped as expected. */
export function loadSdkModules(): SdkModules {
  const { nodeSdk } = sdkDirs()
  const dbIndexFile = join(nodeSdk, 'dist/database/index.js')
  // The seam: newDb() re-assigns Db.reqClass from the requester module's export.
  if (!/Db\.reqClass\s*=\s*tcbdbapirequester_1\.TcbDBApiHttpRequester/.test(readFileSync(dbIndexFile, 'utf8'))) {
    fail('newDb() no longer assigns Db.reqClass from tcbdbapirequester')
  }
  const requesterModule = require(join(nodeSdk, 'dist/utils/tcbdbapirequester.js')) as SdkModules['requesterModule']
  if (typeof requesterModule.TcbDBApiHttpRequester !== 'function') fail('TcbDBApiHttpRequester export missing')
  const databaseModule = require(require.resolve('@cloudbase/database', { paths: [nodeSdk] })) as SdkModules['databaseModule']
  if (typeof databaseModule.Db !== 'function') fail('@cloudbase/database has no Db export')
  const nodeSdkUtils = require(join(nodeSdk, 'dist/utils/utils.js')) as SdkModules['nodeSdkUtils']
  if (!hasFunction(nodeSdkUtils, 'processReturn')) fail('utils.processReturn missing')
  const metadata = require(join(nodeSdk, 'dist/utils/metadata.js')) as SdkModules['metadata']
  if (!hasFunction(metadata, 'lookupAppId')) fail('metadata.lookupAppId missing')
  return { requesterModule, databaseModule, nodeSdkUtils, metadata }
}
