import { loadSdkModules } from '../../../local/embedded-db/sdk-modules'

// The embedded engine answers synchronously, so requests fired "at once" at the
// bridge would still run one after another. For race tests, every database
// call first waits a random 0–2 ms, as a network round trip does, so that
// concurrent requests really interleave between their reads and writes.
export async function withDbLatency<T>(body: () => Promise<T>): Promise<T> {
  const requester = loadSdkModules().databaseModule.Db.reqClass.prototype as { send(...args: unknown[]): Promise<unknown> }
  const original = requester.send
  requester.send = async function (this: unknown, ...args: unknown[]) {
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 2))
    return original.apply(this, args)
  }
  try {
    return await body()
  } finally {
    requester.send = original
  }
}
