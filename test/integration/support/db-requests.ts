import { loadSdkModules } from '../../../local/embedded-db/sdk-modules'

export interface DbRequest {
  action: string
  collection: string
}

/**
 * Every database request `body` makes, by action and collection, as the SDK
 * sends them (the same seam db-latency uses): how a test tells a batched read
 * from a query per row.
 */
export async function recordDbRequests<T>(body: () => Promise<T>): Promise<{ result: T; requests: DbRequest[] }> {
  const requester = loadSdkModules().databaseModule.Db.reqClass.prototype as { send(...args: unknown[]): Promise<unknown> }
  const original = requester.send
  const requests: DbRequest[] = []
  requester.send = async function (this: unknown, ...args: unknown[]) {
    const params = (args[1] ?? {}) as { collectionName?: unknown }
    requests.push({ action: String(args[0]), collection: typeof params.collectionName === 'string' ? params.collectionName : '' })
    return original.apply(this, args)
  }
  try {
    return { result: await body(), requests }
  } finally {
    requester.send = original
  }
}
