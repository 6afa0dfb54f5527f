// Bundles each cloudfunctions/<name>/index.ts with the shared server code into
// dist/cloudfunctions/<name>/ (index.js + package.json + config.json), the
// folder WeChat DevTools uploads. wx-server-sdk stays external: the cloud
// installs it from the pinned version in the generated package.json.
// config.json is the function's own cloudfunctions/<name>/config.json (timer
// trigger, open-API permissions), checked by server/function-config.
import { build } from 'esbuild'
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs'
import { basename, join, resolve } from 'node:path'
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

// The 首次设置码 (server/kernel/setup-env.ts): SETUP_CODE if given, else the one
// kept in dist/setup-code.txt (made on the first build), so rebuilding does not
// change it. Only its hash goes into the `setup` function; the code is printed.
const setupTool = join(root, 'dist/.tools/setup-env.mjs')
await build({ entryPoints: [join(root, 'server/kernel/setup-env.ts')], outfile: setupTool, bundle: true, platform: 'node', format: 'esm', packages: 'external', logLevel: 'warning' })
const { newSetupCode, setupEnvOf, SETUP_CODE_FILE } = await import(pathToFileURL(setupTool).href)
const keptCode = join(root, 'dist/setup-code.txt')
const setupCode = process.env.SETUP_CODE || (existsSync(keptCode) ? readFileSync(keptCode, 'utf8').trim() : newSetupCode())
const setupHash = setupEnvOf(setupCode).codeHash
if (!setupHash) {
  console.error(`SETUP_CODE 不是有效的设置码（12位字母或数字）：${setupCode}`)
  process.exit(1)
}
if (!process.env.SETUP_CODE) writeFileSync(keptCode, setupCode + '\n', { mode: 0o600 })

// What a function needs beside its bundle. pdfkit reads its own data files
// from its package folder, so it is installed by the cloud (its pinned
// version in the function's package.json) rather than bundled; the PDFs'
// CJK font ships in the function folder (server/exports/cjk-font.ts reads
// fonts/ beside index.js).
const EXTRAS = {
  exports: {
    external: ['pdfkit'],
    files: ['@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf', '@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf'].map((f) => [join(root, 'node_modules', f), 'fonts']),
  },
}

const rows = []
for (const name of names) {
  const extras = EXTRAS[name] ?? { external: [], files: [] }
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
    external: ['wx-server-sdk', ...extras.external],
    minify: false,
    legalComments: 'none',
    logLevel: 'warning',
  })
  writeFileSync(
    join(outDir, 'package.json'),
    JSON.stringify(
      { name, version: pkg.version, private: true, main: 'index.js', dependencies: { 'wx-server-sdk': sdkVersion, ...Object.fromEntries(extras.external.map((dep) => [dep, pkg.dependencies[dep]])) } },
      null,
      2,
    ) + '\n',
  )
  for (const [file, folder] of extras.files) {
    mkdirSync(join(outDir, folder), { recursive: true })
    copyFileSync(file, join(outDir, folder, basename(file)))
  }
  let config
  try {
    config = deployConfig(name, sourceRoot, Object.keys(metafile.inputs))
  } catch (error) {
    console.error(error.message)
    process.exit(1)
  }
  if (name === 'setup') writeFileSync(join(outDir, SETUP_CODE_FILE), JSON.stringify({ sha256: setupHash }) + '\n')
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
console.log(`首次设置码：${setupCode}（部署后，区委组织部管理员在小程序“我的”页输入；只能使用一次）`)
