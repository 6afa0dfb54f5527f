import type { z } from 'zod'
import type { ActionContract, FunctionContract } from '../../src/domain/contracts/action-contract'
import type { Permission } from '../../src/domain/permissions'
import type { Principal } from '../../src/domain/roles'
import type { Database } from './database'
import type { SetupEnv } from './setup-env'
import type { TimerHandler } from './timer'

export interface ServerEnv {
  /** HMAC secret for 联系证 tokens; empty when not configured (card functions refuse then). */
  cardSecret: string
  /** How the first administrator proves themself (setup-env.ts); absent means no setup is possible. */
  setup?: SetupEnv
}

/** Where a call came from, for the audit log: WeChat's SOURCE and client IP, or the local bridge and its client. */
export interface CallOrigin {
  source: string
  ip: string
}

/**
 * WeChat's server-side open API, as the functions use it. In the cloud it is
 * `cloud.openapi`; locally a stand-in answers (local/runtime/phone-codes.ts).
 */
export interface OpenApi {
  /** The verified phone number (without country code) behind a getPhoneNumber button's code; null when the code is not valid. */
  phoneNumberOf(code: string, openid: string): Promise<string | null>
}

export interface FunctionContext {
  db: Database
  openid: string
  origin: CallOrigin
  openapi: OpenApi
  /** Null only in `public` actions; everyone else is known. */
  principal: Principal | null
  now: () => Date
  env: ServerEnv
}

export interface KnownContext extends FunctionContext {
  principal: Principal
}

type In<A extends ActionContract> = z.output<A['input']>
type Out<A extends ActionContract> = z.output<A['result']>

/**
 * The server's half of one action: the permission whose ROLE the kernel checks
 * before the handler runs, and the handler, which checks the SCOPE on what it
 * loads. A `public` action also runs for callers the system does not know yet.
 */
export type ActionHandler<A extends ActionContract> =
  | { permission: 'public'; handle(input: In<A>, ctx: FunctionContext): Promise<Out<A>> }
  | { permission: Permission; handle(input: In<A>, ctx: KnownContext): Promise<Out<A>> }

/** Exactly one handler per action of the contract. */
export type ActionHandlers<C extends FunctionContract> = { [A in keyof C]: ActionHandler<C[A]> }

/** One cloud function: its contract (shared with the client) and its handlers. */
export interface CloudFunction<C extends FunctionContract = FunctionContract> {
  name: string
  contract: C
  actions: ActionHandlers<C>
  /** Runs when the function's timer trigger (config.json) fires; never for a user. */
  timer?: TimerHandler
}

export function defineFunction<C extends FunctionContract>(
  name: string,
  contract: C,
  actions: ActionHandlers<C>,
  options: { timer?: TimerHandler } = {},
): CloudFunction<C> {
  return { name, contract, actions, ...options }
}
