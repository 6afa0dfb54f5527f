import { wxmlToJs } from 'miniprogram-compiler'
import wxssToJs from 'miniprogram-compiler/src/wcsc'
import { listFiles, type CheckResult } from './build-files'

// WeChat's own Linux compilers, as DevTools and the upload run them: wcc
// compiles every WXML page together with the WXS modules it imports, wcsc
// every WXSS file. A file they reject is a page WeChat cannot show.

const MAX_OUTPUT = 64 * 1024 * 1024

export function checkWxmlAndWxs(dir: string): CheckResult {
  const wxml = listFiles(dir, '.wxml')
  const wxs = listFiles(dir, '.wxs')
  const problems: string[] = []
  try {
    wxmlToJs(dir, { wxmlList: wxml, wxsList: wxs, maxBuffer: MAX_OUTPUT })
  } catch (error) {
    problems.push(`wcc: ${(error as Error).message.trim()}`)
  }
  return { name: 'WXML + WXS (wcc)', checked: wxml.length + wxs.length, problems }
}

export function checkWxss(dir: string): CheckResult {
  const wxss = listFiles(dir, '.wxss')
  const problems: string[] = []
  // The wrapper returns (does not throw) an Error when wcsc exits non-zero.
  const result = wxssToJs(dir, wxss.map((file) => file.slice(0, -'.wxss'.length)), { maxBuffer: MAX_OUTPUT })
  if (result instanceof Error) problems.push(`wcsc: ${result.message.trim()}`)
  return { name: 'WXSS (wcsc)', checked: wxss.length, problems }
}
