import type { AnyCloudFunction } from './kernel/function-def'
import { bootstrap } from './features/bootstrap/bootstrap.handler'

// Every cloud function by name. cloudfunctions/<name>/index.ts deploys each one
// to WeChat; the local bridge serves the same table at POST /api/<name>.
// A Map, so a name like "constructor" finds nothing.
export const FUNCTIONS: ReadonlyMap<string, AnyCloudFunction> = new Map(
  [bootstrap].map((fn) => [fn.name, fn as AnyCloudFunction]),
)
