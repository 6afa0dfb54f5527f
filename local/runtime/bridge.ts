import type { FastifyInstance } from 'fastify'
import { AppError } from '../../src/domain/errors'
import type { Result } from '../../src/domain/result'
import type { Database } from '../../server/kernel/database'
import type { OpenApi, ServerEnv } from '../../server/kernel/function-def'
import { runFunction, toFailure } from '../../server/kernel/run-function'
import { FUNCTIONS } from '../../server/functions'
import { httpStatusOf } from './http-status'
import { sessionOpenid } from './session'

export interface BridgeOptions {
  db: Database
  env: ServerEnv
  openapi: OpenApi
  now: () => Date
  sessionClock: () => Date
}

function send(reply: { code(status: number): { send(body: unknown): unknown } }, result: Result<unknown>) {
  return reply.code(result.ok ? 200 : httpStatusOf(result.code)).send(result)
}

/**
 * POST /api/<function>: the same handlers as in the cloud, with an injected
 * caller. Registered under the /api prefix, so that anything else there (another
 * method, a deeper path, a name longer than the router takes) still answers
 * in the Result shape.
 */
export async function registerBridge(app: FastifyInstance, options: BridgeOptions): Promise<void> {
  await app.register(
    async (api) => {
      api.post<{ Params: { name: string } }>('/:name', async (request, reply) => {
        const result: Result<unknown> = await (async () => {
          const fn = FUNCTIONS.get(request.params.name)
          if (!fn) throw new AppError('UNKNOWN_FUNCTION', `没有这个功能：${request.params.name}`)
          // Only JSON reaches a function: the app sends nothing else, and a form or
          // text body must not be taken for input.
          if (request.body !== undefined && !String(request.headers['content-type'] ?? '').startsWith('application/json')) {
            throw new AppError('BAD_JSON', '请以 JSON 格式（application/json）提交')
          }
          const openid = await sessionOpenid(options.db, request, options.sessionClock())
          if (!openid) throw new AppError('AUTH_REQUIRED', '请先选择演示用户登录')
          // No body at all is an empty event, as callFunction without data sends; a JSON null is not.
          const event = request.body === undefined ? {} : request.body
          return runFunction(fn, event, {
            db: options.db,
            openid,
            env: options.env,
            origin: { source: 'local', ip: request.ip },
            openapi: options.openapi,
            now: options.now,
            log: (e) => request.log.error(e),
          })
        })().catch((error: unknown) => toFailure(error, (e) => request.log.error(e)))
        return send(reply, result)
      })

      api.setNotFoundHandler(async (request, reply) => {
        const name = request.url.slice('/api/'.length).split(/[/?#]/)[0] ?? ''
        const error =
          request.method !== 'POST' && FUNCTIONS.has(name)
            ? new AppError('METHOD_NOT_ALLOWED')
            : new AppError('UNKNOWN_FUNCTION', name && name.length <= 64 ? `没有这个功能：${name}` : undefined)
        return send(reply, toFailure(error))
      })
    },
    { prefix: '/api' },
  )
}
