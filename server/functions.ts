import type { AnyCloudFunction } from './kernel/function-def'
import { account } from './features/account/account.handler'
import { bootstrap } from './features/bootstrap/bootstrap.handler'
import { card } from './features/card/card.handler'
import { messages } from './features/messages/messages.handler'
import { posts } from './features/posts/posts.handler'
import { report } from './features/report/report.handler'
import { roster } from './features/roster/roster.handler'
import { stats } from './features/stats/stats.handler'

// Every cloud function by name. cloudfunctions/<name>/index.ts deploys each one
// to WeChat; the local bridge serves the same table at POST /api/<name>.
// A Map, so a name like "constructor" finds nothing.
export const FUNCTIONS: ReadonlyMap<string, AnyCloudFunction> = new Map(
  [bootstrap, account, roster, card, report, posts, stats, messages].map((fn) => [fn.name, fn as AnyCloudFunction]),
)
