// The child process of ci-compile.ts: `node ci-compile.child.cjs <dir>`
// compiles the weapp build in <dir> with miniprogram-ci and prints one line,
// `ci-compile-result:{json CheckResult}`. Plain CommonJS on purpose: the
// library forks its compiler with this process's node flags, and under a
// TypeScript loader (-r @swc-node/register) that fork dies without saying why.
'use strict'
const { resolve } = require('node:path')

// Offline means offline: the only request the library makes on this path
// (the list of file types an upload may contain) is refused before it leaves
// the process, and it falls back to the list it ships. It calls its request
// helper through this module object, so replacing the export reaches every caller.
require('miniprogram-ci/dist/utils/request').request = async () => {
  throw new Error('offline check: no request leaves this process')
}
const ci = require('miniprogram-ci')

// Without a key the library cannot ask WeChat for the app's own attributes;
// the project answers with the package's documented defaults instead.
class OfflineProject extends ci.Project {
  async attr() {
    return ci.DefaultProjectAttr
  }
}

async function main(dir) {
  const result = { name: process.env.CHECK_NAME || 'miniprogram-ci', checked: 0, problems: [] }
  try {
    // The key is never read: attr() does not ask WeChat, and nothing is uploaded.
    const project = new OfflineProject({ appid: 'touristappid', type: 'miniProgram', projectPath: resolve(dir), privateKey: 'offline' })
    const compiled = await ci.getCompiledResult({ project, version: '0.0.0', setting: { useProjectConfig: true } })
    result.checked = Object.keys(compiled).length
  } catch (error) {
    result.problems.push(`miniprogram-ci: ${error && error.message}`)
  }
  console.log('ci-compile-result:' + JSON.stringify(result))
  // The library leaves its forked compiler and timers running.
  process.exit(0)
}

void main(process.argv[2])
