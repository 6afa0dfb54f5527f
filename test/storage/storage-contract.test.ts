import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as cloud from 'wx-server-sdk'
import type { FastifyInstance } from 'fastify'
import { FileStore, installEmbeddedStorage, MAX_CLOUD_PATH_BYTES, MAX_FILES_PER_CALL, uninstallEmbeddedStorage } from '../../local/embedded-storage'
import { buildLocalApp } from '../../local/runtime/app'
import { openLocalDatabase } from '../../local/runtime/open-database'

// Cloud storage as functions see it: wx-server-sdk's own uploadFile,
// getTempFileURL, downloadFile and deleteFile, answered by the local file
// store. Each refusal the platform makes is made here, in the SDK's shape.

const BASE = 'http://127.0.0.1:8080'
let dir: string
let store: FileStore
let app: FastifyInstance
let closeDb: () => void
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let db: any
const clock = { now: new Date('2026-03-16T02:00:00Z') }

// The SDK's typings model callback overloads; these narrow them.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const sdk = cloud as any
const upload = (cloudPath: string, text: string | Buffer): Promise<{ fileID: string }> =>
  sdk.uploadFile({ cloudPath, fileContent: Buffer.isBuffer(text) ? text : Buffer.from(text) })
const tempUrls = (fileList: unknown[]): Promise<{ fileList: Array<{ fileID: string; status: number; tempFileURL: string; maxAge?: number; errMsg: string }> }> =>
  sdk.getTempFileURL({ fileList })
const download = (fileID: string): Promise<{ fileContent: Buffer }> => sdk.downloadFile({ fileID })

async function rejection(promise: Promise<unknown>): Promise<{ errMsg: string }> {
  try {
    await promise
  } catch (error) {
    return error as { errMsg: string }
  }
  throw new Error('expected the call to fail')
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'storage-contract-'))
  const opened = openLocalDatabase(':memory:') // cloud.init({ env: 'local' })
  closeDb = opened.close
  db = opened.db
  store = new FileStore({ root: join(dir, 'files'), env: 'local', secret: 'contract-secret', baseUrl: BASE, now: () => clock.now, maxObjectBytes: 64 * 1024 })
  installEmbeddedStorage(store)
  app = await buildLocalApp({ db: opened.db, secrets: { sessionSecret: 's'.repeat(32), cardSecret: 'c'.repeat(32) }, files: store })
})
afterAll(async () => {
  await app.close()
  uninstallEmbeddedStorage()
  closeDb()
  rmSync(dir, { recursive: true, force: true })
})

describe('upload and download', () => {
  it('returns a cloud fileID, keeps the bytes under DATA_DIR/files, and overwrites the same path', async () => {
    const { fileID } = await upload('docs/通知.txt', 'first')
    expect(fileID).toBe(`cloud://local.${store.bucket}/docs/通知.txt`)
    expect(existsSync(join(dir, 'files', store.bucket, 'docs', '通知.txt'))).toBe(true)
    expect(String((await download(fileID)).fileContent)).toBe('first')
    await upload('docs/通知.txt', 'second')
    expect(String((await download(fileID)).fileContent)).toBe('second')
  })

  it('refuses a cloudPath the platform refuses, or one that leaves the bucket; nothing is stored', async () => {
    const bad = ['', '/etc/passwd', 'a//b.txt', '../outside.txt', 'a/../../outside.txt', 'a/./b.txt', 'a\\..\\b.txt', 'dir/', 'x\u001b.txt', 'x'.repeat(MAX_CLOUD_PATH_BYTES + 1)]
    for (const cloudPath of bad) {
      const error = await rejection(upload(cloudPath, 'x'))
      expect([cloudPath.slice(0, 20), error.errMsg]).toEqual([cloudPath.slice(0, 20), expect.stringMatching(/^uploadFile:fail .*\[INVALID_PARAM\]/)])
    }
    expect(existsSync(join(dir, 'files', 'outside.txt'))).toBe(false)
    expect(existsSync(join(dir, 'outside.txt'))).toBe(false)
  })

  it('refuses a file over the size limit, as COS does (EntityTooLarge), and stores nothing', async () => {
    const error = await rejection(upload('big/too-large.bin', Buffer.alloc(store.maxObjectBytes + 1)))
    expect(error.errMsg).toMatch(/^uploadFile:fail \[EntityTooLarge\]/)
    expect(store.exists('big/too-large.bin')).toBe(false)
    await upload('big/just-right.bin', Buffer.alloc(store.maxObjectBytes))
    expect(store.exists('big/just-right.bin')).toBe(true)
  })
})

