import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { cloudPathProblem } from './cloud-path'
import { fileNotExist, invalidParam, notThisBucket } from './errors'

// The bucket of one local environment, as files under DATA_DIR/files/<bucket>/.
// FileIDs look like the cloud's (cloud://<env>.<bucket>/<cloudPath>; the bucket
// is the hex of the env's first two letters, the env and a COS app number), and
// temporary URLs are signed and expire as the cloud's do
// (<base>/files/<bucket>/<cloudPath>?sign=<HMAC>&t=<expiry, unix seconds>).

/** The local runtime's own cap per file; the cloud's is far larger, every kind the product takes is far smaller. */
export const MAX_OBJECT_BYTES = 50 * 1024 * 1024
/** getTempFileURL: one day by default and at most (WeChat docs); downloadFile asks for 600 s. */
export const DEFAULT_URL_SECONDS = 86400
export const MAX_URL_SECONDS = 86400
/** How long the upload URL handed out by getUploadMetadata stays good. */
const UPLOAD_URL_SECONDS = 600
const LOCAL_COS_APP = '1300000000'

export interface FileStoreOptions {
  /** DATA_DIR/files */
  root: string
  /** The environment id the functions are initialised with. */
  env: string
  /** HMAC key for URLs; kept in DATA_DIR/secrets.json. */
  secret: string
  /** Where the local runtime serves /files (http://127.0.0.1:PORT). */
  baseUrl: string
  now?: () => Date
  maxObjectBytes?: number
}

export type LinkCheck = { ok: true; cloudPath: string } | { ok: false; reason: 'expired' | 'forged' | 'unknown' }

export class FileStore {
  readonly env: string
  readonly bucket: string
  readonly maxObjectBytes: number
  /** Where the local runtime serves /files; settable because a test server learns its port after listening. */
  baseUrl: string
  private readonly dir: string

  constructor(private readonly options: FileStoreOptions) {
    this.env = options.env
    this.bucket = `${Buffer.from(options.env.slice(0, 2)).toString('hex')}-${options.env}-${LOCAL_COS_APP}`
    this.maxObjectBytes = options.maxObjectBytes ?? MAX_OBJECT_BYTES
    this.baseUrl = options.baseUrl
    this.dir = resolve(options.root, this.bucket)
    mkdirSync(this.dir, { recursive: true })
  }

  private now(): Date {
    return this.options.now?.() ?? new Date()
  }

  fileIdOf(cloudPath: string): string {
    return `cloud://${this.env}.${this.bucket}/${cloudPath}`
  }

  /** The cloudPath of one of this bucket's fileIDs; another env's or app's is refused. */
  pathOf(fileID: unknown): string {
    if (typeof fileID !== 'string' || !fileID.startsWith('cloud://')) throw invalidParam(`not a cloud fileID: ${String(fileID)}`)
    const prefix = `cloud://${this.env}.${this.bucket}/`
    if (!fileID.startsWith(prefix)) throw notThisBucket(fileID)
    const cloudPath = fileID.slice(prefix.length)
    const problem = cloudPathProblem(cloudPath)
    if (problem) throw problem
    return cloudPath
  }

  // Validated paths cannot leave the bucket; this is the second lock on that door.
  private diskPath(cloudPath: string): string {
    const file = resolve(this.dir, cloudPath)
    const inside = relative(this.dir, file)
    if (inside === '' || inside.startsWith('..') || inside.split(sep).includes('..')) throw invalidParam(`cloudPath leaves the bucket: ${cloudPath}`)
    return file
  }

  put(cloudPath: string, bytes: Buffer): string {
    const problem = cloudPathProblem(cloudPath)
    if (problem) throw problem
    const file = this.diskPath(cloudPath)
    mkdirSync(dirname(file), { recursive: true })
    // Written beside, then renamed: a reader never sees half a file.
    const partial = join(dirname(file), `.partial-${randomBytes(6).toString('hex')}`)
    writeFileSync(partial, bytes)
    renameSync(partial, file)
    return this.fileIdOf(cloudPath)
  }

  read(cloudPath: string, fileID = this.fileIdOf(cloudPath)): Buffer {
    const file = this.diskPath(cloudPath)
    if (!existsSync(file)) throw fileNotExist(fileID)
    return readFileSync(file)
  }

  exists(cloudPath: string): boolean {
    return existsSync(this.diskPath(cloudPath))
  }

  remove(cloudPath: string, fileID = this.fileIdOf(cloudPath)): void {
    const file = this.diskPath(cloudPath)
    if (!existsSync(file)) throw fileNotExist(fileID)
    rmSync(file)
  }

  private sign(method: 'get' | 'put', cloudPath: string, expires: number): string {
    return createHmac('sha256', this.options.secret).update(`${method}\n${this.bucket}/${cloudPath}\n${expires}`).digest('hex')
  }

  private url(cloudPath: string, query: string): string {
    return `${this.baseUrl}/files/${this.bucket}/${cloudPath}?${query}`
  }

  /** A download URL good for `maxAge` seconds (clamped to the platform's one day). */
  tempUrl(cloudPath: string, maxAge = DEFAULT_URL_SECONDS): { url: string; maxAge: number } {
    const seconds = Math.max(1, Math.min(MAX_URL_SECONDS, Math.floor(maxAge)))
    const expires = Math.floor(this.now().getTime() / 1000) + seconds
    return { url: this.url(cloudPath, `sign=${this.sign('get', cloudPath, expires)}&t=${expires}`), maxAge: seconds }
  }

  /** Where to PUT a new file, and the authorization header that PUT must carry. */
  uploadUrl(cloudPath: string): { url: string; authorization: string } {
    const expires = Math.floor(this.now().getTime() / 1000) + UPLOAD_URL_SECONDS
    return { url: this.url(cloudPath, `t=${expires}`), authorization: this.sign('put', cloudPath, expires) }
  }

  /** Whether `url` is a link this store made; a GET carries its signature in the query, a PUT in `authorization`. */
  checkLink(url: string, method: 'get' | 'put', authorization?: string): LinkCheck {
    let parsed: URL
    try {
      parsed = new URL(url)
    } catch {
      return { ok: false, reason: 'unknown' }
    }
    const prefix = `/files/${this.bucket}/`
    if (!parsed.pathname.startsWith(prefix)) return { ok: false, reason: 'unknown' }
    let cloudPath: string
    try {
      cloudPath = parsed.pathname.slice(prefix.length).split('/').map(decodeURIComponent).join('/')
    } catch {
      return { ok: false, reason: 'forged' }
    }
    if (cloudPathProblem(cloudPath)) return { ok: false, reason: 'forged' }
    const expires = Number(parsed.searchParams.get('t'))
    const given = (method === 'get' ? parsed.searchParams.get('sign') : authorization) ?? ''
    const wanted = this.sign(method, cloudPath, expires)
    if (!Number.isInteger(expires) || given.length !== wanted.length || !timingSafeEqual(Buffer.from(given), Buffer.from(wanted))) {
      return { ok: false, reason: 'forged' }
    }
    // Checked after the signature, so a forged link never learns whether it would have expired.
    if (Math.floor(this.now().getTime() / 1000) > expires) return { ok: false, reason: 'expired' }
    return { ok: true, cloudPath }
  }

  /** Whether `url` points at this store at all (the transport sends everything else to the network). */
  owns(url: string): boolean {
    return url.startsWith(`${this.baseUrl}/files/${this.bucket}/`)
  }
}
