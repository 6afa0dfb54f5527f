import { readdirSync } from 'node:fs'
import { join, relative, resolve, sep } from 'node:path'

// The files of a weapp build folder (dist/weapp), by extension, as paths
// relative to it with forward slashes: the form app.json and WeChat's
// compilers use.

export const DEFAULT_WEAPP_DIR = resolve(__dirname, '..', '..', 'dist', 'weapp')

/** What one check found: how many files it looked at, and each problem as `file: message`. */
export interface CheckResult {
  name: string
  checked: number
  problems: string[]
}

export function listFiles(dir: string, extension: string): string[] {
  const found: string[] = []
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = join(folder, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (entry.isFile() && entry.name.endsWith(extension)) found.push(relative(dir, full).split(sep).join('/'))
    }
  }
  walk(dir)
  return found.sort()
}
