// `npm run check:weapp [dir]`: proves a weapp build (default dist/weapp) is
// one WeChat accepts, with the tools WeChat itself uses where they run on
// Linux. Prints one line per check and every problem; exit 1 on any problem.
import { resolve } from 'node:path'
import { DEFAULT_WEAPP_DIR, type CheckResult } from './weapp/build-files'
import { checkCiCompile } from './weapp/ci-compile'
import { checkEs5Syntax } from './weapp/es5-syntax'
import { checkFreeGlobals } from './weapp/free-globals'
import { checkWxmlAndWxs, checkWxss } from './weapp/wechat-compilers'

export async function checkWeapp(dir: string): Promise<CheckResult[]> {
  return [checkEs5Syntax(dir), checkWxmlAndWxs(dir), checkWxss(dir), checkFreeGlobals(dir), await checkCiCompile(dir)]
}

async function main() {
  const dir = process.argv[2] ? resolve(process.argv[2]) : DEFAULT_WEAPP_DIR
  const results = await checkWeapp(dir)
  console.log(`weapp build checks (${dir})`)
  for (const r of results) {
    console.log(`${r.problems.length === 0 ? 'ok  ' : 'FAIL'}  ${r.name}: ${r.checked} files${r.problems.length ? `, ${r.problems.length} problems` : ''}`)
    for (const p of r.problems) console.log(`        ${p}`)
  }
  const failed = results.filter((r) => r.problems.length > 0).length
  console.log(`${results.length - failed} passed, ${failed} failed`)
  process.exitCode = failed === 0 ? 0 : 1
}

if (require.main === module) void main()