describe('fileIDs that are not this environment’s, or not there', () => {
  it('downloadFile: another environment or app is denied, a missing file does not exist', async () => {
    const { fileID } = await upload('ids/a.txt', 'a')
    const otherEnv = fileID.replace('cloud://local.', 'cloud://prod-1a2b.')
    const otherApp = fileID.replace('-1300000000/', '-1250000000/')
    for (const id of [otherEnv, otherApp]) expect((await rejection(download(id))).errMsg).toContain('[STORAGE_EXCEED_AUTHORITY]')
    expect((await rejection(download(fileID.replace('a.txt', 'nope.txt')))).errMsg).toContain('[STORAGE_FILE_NONEXIST]')
  })

  it('getTempFileURL answers per file: 0, -503003 (not there), -503002 (not ours); at most 50 per call', async () => {
    const { fileID } = await upload('ids/b.txt', 'b')
    const { fileList } = await tempUrls([fileID, fileID.replace('b.txt', 'gone.txt'), 'cloud://prod-1a2b.7072-prod-1a2b-1250000000/ids/b.txt'])
    expect(fileList.map((f) => f.status)).toEqual([0, -503003, -503002])
    expect(fileList[1]!.tempFileURL).toBe('')
    const tooMany = Array.from({ length: MAX_FILES_PER_CALL + 1 }, () => fileID)
    expect((await rejection(tempUrls(tooMany))).errMsg).toContain(`at most ${MAX_FILES_PER_CALL} per call`)
  })

  it('deleteFile removes a file; deleting it again answers -503003 for that file only', async () => {
    const { fileID } = await upload('ids/c.txt', 'c')
    const { fileID: other } = await upload('ids/d.txt', 'd')
    const first = await sdk.deleteFile({ fileList: [fileID] })
    expect(first.fileList).toEqual([{ fileID, status: 0, errMsg: 'ok' }])
    const again = await sdk.deleteFile({ fileList: [fileID, other] })
    expect(again.fileList.map((f: { status: number }) => f.status)).toEqual([-503003, 0])
    expect((await rejection(download(fileID))).errMsg).toContain('[STORAGE_FILE_NONEXIST]')
  })
})

