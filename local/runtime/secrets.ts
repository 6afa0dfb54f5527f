import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { newSetupCode } from '../../server/kernel/setup-env'

export interface LocalSecrets {
  /** Signs the dev sign-in cookie. */
  sessionSecret: string
  /** Signs 联系证 tokens; in the cloud this is the CARD_TOKEN_SECRET variable. */
  cardSecret: string
  /** Signs the local storage's temporary file URLs, as COS signs the cloud's. */
  storageSecret: string
  /** The 首次设置码 of this DATA_DIR's deployment (main.ts prints it until the district is set up). */
  setupCode: string
}

/** Made once per DATA_DIR and kept there, so cards, sessions and file links survive restarts. */
export function loadOrCreateSecrets(dataDir: string): LocalSecrets {
  const file = join(dataDir, 'secrets.json')
  const kept = (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {}) as Partial<LocalSecrets>
  // A DATA_DIR from before a secret existed gets that one added; the others stay.
  const secrets: LocalSecrets = {
    sessionSecret: kept.sessionSecret ?? randomBytes(32).toString('hex'),
    cardSecret: kept.cardSecret ?? randomBytes(32).toString('hex'),
    storageSecret: kept.storageSecret ?? randomBytes(32).toString('hex'),
    setupCode: kept.setupCode ?? newSetupCode(),
  }
  if (Object.keys(kept).length !== Object.keys(secrets).length) writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 })
  return secrets
}
