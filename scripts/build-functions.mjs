// Bundles each cloudfunctions/<name>/index.ts with the shared server code into
// dist/cloudfunctions/<name>/ (index.js + package.json), the folder WeChat
// DevTools uploads. wx-server-sdk stays external: the cloud installs it from
// the pinned version in the generated package.json.
import { build } from 'esbuild'
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs'
import { join, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
const sourceRoot = join(root, 'cloudfunctions')
const outRoot = join(root, 'dist/cloudfunctions')
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
const sdkVersion = pkg.dependencies['wx-server-sdk']

/** The 云调用 APIs each function uses (server/kernel/wechat-openapi.ts). */
const OPENAPI = { account: ['phonenumber.getPhoneNumber'] }

const names = readdirSync(sourceRoot).filter((name) => existsSync(join(sourceRoot, name, 'index.ts')))
rmSync(outRoot, { recursive: true, force: true })

const rows = []
for (const name of names) {
  const outDir = join(outRoot, name)
  mkdirSync(outDir, { recursive: true })
  await build({
    entryPoints: [join(sourceRoot, name, 'index.ts')],
    outfile: join(outDir, 'index.js'),
    bundle: true,
    platform: 'node',
    // WeChat Cloud's Node.js 16 runtime is the oldest one we deploy to.
    target: 'node16',
    format: 'cjs',
    external: ['wx-server-sdk'],
    minify: false,
    legalComments: 'none',
    logLevel: 'warning',
  })
  writeFileSync(
    join(outDir, 'package.json'),
    JSON.stringify({ name, version: pkg.version, private: true, main: 'index.js', dependencies: { 'wx-server-sdk': sdkVersion } }, null, 2) + '\n',
  )
  // Function settings WeChat reads on upload; reports and scans can take longer than the 3 s default.
  // `account` resolves getPhoneNumber codes through 云调用, which must be listed to be allowed.
  const openapi = OPENAPI[name] ?? []
  writeFileSync(join(outDir, 'config.json'), JSON.stringify({ permissions: { openapi }, timeout: 20 }, null, 2) + '\n')
  rows.push({ function: name, 'index.js (KB)': (statSync(join(outDir, 'index.js')).size / 1024).toFixed(1) })
}
console.table(rows)
console.log(`已打包 ${rows.length} 个云函数到 ${outRoot}`)
