import type { Result } from '../../src/domain/result'
import { AppError, ERROR_MESSAGES } from '../../src/domain/errors'
import { roleAllows } from '../../src/domain/permissions'
import type { ActionContract } from '../../src/domain/contracts/action-contract'
import type { ActionHandler, CallOrigin, CloudFunction, FunctionContext, KnownContext, OpenApi, ServerEnv } from './function-def'
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
  /**
   * Check every result against its action's schema (the local runtime and
   * tests do): a mismatch is logged with the action's name and answered as
   * INTERNAL. The cloud entry skips it; the tests have held the shapes.
   */
  checkResults?: boolean
}

/** A handler answered with something its contract does not allow. */
export class ResultMismatch extends Error {
  constructor(
    readonly action: string,
    readonly issues: unknown,
  ) {
    super(`${action}: the result does not match its schema: ${JSON.stringify(issues).slice(0, 2000)}`)
    this.name = 'ResultMismatch'
  }
}

interface Picked {
  name: string
  contract: ActionContract
  handler: ActionHandler<ActionContract>
  input: unknown
}

/** The action the event names, and the rest of the event as its input. */
function pickAction(fn: CloudFunction, event: unknown): Picked {
  if (!event || typeof event !== 'object' || Array.isArray(event)) throw new AppError('VALIDATION_FAILED', '填写的内容有误：请求应为一个对象')
  const { action, ...input } = event as Record<string, unknown>
  const known = Object.keys(fn.contract).join('、')
  if (typeof action !== 'string' || action === '') throw new AppError('UNKNOWN_ACTION', `请求缺少操作名称（action），${fn.name} 的操作有：${known}`)
  // Own keys only, so "constructor" or "__proto__" names nothing.
  if (!Object.prototype.hasOwnProperty.call(fn.contract, action)) {
    throw new AppError('UNKNOWN_ACTION', `没有这个操作：${fn.name}.${action.slice(0, 40)}（可用的操作：${known}）`, { action })
  }
  return { name: action, contract: fn.contract[action]!, handler: fn.actions[action] as ActionHandler<ActionContract>, input }
}

/** Without an open API (tests that run a function bare), no phone number is ever verified. */
const NO_OPENAPI: OpenApi = { phoneNumberOf: async () => null }

/**
 * The one path every call takes, in the cloud and locally: pick the action,
 * validate its input, identify the caller, check the permission's role, run,
 * and map any failure to a stable code with a Chinese message.
 */
export async function runFunction(fn: CloudFunction, event: unknown, deps: RunDeps): Promise<Result<unknown>> {
  try {
    const now = deps.now ?? (() => new Date())
    const timer = asTimerEvent(stripPlatformFields(event), deps.openid)
    if (timer) return await runTimer(fn, timer, { db: deps.db, now, env: deps.env })
    const picked = pickAction(fn, stripPlatformFields(event))
    const input = parseInput(picked.contract.input, picked.input)
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
    const { handler } = picked
    let data: unknown
    if (handler.permission === 'public') {
      data = await handler.handle(input, ctx)
    } else {
      if (!principal) throw new AppError('NOT_REGISTERED')
      if (!roleAllows(principal.grants, handler.permission)) throw new AppError('FORBIDDEN')
      data = await handler.handle(input, ctx as KnownContext)
    }
    if (deps.checkResults !== false) {
      const checked = picked.contract.result.safeParse(data)
      if (!checked.success) throw new ResultMismatch(`${fn.name}.${picked.name}`, checked.error.issues)
    }
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