describe('temporary URLs', () => {
  const get = (url: string) => app.inject({ method: 'GET', url: encodeURI(url).slice(BASE.length) })

  it('are signed, last maxAge seconds (at most one day), and serve the file until then', async () => {
    const { fileID } = await upload('links/回执.pdf', '%PDF-1.4 receipt')
    const [link] = (await tempUrls([{ fileID, maxAge: 60 }])).fileList
    expect(link).toMatchObject({ status: 0, maxAge: 60 })
    expect(link!.tempFileURL).toMatch(new RegExp(`^${BASE}/files/${store.bucket}/links/回执\\.pdf\\?sign=[0-9a-f]{64}&t=\\d+$`))
    const ok = await get(link!.tempFileURL)
    expect([ok.statusCode, ok.headers['content-type'], ok.body]).toEqual([200, 'application/pdf', '%PDF-1.4 receipt'])
    const [week] = (await tempUrls([{ fileID, maxAge: 7 * 86400 }])).fileList
    expect(week!.maxAge).toBe(86400)
  })

  it('an expired URL is refused with a Chinese message and a stable code; so is a forged or altered one', async () => {
    const { fileID } = await upload('links/名册.csv', '姓名\n张三\n')
    const [link] = (await tempUrls([{ fileID, maxAge: 60 }])).fileList
    const url = link!.tempFileURL
    const forged = url.replace(/sign=[0-9a-f]{4}/, 'sign=0000')
    const otherFile = url.replace('名册.csv', '回执.pdf')
    const longer = url.replace(/t=(\d+)/, (_m, t: string) => `t=${Number(t) + 3600}`)
    for (const bad of [forged, otherFile, longer]) {
      const res = await get(bad)
      expect([res.statusCode, res.json()]).toEqual([403, { ok: false, code: 'FILE_LINK_INVALID', message: '文件链接无效，可能被改动过，请回到页面重新打开' }])
    }
    const saved = clock.now
    clock.now = new Date(saved.getTime() + 61_000)
    try {
      const res = await get(url)
      expect([res.statusCode, res.json()]).toEqual([403, { ok: false, code: 'FILE_LINK_EXPIRED', message: '文件链接已过期，请回到页面重新打开' }])
      // downloadFile asks for a fresh 600 s URL, so it still reads the file.
      expect(String((await download(fileID)).fileContent)).toBe('姓名\n张三\n')
    } finally {
      clock.now = saved
    }
  })

  it('a URL to a file deleted since is not found; the process serves on', async () => {
    const { fileID } = await upload('links/gone.txt', 'x')
    const [link] = (await tempUrls([fileID])).fileList
    await sdk.deleteFile({ fileList: [fileID] })
    const res = await get(link!.tempFileURL)
    expect([res.statusCode, res.json().code]).toEqual([404, 'FILE_NOT_FOUND'])
    expect((await get((await tempUrls([(await upload('links/again.txt', 'y')).fileID])).fileList[0]!.tempFileURL)).body).toBe('y')
  })
})

describe('the h5 client’s upload (PUT /storage/upload)', () => {
  const put = (cloudPath: string, payload: Buffer, cookie?: string) =>
    app.inject({ method: 'PUT', url: `/storage/upload?cloudPath=${encodeURIComponent(cloudPath)}`, headers: { 'content-type': 'application/octet-stream', ...(cookie ? { cookie } : {}) }, payload })

  async function signedIn(): Promise<string> {
    await db.collection('users').add({ data: { openid: 'uploader', name: '上传者', grants: [] } })
    const res = await app.inject({ method: 'POST', url: '/dev/login', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'openid=uploader' })
    return String(res.headers['set-cookie']).split(';')[0]!
  }

  it('needs a signed-in user, a valid path, a non-empty body within the limit; the process serves on', async () => {
    expect((await put('uploads/x.txt', Buffer.from('x'))).json()).toMatchObject({ ok: false, code: 'AUTH_REQUIRED' })
    const cookie = await signedIn()
    const tooLarge = await put('uploads/big.bin', Buffer.alloc(store.maxObjectBytes + 1), cookie)
    expect([tooLarge.statusCode, tooLarge.json()]).toEqual([413, { ok: false, code: 'FILE_TOO_LARGE', message: '文件过大（不能超过 64KB）' }])
    expect((await put('../x.txt', Buffer.from('x'), cookie)).json()).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' })
    expect((await put('uploads/empty.txt', Buffer.alloc(0), cookie)).json()).toMatchObject({ ok: false, code: 'FILE_EMPTY' })
    for (const name of ['x.txt', 'big.bin', 'empty.txt']) expect(store.exists(`uploads/${name}`)).toBe(false)
    const ok = (await put('uploads/ok.txt', Buffer.from('fine'), cookie)).json()
    expect(ok).toEqual({ ok: true, data: { fileID: `cloud://local.${store.bucket}/uploads/ok.txt` } })
    expect(String((await download(ok.data.fileID)).fileContent)).toBe('fine')
  })
})
