import { AsyncLocalStorage } from 'node:async_hooks'

// The cost of a call in the cloud is its database requests: each one is a
// network round trip and a billed operation. The embedded requester notes
// every request it sends here; a caller that wants the figure for one call
// (a budget test, the bench) runs it inside countDbRequests. The scope follows
// the call's async context, so calls running at the same time are counted apart.

export interface DbRequest {
  action: string
  collection: string
}

const scope = new AsyncLocalStorage<DbRequest[]>()

/** Called by the requester for every request the SDK's builder sends. */
export function noteDbRequest(action: string, params: unknown): void {
  const requests = scope.getStore()
  if (!requests) return
  const collection = (params as { collectionName?: unknown } | undefined)?.collectionName
  requests.push({ action, collection: typeof collection === 'string' ? collection : '' })
}

/** Every database request `body` makes (and only its own), in the order sent. */
export async function countDbRequests<T>(body: () => Promise<T>): Promise<{ result: T; requests: DbRequest[] }> {
  const requests: DbRequest[] = []
  const result = await scope.run(requests, body)
  return { result, requests }
}
