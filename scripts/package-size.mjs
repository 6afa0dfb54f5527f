#!/usr/bin/env node
// Size of the weapp build, package by package, against WeChat's limits:
// the main package and each subpackage at most 2 MB, all packages at most 20 MB.
//
//   node scripts/package-size.mjs [dist/weapp]   prints a table; exit 1 over a limit
//   import { measureWeapp } from './scripts/package-size.mjs'   the numbers
//
// A file belongs to the subpackage whose root (app.json subPackages[].root)
// contains it, otherwise to the main package. DevTools project files are not
// uploaded and are left out.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, resolve, sep } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

export const PACKAGE_LIMIT = 2 * 1024 * 1024
export const TOTAL_LIMIT = 20 * 1024 * 1024
const NOT_UPLOADED = new Set(['project.config.json', 'project.private.config.json'])

const here = fileURLToPath(new URL('.', import.meta.url))
export const DEFAULT_DIR = resolve(here, '..', 'dist', 'weapp')

function* walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name)
    if (entry.isDirectory()) yield* walk(full)
    else if (entry.isFile()) yield full
  }
}

function subpackageRoots(dir) {
  const app = JSON.parse(readFileSync(join(dir, 'app.json'), 'utf8'))
  const list = app.subPackages ?? app.subpackages ?? []
  // "packages/unit/" and "packages/unit" name the same root.
  return list.map((p) => String(p.root).replace(/^\/+|\/+$/g, ''))
}

/**
 * Measure a weapp build folder.
 * @param {string} [dir] the folder holding app.json (default dist/weapp)
 * @returns {{ dir: string, main: { bytes: number, files: number },
 *   subpackages: { root: string, bytes: number, files: number }[],
 *   total: { bytes: number, files: number },
 *   limits: { package: number, total: number },
 *   over: string[], ok: boolean }}
 */
export function measureWeapp(dir = DEFAULT_DIR) {
  const root = resolve(dir)
  const roots = subpackageRoots(root)
  const main = { bytes: 0, files: 0 }
  const subs = new Map(roots.map((r) => [r, { root: r, bytes: 0, files: 0 }]))
  for (const file of walk(root)) {
    const rel = relative(root, file).split(sep).join('/')
    if (NOT_UPLOADED.has(rel)) continue
    const bytes = statSync(file).size
    const owner = roots.find((r) => rel.startsWith(r + '/'))
    const bucket = owner ? subs.get(owner) : main
    bucket.bytes += bytes
    bucket.files += 1
  }
  const subpackages = [...subs.values()]
  const total = {
    bytes: main.bytes + subpackages.reduce((n, s) => n + s.bytes, 0),
    files: main.files + subpackages.reduce((n, s) => n + s.files, 0),
  }
  const over = []
  if (main.bytes > PACKAGE_LIMIT) over.push('main')
  for (const s of subpackages) if (s.bytes > PACKAGE_LIMIT) over.push(s.root)
  if (total.bytes > TOTAL_LIMIT) over.push('total')
  return { dir: root, main, subpackages, total, limits: { package: PACKAGE_LIMIT, total: TOTAL_LIMIT }, over, ok: over.length === 0 }
}

function formatTable(m) {
  const kb = (b) => (b / 1024).toFixed(1)
  const pct = (b, limit) => ((b / limit) * 100).toFixed(1) + '%'
  const rows = [
    ['package', 'files', 'bytes', 'KB', 'of limit'],
    ['main', m.main.files, m.main.bytes, kb(m.main.bytes), pct(m.main.bytes, m.limits.package)],
    ...m.subpackages.map((s) => [s.root, s.files, s.bytes, kb(s.bytes), pct(s.bytes, m.limits.package)]),
    ['total', m.total.files, m.total.bytes, kb(m.total.bytes), pct(m.total.bytes, m.limits.total)],
  ].map((r) => r.map(String))
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)))
  const line = (r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')
  return [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n')
}

function main() {
  const dir = process.argv[2] ? resolve(process.argv[2]) : DEFAULT_DIR
  let m
  try {
    m = measureWeapp(dir)
  } catch (error) {
    console.error(`package-size: cannot read a weapp build in ${dir}: ${error.message}`)
    process.exit(1)
  }
  console.log(`weapp package sizes (${relative(process.cwd(), m.dir) || '.'}); limits: 2 MB per package (${PACKAGE_LIMIT} bytes), 20 MB total`)
  console.log(formatTable(m))
  if (!m.ok) {
    console.error(`package-size: over the limit: ${m.over.join(', ')}`)
    process.exit(1)
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main()
