import type { CloudFunction } from './kernel/function-def'
import { account } from './features/account/account.function'
import { activity } from './features/activity/activity.function'
import { audit } from './features/audit/audit.function'
import { bootstrap } from './features/bootstrap/bootstrap.function'
import { card } from './features/card/card.function'
import { grants } from './features/grants/grants.function'
import { messages } from './features/messages/messages.function'
import { org } from './features/org/org.function'
import { pairing } from './features/pairing/pairing.function'
import { posts } from './features/posts/posts.function'
import { records } from './features/records/records.function'
import { report } from './features/report/report.function'
import { residents } from './features/residents/residents.function'
import { roster } from './features/roster/roster.function'
import { setup } from './features/setup/setup.function'
import { stats } from './features/stats/stats.function'
import { participation } from './features/participation/participation.function'
import { needs } from './features/needs/needs.function'
import { services } from './features/services/services.function'
import { corrections } from './features/corrections/corrections.function'
import { evaluation } from './features/evaluation/evaluation.function'
import { bulletin } from './features/bulletin/bulletin.function'
import { exports as ledgerExports } from './features/exports/exports.function'
import { ledger } from './features/ledger/ledger.function'

// Every cloud function by name. cloudfunctions/<name>/index.ts deploys each one
// to WeChat; the local bridge serves the same table at POST /api/<name>.
// A Map, so a name like "constructor" finds nothing.
export const FUNCTIONS: ReadonlyMap<string, CloudFunction> = new Map(
  [bootstrap, account, roster, card, report, posts, stats, messages, setup, org, grants, residents, audit, activity, pairing, records, participation, needs, services, corrections, evaluation, bulletin, ledgerExports, ledger].map((fn) => [fn.name, fn]),
)
