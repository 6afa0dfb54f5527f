import type { FastifyInstance } from 'fastify'
import { AppError } from '../../src/domain/errors'
import type { Result } from '../../src/domain/result'
import type { Database } from '../../server/kernel/database'
import type { ServerEnv } from '../../server/kernel/function-def'
import { runFunction, toFailure } from '../../server/kernel/run-function'
import { FUNCTIONS } from '../../server/functions'
import { httpStatusOf } from './http-status'
import { sessionOpenid } from './session'

export interface BridgeOptions {
  db: Database
  env: ServerEnv
  now?: () => Date
}

/** POST /api/<function>: the same handlers as in the cloud, with an injected caller. */
export function registerBridge(app: FastifyInstance, options: BridgeOptions): void {
  app.post<{ Params: { name: string } }>('/api/:name', async (request, reply) => {
    const result: Result<unknown> = await (async () => {
      const fn = FUNCTIONS.get(request.params.name)
      if (!fn) throw new AppError('UNKNOWN_FUNCTION', `没有这个功能：${request.params.name}`)
      // Only JSON reaches a function: the app sends nothing else, and a form or
      // text body must not be taken for input.
      if (request.body !== undefined && !String(request.headers['content-type'] ?? '').startsWith('application/json')) {
        throw new AppError('BAD_JSON', '请以 JSON 格式（application/json）提交')
      }
      const openid = sessionOpenid(request)
      if (!openid) throw new AppError('AUTH_REQUIRED', '请先选择演示用户登录')
      return runFunction(fn, request.body ?? {}, { db: options.db, openid, env: options.env, now: options.now, log: (e) => request.log.error(e) })
    })().catch((error: unknown) => toFailure(error, (e) => request.log.error(e)))
    return reply.code(result.ok ? 200 : httpStatusOf(result.code)).send(result)
  })
}
