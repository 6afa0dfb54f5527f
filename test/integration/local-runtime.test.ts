import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

// `npm start`'s server process, for real: it seeds the demo city on the first
// start, serves the bridge on 127.0.0.1, and keeps its data across a restart.

jest.setTimeout(120_000)

let dataDir: string

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'sbd-runtime-'))
})
afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

function start(): Promise<{ child: ChildProcess; address: string; output: () => string }> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'local/runtime/main.ts'], {
    env: { ...process.env, PORT: '0', DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = /本地运行中：(http:\/\/127\.0\.0\.1:\d+)\//.exec(output)
      if (match) resolve({ child, address: match[1]!, output: () => output })
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.on('exit', (code) => reject(new Error(`runtime exited with ${code}: ${output}`)))
  })
}

async function stop(child: ChildProcess) {
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGTERM')
  await exited
}

async function signIn(address: string, openid: string): Promise<string> {
  const response = await fetch(`${address}/dev/login`, { method: 'POST', body: new URLSearchParams({ openid }), redirect: 'manual' })
  expect(response.status).toBe(303)
  return response.headers.get('set-cookie')!.split(';')[0]!
}

async function bootstrap(address: string, cookie: string) {
  const response = await fetch(`${address}/api/bootstrap`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: '{"action":"get"}' })
  return response.json()
}

it('seeds once, serves the demo users and keeps data and sessions across a restart', async () => {
  const first = await start()
  expect(first.output()).toContain('已写入演示数据')
  const page = await (await fetch(`${first.address}/dev/login`)).text()
  for (const role of ['在职党员', '社区工作人员', '单位书记', '单位联络员', '居民', '街道管理员', '区委组织部']) expect(page).toContain(role)
  const cookie = await signIn(first.address, 'demo-secretary-1')
  const before = await bootstrap(first.address, cookie)
  expect(before).toMatchObject({ ok: true, data: { known: true, grants: [{ role: 'secretary', scopeName: '区发展和改革局' }] } })
  await stop(first.child)

  const second = await start()
  expect(second.output()).not.toContain('已写入演示数据')
  expect(await bootstrap(second.address, cookie)).toEqual(before)
  await stop(second.child)
})
