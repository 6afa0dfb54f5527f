import type { z } from 'zod'
import type { Result } from '../result'
import { accountContract } from './account.contract'
import { activityContract } from './activity.contract'
import { auditContract } from './audit.contract'
import { bootstrapContract } from './bootstrap.contract'
import { cardContract } from './card.contract'
import { grantsContract } from './grants.contract'
import { messagesContract } from './messages.contract'
import { orgContract } from './org.contract'
import { pairingContract } from './pairing.contract'
import { postsContract } from './posts.contract'
import { recordsContract } from './records.contract'
import { reportContract } from './report.contract'
import { residentsContract } from './residents.contract'
import { rosterContract } from './roster.contract'
import { setupContract } from './setup.contract'
import { statsContract } from './stats.contract'
import { participationContract } from './participation.contract'
import { needsContract } from './needs.contract'
import { servicesContract } from './services.contract'
import { correctionsContract } from './corrections.contract'
import { evaluationContract } from './evaluation.contract'
import { bulletinContract } from './bulletin.contract'
import { exportsContract } from './exports.contract'
import { ledgerContract } from './ledger.contract'

// Every cloud function's actions, by name: what the client may send and what
// it gets back. server/functions.ts implements exactly these (a test holds it).

export const CONTRACTS = {
  bootstrap: bootstrapContract,
  account: accountContract,
  roster: rosterContract,
  card: cardContract,
  report: reportContract,
  posts: postsContract,
  stats: statsContract,
  messages: messagesContract,
  setup: setupContract,
  org: orgContract,
  grants: grantsContract,
  residents: residentsContract,
  audit: auditContract,
  activity: activityContract,
  pairing: pairingContract,
  records: recordsContract,
  participation: participationContract,
  needs: needsContract,
  services: servicesContract,
  corrections: correctionsContract,
  evaluation: evaluationContract,
  bulletin: bulletinContract,
  exports: exportsContract,
  ledger: ledgerContract,
}

type Contracts = typeof CONTRACTS
export type FunctionName = keyof Contracts
export type ActionName<F extends FunctionName> = keyof Contracts[F] & string
type ContractOf<F extends FunctionName, A extends ActionName<F>> = Contracts[F][A] extends { input: infer I extends z.ZodType; result: infer R extends z.ZodType }
  ? { input: I; result: R }
  : never

// A strict zod object's input type carries `[k: string]: never` for unknown
// keys; the call type lists the known keys only (excess ones fail the typecheck anyway).
type KnownKeys<T> = { [K in keyof T as string extends K ? never : K]: T[K] }

/** What the caller sends to one action: its name and its input. */
export type ActionCall<F extends FunctionName, A extends ActionName<F>> = { action: A } & KnownKeys<z.input<ContractOf<F, A>['input']>>
/** What one action answers with. */
export type ActionResult<F extends FunctionName, A extends ActionName<F>> = z.output<ContractOf<F, A>['result']>

/** The client gateway's signature; each platform file implements it. */
export type CallFunction = <F extends FunctionName, A extends ActionName<F>>(name: F, data: ActionCall<F, A>) => Promise<Result<ActionResult<F, A>>>
