import { createHash, randomInt } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { formatSetupCode, normalizeSetupCode, SETUP_CODE_ALPHABET, SETUP_CODE_LENGTH } from '../../src/domain/setup-code'

// How a deployment names its first administrator (README, Deploy): the
// 首次设置码 that `npm run build:functions` printed, whose hash it bundled with
// the `setup` function as setup-code.json; or the function's environment
// variables SETUP_CODE (a code of one's own) and SETUP_ADMIN_OPENID (that
// WeChat user needs no code). Only a hash of the code is ever kept.

export interface SetupEnv {
  /** SHA-256 (hex) of the normalised setup code; empty when none is configured. */
  codeHash: string
  /** The OPENID that may claim the district without a code; empty when none. */
  adminOpenid: string
}

export const SETUP_CODE_FILE = 'setup-code.json'

/** A new code, as printed: "K7QM-3XPA-…". */
export function newSetupCode(): string {
  let code = ''
  for (let i = 0; i < SETUP_CODE_LENGTH; i++) code += SETUP_CODE_ALPHABET[randomInt(SETUP_CODE_ALPHABET.length)]
  return formatSetupCode(code)
}

/** What the functions are given for a code (printed or typed): its hash, or empty when it is not a setup code. */
export function setupEnvOf(code: string | undefined, adminOpenid = ''): SetupEnv {
  const normalized = code ? normalizeSetupCode(code) : null
  return { codeHash: normalized ? hashSetupCode(normalized) : '', adminOpenid: adminOpenid.trim() }
}

export function hashSetupCode(normalizedCode: string): string {
  return createHash('sha256').update(normalizedCode, 'utf8').digest('hex')
}

/** The cloud's setup settings: the environment first, then the hash bundled next to the function. */
export function cloudSetupEnv(vars: NodeJS.ProcessEnv, bundleDir: string): SetupEnv {
  const fromVar = setupEnvOf(vars.SETUP_CODE, vars.SETUP_ADMIN_OPENID ?? '')
  if (fromVar.codeHash) return fromVar
  const file = join(bundleDir, SETUP_CODE_FILE)
  const bundled = existsSync(file) ? ((JSON.parse(readFileSync(file, 'utf8')) as { sha256?: string }).sha256 ?? '') : ''
  return { ...fromVar, codeHash: bundled }
}
