// `npm run test:e2e`: makes sure the h5 build is current, then runs the
// browser tests (test/e2e) with jest.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
const bin = (name) => join(root, 'node_modules/.bin', name)
const built = join(root, 'dist/h5/index.html')

function newestMtime(dir) {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs)
  }
  return newest
}

const stale = !existsSync(built) || newestMtime(join(root, 'src')) > statSync(built).mtimeMs || newestMtime(join(root, 'config')) > statSync(built).mtimeMs
if (stale) {
  console.log('构建 h5 页面用于浏览器测试…')
  const r = spawnSync(bin('taro'), ['build', '--type', 'h5'], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } })
  if (r.status !== 0) process.exit(r.status ?? 1)
}

const r = spawnSync(bin('jest'), ['-c', 'test/e2e/jest.config.js', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' })
process.exit(r.status ?? 1)
