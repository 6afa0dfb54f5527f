import type { z } from 'zod'
import type { Principal } from '../../src/domain/roles'
import type { Database } from './database'
import type { TimerHandler } from './timer'

export interface ServerEnv {
  /** HMAC secret for 联系证 tokens; empty when not configured (card functions refuse then). */
  cardSecret: string
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
  /** Null only for functions declared `public`; everyone else is known. */
  principal: Principal | null
  now: () => Date
  env: ServerEnv
}

export interface KnownContext extends FunctionContext {
  principal: Principal
}

/**
 * One cloud function: its input schema and what it does. `public` functions
 * run for callers the system does not know yet (bootstrap tells them so).
 */
export interface CloudFunction<S extends z.ZodType = z.ZodType, T = unknown> {
  name: string
  input: S
  public?: boolean
  handle(input: z.output<S>, ctx: KnownContext): Promise<T>
  /** Runs when the function's timer trigger (config.json) fires; never for a user. */
  timer?: TimerHandler
}

export interface PublicCloudFunction<S extends z.ZodType = z.ZodType, T = unknown> {
  name: string
  input: S
  public: true
  handle(input: z.output<S>, ctx: FunctionContext): Promise<T>
  timer?: TimerHandler
}

export type AnyCloudFunction = CloudFunction<z.ZodType, unknown> | PublicCloudFunction<z.ZodType, unknown>

export function defineFunction<S extends z.ZodType, T>(def: CloudFunction<S, T>): CloudFunction<S, T>
export function defineFunction<S extends z.ZodType, T>(def: PublicCloudFunction<S, T>): PublicCloudFunction<S, T>
export function defineFunction(def: AnyCloudFunction): AnyCloudFunction {
  return def
}
