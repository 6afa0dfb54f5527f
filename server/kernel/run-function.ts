import type { Result } from '../../src/domain/result'
import { AppError, ERROR_MESSAGES } from '../../src/domain/errors'
import type { AnyCloudFunction, CallOrigin, FunctionContext, KnownContext, OpenApi, ServerEnv } from './function-def'
import type { Database } from './database'
import { loadPrincipal } from './principal'
import { parseInput } from './validate'
import { asTimerEvent, runTimer } from './timer'

export interface RunDeps {
  db: Database
  openid: string
  env: ServerEnv
  origin?: CallOrigin
  openapi?: OpenApi
  now?: () => Date
  log?: (error: unknown) => void
}

/** Without an open API (tests that run a function bare), no phone number is ever verified. */
const NO_OPENAPI: OpenApi = { phoneNumberOf: async () => null }

/**
 * The one path every call takes, in the cloud and locally: validate, identify
 * the caller, run, and map any failure to a stable code with a Chinese message.
 */
export async function runFunction(fn: AnyCloudFunction, event: unknown, deps: RunDeps): Promise<Result<unknown>> {
  try {
    const now = deps.now ?? (() => new Date())
    const timer = asTimerEvent(stripPlatformFields(event), deps.openid)
    if (timer) return await runTimer(fn, timer, { db: deps.db, now, env: deps.env })
    const input = parseInput(fn.input, stripPlatformFields(event))
    const principal = await loadPrincipal(deps.db, deps.openid)
    const ctx: FunctionContext = {
      db: deps.db,
      openid: deps.openid,
      origin: deps.origin ?? { source: '', ip: '' },
      openapi: deps.openapi ?? NO_OPENAPI,
      principal,
      now,
      env: deps.env,
    }
    if (!fn.public && !principal) throw new AppError('NOT_REGISTERED')
    const data = await fn.handle(input, ctx as KnownContext)
    return { ok: true, data }
  } catch (error) {
    return toFailure(error, deps.log)
  }
}

export function toFailure(error: unknown, log: (e: unknown) => void = console.error): Result<never> {
  if (error instanceof AppError) {
    return { ok: false, code: error.code, message: error.message, ...(error.details === undefined ? {} : { details: error.details }) }
  }
  log(error)
  return { ok: false, code: 'INTERNAL', message: ERROR_MESSAGES.INTERNAL }
}

// WeChat adds `userInfo` (appId, openId) to every callFunction event; it is not
// part of any function's input, and the trusted identity comes from WXContext.
function stripPlatformFields(event: unknown): unknown {
  if (event && typeof event === 'object' && !Array.isArray(event) && 'userInfo' in event) {
    const { userInfo: _ignored, ...rest } = event as Record<string, unknown>
    return rest
  }
  return event
}
