// Bundles each cloudfunctions/<name>/index.ts with the shared server code into
// dist/cloudfunctions/<name>/ (index.js + package.json + config.json), the
// folder WeChat DevTools uploads. wx-server-sdk stays external: the cloud
// installs it from the pinned version in the generated package.json.
// config.json is the function's own cloudfunctions/<name>/config.json (timer
// trigger, open-API permissions), checked by server/function-config.
import { build } from 'esbuild'
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

const root = resolve(import.meta.dirname, '..')
const sourceRoot = join(root, 'cloudfunctions')
const outRoot = join(root, 'dist/cloudfunctions')
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
const sdkVersion = pkg.dependencies['wx-server-sdk']

/** The 云调用 APIs each function uses (server/kernel/wechat-openapi.ts). */

const names = readdirSync(sourceRoot).filter((name) => existsSync(join(sourceRoot, name, 'index.ts')))
rmSync(outRoot, { recursive: true, force: true })

// The config checker is TypeScript shared with the local runtime: bundle it once to load it here.
const checker = join(root, 'dist/.tools/deploy-config.mjs')
await build({ entryPoints: [join(root, 'server/function-config/deploy-config.ts')], outfile: checker, bundle: true, platform: 'node', format: 'esm', packages: 'external', logLevel: 'warning' })
const { deployConfig } = await import(pathToFileURL(checker).href)

const rows = []
for (const name of names) {
  const outDir = join(outRoot, name)
  mkdirSync(outDir, { recursive: true })
  const { metafile } = await build({
    entryPoints: [join(sourceRoot, name, 'index.ts')],
    metafile: true,
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
  let config
  try {
    config = deployConfig(name, sourceRoot, Object.keys(metafile.inputs))
  } catch (error) {
    console.error(error.message)
    process.exit(1)
  }
  // WeChat's own examples leave `triggers` out of a function that has none.
  const { triggers, ...settings } = config
  writeFileSync(join(outDir, 'config.json'), JSON.stringify(triggers.length > 0 ? config : settings, null, 2) + '\n')
  rows.push({
    function: name,
    'index.js (KB)': (statSync(join(outDir, 'index.js')).size / 1024).toFixed(1),
    trigger: config.triggers.map((t) => `${t.name} ${t.config}`).join('') || '-',
    openapi: config.permissions.openapi.join(',') || '-',
  })
}
console.table(rows)
console.log(`已打包 ${rows.length} 个云函数到 ${outRoot}`)
