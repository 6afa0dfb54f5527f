import { parse } from 'acorn'
import { simple } from 'acorn-walk'
import { analyze } from 'eslint-scope'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { listFiles, type CheckResult } from './build-files'

// WeChat's JS runtime is not a browser and not Node: it has wx.* instead of
// the DOM, storage, network and base64 globals. Taro's ProvidePlugin maps a
// few of them (window, document, navigator, location, URL…) to its runtime,
// and config/index.ts maps atob/btoa to base-64; whatever is still a free
// global in the built bundles throws a ReferenceError when it runs. A file
// that tests `typeof x` is probing for x and guarding its uses (React's
// scheduler and setImmediate, webpack's runtime and window), so a name a file
// probes does not count in that file.
//
// The built bundles are scanned, not the sources: only they show what a
// dependency (zod's atob) brings in, and *.h5.* files are not in them.

export const MISSING_IN_WECHAT = [
  // DOM and browser host objects
  'window', 'document', 'navigator', 'location', 'history', 'self', 'alert', 'confirm', 'prompt',
  'HTMLElement', 'Image', 'customElements', 'getComputedStyle',
  'File', 'Blob', 'FileReader', 'FormData',
  // storage: wx.setStorage / wx.getStorage
  'localStorage', 'sessionStorage', 'indexedDB',
  // network: wx.request, wx.connectSocket
  'fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource',
  // base64
  'atob', 'btoa',
  // Node
  'process', 'Buffer', 'global', '__dirname', '__filename', 'setImmediate',
]

const MISSING = new Set(MISSING_IN_WECHAT)

/** The globals a script reads or writes without declaring them, less those it probes with typeof. */
export function freeGlobalsOf(source: string): Set<string> {
  const ast = parse(source, { ecmaVersion: 'latest', sourceType: 'script', ranges: true })
  const probed = new Set<string>()
  simple(ast, {
    UnaryExpression(node) {
      if (node.operator === 'typeof' && node.argument.type === 'Identifier') probed.add(node.argument.name)
    },
  })
  const scopes = analyze(ast as never, { ecmaVersion: 2022, sourceType: 'script' })
  const names = new Set<string>()
  for (const reference of scopes.globalScope!.through) {
    if (!probed.has(reference.identifier.name)) names.add(reference.identifier.name)
  }
  return names
}

export function checkFreeGlobals(dir: string): CheckResult {
  const files = listFiles(dir, '.js')
  const problems: string[] = []
  for (const file of files) {
    const missing = [...freeGlobalsOf(readFileSync(join(dir, file), 'utf8'))].filter((name) => MISSING.has(name))
    if (missing.length > 0) problems.push(`${file}: uses ${missing.join(', ')}, which WeChat does not have`)
  }
  return { name: 'free globals WeChat lacks (eslint-scope)', checked: files.length, problems }
}
