import fastifyCookie from '@fastify/cookie'
import fastifyStatic from '@fastify/static'
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify'
import { existsSync } from 'node:fs'
import { AppError } from '../../src/domain/errors'
import type { Database } from '../../server/kernel/database'
import { setupEnvOf } from '../../server/kernel/setup-env'
import { toFailure } from '../../server/kernel/run-function'
import { registerBridge } from './bridge'
import { registerDevLogin } from './dev-login'
import { registerDevOutbox } from './dev-outbox'
import { registerDevTriggers } from './dev-triggers'
import type { TriggerScheduler } from '../triggers/trigger-scheduler'
import { httpStatusOf } from './http-status'
import { LocalPhoneCodes } from './phone-codes'
import type { LocalSecrets } from './secrets'
import type { FileStore } from '../embedded-storage'
import { registerStorageRoutes } from './storage-routes'

export const MAX_BODY_BYTES = 100 * 1024

export interface LocalAppOptions {
  db: Database
  secrets: Pick<LocalSecrets, 'sessionSecret' | 'cardSecret'> & Partial<Pick<LocalSecrets, 'setupCode'>>
  /** The local storage, served at /files and /storage/upload; omitted where a test needs no files. */
  files?: FileStore
  /** The h5 build to serve at /; omitted in API-only tests. */
  h5Dir?: string
  /** The functions' clock (tests move it). */
  now?: () => Date
  /** The dev sign-in's clock, for session expiry; the real one unless a test moves it. */
  sessionClock?: () => Date
  logger?: boolean
  /** The timer triggers /dev/triggers shows and runs; omitted when nothing schedules them. */
  triggers?: TriggerScheduler
}

function parseJson(body: string): unknown {
  if (body.trim() === '') return {}
  try {
    return JSON.parse(body)
  } catch {
    throw new AppError('BAD_JSON')
  }
}

/** The local runtime's HTTP face: the h5 app, the function bridge, storage and the dev sign-in. */
export async function buildLocalApp(options: LocalAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    bodyLimit: MAX_BODY_BYTES,
    logger: options.logger ?? false,
    // What the router refuses before any route runs (a function name longer than
    // it takes, a malformed URL) answers in the Result shape too.
    frameworkErrors: (error, _request, reply: FastifyReply) => {
      const failure = toFailure(error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? new AppError('UNKNOWN_FUNCTION') : new AppError('NOT_FOUND', '地址不正确'))
      void reply.code(404).send(failure)
    },
  })

  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
    try {
      done(null, parseJson(body as string))
    } catch (error) {
      done(error as Error, undefined)
    }
  })
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)))
  })

  // Whatever goes wrong before a handler runs (too large, not JSON, wrong
  // content type) still answers in the Result shape, and the process serves on.
  app.setErrorHandler((error: Error & { code?: string; statusCode?: number }, request, reply) => {
    const mapped =
      error instanceof AppError
        ? error
        : error.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
          ? new AppError('PAYLOAD_TOO_LARGE')
          : error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
            ? new AppError('BAD_JSON', '请以 JSON 格式（application/json）提交')
            : error.statusCode && error.statusCode < 500
              ? new AppError('BAD_JSON', error.message)
              : error
    const failure = toFailure(mapped, (e) => request.log.error(e))
    return reply.code(failure.ok ? 200 : httpStatusOf(failure.code)).send(failure)
  })

  await app.register(fastifyCookie, { secret: options.secrets.sessionSecret })
  const now = options.now ?? (() => new Date())
  const phoneCodes = new LocalPhoneCodes(now)
  const sessionClock = options.sessionClock ?? (() => new Date())
  await registerBridge(app, { db: options.db, env: { cardSecret: options.secrets.cardSecret, setup: setupEnvOf(options.secrets.setupCode, process.env.SETUP_ADMIN_OPENID) }, openapi: phoneCodes, now, sessionClock })
  registerDevLogin(app, { db: options.db, phoneCodes, sessionClock })
  registerDevOutbox(app, options.db, sessionClock)
  if (options.triggers) registerDevTriggers(app, options.triggers)
  if (options.files) await registerStorageRoutes(app, options.files, { db: options.db, clock: sessionClock })

  if (options.h5Dir && existsSync(options.h5Dir)) {
    await app.register(fastifyStatic, { root: options.h5Dir, index: 'index.html' })
  }
  return app
}
