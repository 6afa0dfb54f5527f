import { parse } from 'acorn'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { listFiles, type CheckResult } from './build-files'

// project.config.json says es6: false: WeChat uploads the JS as it is, and an
// older client's engine that meets `class`, `?.` or `const` fails to load the
// whole package. So every emitted .js must parse as ECMAScript 5.

export function checkEs5Syntax(dir: string): CheckResult {
  const files = listFiles(dir, '.js')
  const problems: string[] = []
  for (const file of files) {
    try {
      parse(readFileSync(join(dir, file), 'utf8'), { ecmaVersion: 5, sourceType: 'script' })
    } catch (error) {
      problems.push(`${file}: not ES5: ${(error as Error).message}`)
    }
  }
  return { name: 'ES5 syntax (acorn, ecmaVersion 5)', checked: files.length, problems }
}
