// `npm start`: builds the h5 app if it is missing, then runs the local runtime
// (embedded database + function bridge + h5) in one process.
import { spawnSync, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
const bin = (name) => resolve(root, 'node_modules/.bin', name)

if (!existsSync(resolve(root, 'dist/h5/index.html'))) {
  console.log('首次启动：正在构建 h5 页面（约需一两分钟）…')
  const built = spawnSync(bin('taro'), ['build', '--type', 'h5'], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } })
  if (built.status !== 0) process.exit(built.status ?? 1)
}

const server = spawn(process.execPath, ['-r', '@swc-node/register', 'local/runtime/main.ts'], { cwd: root, stdio: 'inherit' })
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal))
server.on('exit', (code) => process.exit(code ?? 0))
