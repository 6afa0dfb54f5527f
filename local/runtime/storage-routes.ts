import type { FastifyInstance, FastifyReply } from 'fastify'
import { AppError } from '../../src/domain/errors'
import { sizeText, sniffFormat } from '../../src/domain/upload-kinds'
import type { FileStore } from '../embedded-storage'
import { toFailure } from '../../server/kernel/run-function'
import { httpStatusOf } from './http-status'
import type { Database } from '../../server/kernel/database'
import { sessionOpenid } from './session'

// The local storage's HTTP face.
//   GET /files/<bucket>/<cloudPath>?sign=&t=  the temporary URLs getTempFileURL hands out:
//        signed and expiring, refused with a Chinese page-readable Result otherwise.
//   PUT /storage/upload?cloudPath=            what Taro.cloud.uploadFile is on weapp, for the h5
//        client: the raw bytes of one file, by the signed-in user, answered { fileID }.

const MIME: Record<string, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  csv: 'text/csv; charset=utf-8',
}

function refuse(reply: FastifyReply, error: unknown, log?: (e: unknown) => void) {
  const failure = toFailure(error, log)
  return reply.code(failure.ok ? 200 : httpStatusOf(failure.code)).send(failure)
}

const LINK_REFUSALS = { expired: 'FILE_LINK_EXPIRED', forged: 'FILE_LINK_INVALID', unknown: 'FILE_LINK_INVALID' } as const

export async function registerStorageRoutes(app: FastifyInstance, store: FileStore, session: { db: Database; clock: () => Date }): Promise<void> {
  await app.register(async (scope) => {
    // Files are larger than the bridge's 100KB JSON; this scope has its own cap and its own wording for it.
    scope.addContentTypeParser(['application/octet-stream', '*'], { parseAs: 'buffer', bodyLimit: store.maxObjectBytes }, (_req, body, done) => done(null, body))
    scope.setErrorHandler((error: Error & { code?: string }, request, reply) => {
      const mapped =
        error.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
          ? new AppError('FILE_TOO_LARGE', `文件过大（不能超过 ${sizeText(store.maxObjectBytes)}）`)
          : error
      return refuse(reply, mapped, (e) => request.log.error(e))
    })

    scope.get('/files/*', async (request, reply) => {
      const link = store.checkLink(`${store.baseUrl}${request.url}`, 'get')
      if (!link.ok) return refuse(reply, new AppError(LINK_REFUSALS[link.reason]))
      if (!store.exists(link.cloudPath)) return refuse(reply, new AppError('FILE_NOT_FOUND'))
      const bytes = store.read(link.cloudPath)
      return reply.type(MIME[sniffFormat(bytes)] ?? 'application/octet-stream').header('cache-control', 'private, no-store').send(bytes)
    })

    scope.put<{ Querystring: { cloudPath?: string } }>('/storage/upload', async (request, reply) => {
      if (!(await sessionOpenid(session.db, request, session.clock()))) return refuse(reply, new AppError('AUTH_REQUIRED', '请先选择演示用户登录'))
      const body = request.body
      if (!Buffer.isBuffer(body) || body.length === 0) return refuse(reply, new AppError('FILE_EMPTY'))
      try {
        return { ok: true, data: { fileID: store.put(request.query.cloudPath ?? '', body) } }
      } catch (error) {
        return refuse(reply, new AppError('VALIDATION_FAILED', `文件路径不符合云存储的命名规则：${(error as Error).message}`))
      }
    })
  })
}
