// Completes package-lock.json for `npm ci` on this project's machines.
//
// Native packages (swc, Taro's binding, unrs-resolver) list one optional
// package per platform. `npm ci` insists that every one of them is in the lock,
// but the registry these machines reach serves only some platforms' builds, so
// `npm install` leaves the others out and `npm ci` then refuses the lock.
// This adds a lock entry (exact version, optional, with its os/cpu) for each
// platform package that is missing: `npm ci` validates, and skips them on this
// platform exactly as it skips any other platform's build.
//
// Run after `npm install` changes dependencies: `node scripts/complete-lock.mjs`.
import { readFileSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'

const file = resolve(import.meta.dirname, '../package-lock.json')
const lock = JSON.parse(readFileSync(file, 'utf8'))
const packages = lock.packages

const OS = ['darwin', 'linux', 'win32', 'freebsd', 'android', 'openharmony', 'netbsd', 'openbsd', 'sunos', 'aix']
const CPU = ['arm64', 'x64', 'ia32', 'arm', 'ppc64', 's390x', 'riscv64', 'loong64', 'mips64el', 'wasm32']
const EXACT = /^\d+\.\d+\.\d+(-[\w.]+)?$/

// Where Node would find `dep` from the package at `path`: its own
// node_modules first, then each enclosing one.
function locate(path, dep) {
  for (let base = path; ; ) {
    const candidate = (base ? `${base}/` : '') + `node_modules/${dep}`
    if (packages[candidate]) return candidate
    if (base === '') return null
    const i = base.lastIndexOf('/node_modules/')
    base = i < 0 ? '' : base.slice(0, i)
  }
}

let added = 0
for (const [path, entry] of Object.entries(packages)) {
  for (const [dep, spec] of Object.entries(entry.optionalDependencies ?? {})) {
    if (!EXACT.test(spec)) continue
    const found = locate(path, dep)
    if (found && packages[found].version === spec) continue
    const parts = dep.split('/').pop().split('-')
    const os = parts.find((p) => OS.includes(p))
    const cpu = parts.find((p) => CPU.includes(p))
    if (!os && !cpu) continue
    const key = found ? `${path}/node_modules/${dep}` : `node_modules/${dep}`
    packages[key] = { version: spec, optional: true, ...(os ? { os: [os] } : {}), ...(cpu ? { cpu: [cpu] } : {}) }
    added++
  }
}

writeFileSync(file, JSON.stringify(lock, null, 2) + '\n')
console.log(added ? `package-lock.json: added ${added} platform packages the registry does not serve` : 'package-lock.json: complete')
