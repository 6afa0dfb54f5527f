/**
 * @jest-environment node
 */
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DEFAULT_WEAPP_DIR, listFiles, type CheckResult } from '../../scripts/weapp/build-files'
import { checkCiCompile } from '../../scripts/weapp/ci-compile'
import { checkEs5Syntax } from '../../scripts/weapp/es5-syntax'
import { checkFreeGlobals } from '../../scripts/weapp/free-globals'
import { checkWxmlAndWxs, checkWxss } from '../../scripts/weapp/wechat-compilers'

// Each check of `npm run check:weapp` fails on a build broken the way it
// guards against, and passes on the same build intact: a copy of dist/weapp
// with one thing broken.

const copies: string[] = []
function brokenCopy(breakIt: (dir: string) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'sbd-weapp-'))
  copies.push(dir)
  cpSync(DEFAULT_WEAPP_DIR, dir, { recursive: true })
  breakIt(dir)
  return dir
}
afterAll(() => copies.forEach((dir) => rmSync(dir, { recursive: true, force: true })))

const editJson = (file: string, edit: (json: Record<string, any>) => void) => {
  const json = JSON.parse(readFileSync(file, 'utf8'))
  edit(json)
  writeFileSync(file, JSON.stringify(json))
}
const firstSubCommon = (dir: string) => join(dir, listFiles(dir, '.js').find((f) => f.includes('/sub-common/'))!)
const problemsOf = (result: CheckResult) => result.problems.join('\n')

const intact = brokenCopy(() => {})

it('ES5 syntax: an ES2015 file fails', () => {
  expect(checkEs5Syntax(intact).problems).toEqual([])
  const dir = brokenCopy((d) => appendFileSync(firstSubCommon(d), '\nconst late = () => 1;\n'))
  expect(problemsOf(checkEs5Syntax(dir))).toMatch(/sub-common\/.*\.js: not ES5/)
})

it('wcc: a WXML syntax error fails', () => {
  expect(checkWxmlAndWxs(intact).problems).toEqual([])
  const dir = brokenCopy((d) => appendFileSync(join(d, 'pages/mine/index.wxml'), '\n<view><text>{{a}</text>\n'))
  expect(problemsOf(checkWxmlAndWxs(dir))).toMatch(/pages\/mine\/index\.wxml/)
})

it('wcc: a WXS syntax error fails', () => {
  const dir = brokenCopy((d) => appendFileSync(join(d, 'utils.wxs'), '\nmodule.exports = { x: function( { }\n'))
  expect(problemsOf(checkWxmlAndWxs(dir))).toMatch(/utils\.wxs/)
})

it('wcsc: a WXSS syntax error fails', () => {
  expect(checkWxss(intact).problems).toEqual([])
  const dir = brokenCopy((d) => appendFileSync(join(d, 'pages/home/index.wxss'), '\n.broken { color: red;\n'))
  expect(problemsOf(checkWxss(dir))).toMatch(/pages\/home\/index\.wxss/)
})

it('free globals: atob, localStorage or fetch left in a bundle fails; a typeof probe does not', () => {
  expect(checkFreeGlobals(intact).problems).toEqual([])
  const dir = brokenCopy((d) => {
    appendFileSync(firstSubCommon(d), '\nfunction decode(s) { return atob(s) }\n')
    appendFileSync(join(d, 'common.js'), '\nvar saved = localStorage.getItem("k"); var probe = typeof fetch;\n')
  })
  const problems = problemsOf(checkFreeGlobals(dir))
  expect(problems).toMatch(/sub-common\/.*\.js: uses atob,/)
  expect(problems).toMatch(/common\.js: uses localStorage,/)
  expect(problems).not.toMatch(/fetch/)
})

describe('miniprogram-ci offline compile', () => {
  jest.setTimeout(120_000)

  it('a page in app.json with no files fails', async () => {
    const dir = brokenCopy((d) => editJson(join(d, 'app.json'), (app) => app.pages.push('pages/nowhere/index')))
    expect(problemsOf(await checkCiCompile(dir))).toMatch(/pages\/nowhere\/index/)
  })

  it('a page that uses a component that does not exist fails', async () => {
    const dir = brokenCopy((d) => editJson(join(d, 'pages/home/index.json'), (page) => (page.usingComponents.ghost = '../../components/ghost/index')))
    expect(problemsOf(await checkCiCompile(dir))).toMatch(/ghost/)
  })
})
