import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export interface LocalSecrets {
  /** Signs the dev sign-in cookie. */
  sessionSecret: string
  /** Signs 联系证 tokens; in the cloud this is the CARD_TOKEN_SECRET variable. */
  cardSecret: string
}

/** Made once per DATA_DIR and kept there, so cards and sessions survive restarts. */
export function loadOrCreateSecrets(dataDir: string): LocalSecrets {
  const file = join(dataDir, 'secrets.json')
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as LocalSecrets
  const secrets = { sessionSecret: randomBytes(32).toString('hex'), cardSecret: randomBytes(32).toString('hex') }
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 })
  return secrets
}
