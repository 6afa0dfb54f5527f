import { randomBytes } from 'node:crypto'
import { Writable } from 'node:stream'
import type { FileStore } from './file-store'

// The HTTP half of storage: node-sdk PUTs an upload to the URL that
// getUploadMetadata gave it, and downloadFile GETs the temporary URL, both
// through utils/request-core's `request(opts, cb)`. For URLs of the local
// store this answers in-process, as COS would: 200 with an empty body, or an
// XML <Error> (which node-sdk parses into STORAGE_REQUEST_FAIL) and a 4xx.

export interface CoreRequestOptions {
  method: string
  url: string
  headers?: Record<string, unknown>
}

type Callback = (error: Error | null, response?: { statusCode: number; headers: Record<string, string> }, body?: Buffer) => void

function cosError(status: number, code: string, message: string, resource: string): { status: number; body: Buffer } {
  const id = randomBytes(8).toString('hex')
  const xml =
    `<?xml version='1.0' encoding='utf-8' ?>\n<Error><Code>${code}</Code><Message>${message}</Message>` +
    `<Resource>${resource.replace(/[<&]/g, '')}</Resource><RequestId>${id}</RequestId><TraceId>${id}</TraceId></Error>`
  return { status, body: Buffer.from(xml) }
}

const LINK_ERRORS = {
  expired: [403, 'AccessDenied', 'Request has expired'],
  forged: [403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided'],
  unknown: [404, 'NoSuchKey', 'The specified key does not exist'],
} as const

function answer(store: FileStore, options: CoreRequestOptions, body: Buffer, tooLarge: boolean): { status: number; body: Buffer } {
  const method = options.method.toLowerCase() === 'put' ? 'put' : 'get'
  const authorization = String(options.headers?.authorization ?? '')
  const link = store.checkLink(options.url, method, authorization)
  if (!link.ok) {
    const [status, code, message] = LINK_ERRORS[link.reason]
    return cosError(status, code, message, options.url)
  }
  if (method === 'put') {
    if (tooLarge) return cosError(400, 'EntityTooLarge', `Your proposed upload exceeds the maximum allowed object size (${store.maxObjectBytes} bytes)`, link.cloudPath)
    store.put(link.cloudPath, body)
    return { status: 200, body: Buffer.alloc(0) }
  }
  if (!store.exists(link.cloudPath)) return cosError(404, 'NoSuchKey', 'The specified key does not exist', link.cloudPath)
  return { status: 200, body: store.read(link.cloudPath) }
}

/** A stand-in for request-core's request: a writable the SDK pipes the upload into (or ends, for a GET). */
export function localRequest(store: FileStore, options: CoreRequestOptions, callback: Callback): Writable {
  const chunks: Buffer[] = []
  let size = 0
  const request = new Writable({
    write(chunk: Buffer, _encoding, done) {
      size += chunk.length
      // Past the cap the bytes are read and dropped: the answer is an error anyway.
      if (size <= store.maxObjectBytes) chunks.push(chunk)
      done()
    },
    final(done) {
      done()
      setImmediate(() => {
        try {
          const { status, body } = answer(store, options, Buffer.concat(chunks), size > store.maxObjectBytes)
          callback(null, { statusCode: status, headers: { 'content-length': String(body.length) } }, body)
        } catch (error) {
          callback(error as Error)
        }
      })
    },
  })
  // request-core ends a GET itself; an upload ends when the SDK's pipe does.
  if (options.method.toLowerCase() === 'get') request.end()
  return request
}
