import { execFile } from 'node:child_process'
import { join, resolve } from 'node:path'
import type { CheckResult } from './build-files'

// miniprogram-ci's offline compile, the one DevTools' upload runs: it reads
// app.json and every page and component JSON (pages that exist, components
// that resolve, tab bar entries and icons), compiles WXML/WXSS/JS and applies
// the package size limits. Without a key it cannot ask WeChat for the app's
// own attributes, so the project answers with the package's documented
// defaults (DefaultProjectAttr: 2 MB main package and subpackage, 12 MB all
// packages, 2–5 tab bar items, 40 KB per tab icon), and no request leaves the
// machine (ci-compile.child.cjs).
//
// It runs in a child process: the library leaves handles open after its
// compile (a forked compiler, timers), which would keep jest or the CLI
// alive, and it logs progress that only matters when it fails.

const NAME = 'project (miniprogram-ci getCompiledResult, default attrs)'
const ANSWER = 'ci-compile-result:'
const CHILD = join(__dirname, 'ci-compile.child.cjs')

export function checkCiCompile(dir: string): Promise<CheckResult> {
  return new Promise((done) => {
    const env = { ...process.env, CHECK_NAME: NAME }
    execFile(process.execPath, [CHILD, resolve(dir)], { env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const answer = stdout.split('\n').find((line) => line.startsWith(ANSWER))
      if (answer) return done(JSON.parse(answer.slice(ANSWER.length)) as CheckResult)
      done({ name: NAME, checked: 0, problems: [`miniprogram-ci did not answer: ${error?.message ?? ''}\n${stderr.slice(-2000)}`] })
    })
  })
}
