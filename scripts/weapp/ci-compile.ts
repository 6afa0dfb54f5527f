import * as ci from 'miniprogram-ci'
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

class OfflineProject extends ci.Project {
  override async attr() {
    return ci.DefaultProjectAttr
  }
}

function refuseNetwork() {
  // The library calls its request helper through this module object, so
  // replacing the export reaches every caller.
  const transport = require('miniprogram-ci/dist/utils/request') as { request: () => Promise<never> }
  transport.request = async () => {
    throw new Error('offline check: no request leaves this process')
  }
}

export async function checkCiCompile(dir: string): Promise<CheckResult> {
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
  return { name: 'project (miniprogram-ci getCompiledResult, default attrs)', checked, problems }
}
