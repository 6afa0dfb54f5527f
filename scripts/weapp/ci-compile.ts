import { execFile } from 'node:child_process'
import { resolve } from 'node:path'
import type { CheckResult } from './build-files'

// miniprogram-ci's offline compile, the one DevTools' upload runs: it reads
// app.json and every page and component JSON (pages that exist, components
// that resolve, tab bar entries and icons), compiles WXML/WXSS/JS and applies
// the package size limits. Without a key it cannot ask WeChat for the app's
// own attributes, so the project answers with the package's documented
// defaults (DefaultProjectAttr: 2 MB main package and subpackage, 12 MB all
// packages, 2–5 tab bar items, 40 KB per tab icon).
//
// Offline means offline: the only request it makes on this path (the list of
// file types an upload may contain) is refused before it leaves the process,
// and the library falls back to the list it ships.
//
// It runs in a child process: the library leaves handles open after its
// compile (a forked compiler, timers), which would keep jest or the CLI alive,
// and it logs progress that only matters when it fails.

function refuseNetwork() {
  // The library calls its request helper through this module object, so
  // replacing the export reaches every caller.
  const transport = require('miniprogram-ci/dist/utils/request') as { request: () => Promise<never> }
  transport.request = async () => {
    throw new Error('offline check: no request leaves this process')
  }
}

const NAME = 'project (miniprogram-ci getCompiledResult, default attrs)'

export function checkCiCompile(dir: string): Promise<CheckResult> {
  return new Promise((done) => {
    execFile(process.execPath, ['-r', '@swc-node/register', __filename, resolve(dir)], { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const answer = stdout.split('\n').find((line) => line.startsWith(ANSWER))
      if (answer) return done(JSON.parse(answer.slice(ANSWER.length)) as CheckResult)
      done({ name: NAME, checked: 0, problems: [`miniprogram-ci did not answer: ${error?.message ?? ''}\n${stderr.slice(-2000)}`] })
    })
  })
}

const ANSWER = 'ci-compile-result:'

async function compileHere(dir: string): Promise<CheckResult> {
  // Loaded here, in the child only: loading it starts its services.
  const ci = require('miniprogram-ci') as typeof import('miniprogram-ci')
  class OfflineProject extends ci.Project {
    override async attr() {
      return ci.DefaultProjectAttr
    }
  }
  refuseNetwork()
  const problems: string[] = []
  let checked = 0
  try {
    // The key is never read: attr() does not ask WeChat, and nothing is uploaded.
    const project = new OfflineProject({ appid: 'touristappid', type: 'miniProgram', projectPath: resolve(dir), privateKey: 'offline' })
    const compiled = await ci.getCompiledResult({ project, version: '0.0.0', setting: { useProjectConfig: true } })
    checked = Object.keys(compiled).length
  } catch (error) {
    problems.push(`miniprogram-ci: ${(error as Error).message}`)
  }
  return { name: NAME, checked, problems }
}

if (require.main === module) {
  void compileHere(process.argv[2]!).then((result) => {
    console.log(ANSWER + JSON.stringify(result))
    process.exit(0)
  })
}
