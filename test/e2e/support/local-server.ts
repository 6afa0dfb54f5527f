import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { AddressInfo } from 'node:net'
import { buildLocalApp } from '../../../local/runtime/app'
import { openLocalDatabase } from '../../../local/runtime/open-database'
import { openLocalStorage } from '../../../local/runtime/open-storage'
import { loadOrCreateSecrets } from '../../../local/runtime/secrets'
import { seedIfEmpty } from '../../../local/seed/seed'
import type { Browser } from 'playwright-core'
import { launchBrowser } from './browser'

export interface LocalServerOptions {
  /** False starts from an empty database, as a new deployment does (DEMO_SEED=off). */
  seed?: boolean
}

/** The real local runtime (embedded DB, bridge, h5 build) on a fresh data dir and a free port. */
export async function startLocalServer({ seed = true }: LocalServerOptions = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'sbd-e2e-'))
  const { db, close } = openLocalDatabase(join(dataDir, 'db.sqlite'))
  const secrets = loadOrCreateSecrets(dataDir)
  const storage = openLocalStorage({ dataDir, secret: secrets.storageSecret, baseUrl: 'http://127.0.0.1' })
  if (seed) await seedIfEmpty(db, { files: storage.store })
  const app = await buildLocalApp({ db, secrets, files: storage.store, h5Dir: resolve('dist/h5') })
  await app.listen({ host: '127.0.0.1', port: 0 })
  const { port } = app.server.address() as AddressInfo
  storage.store.baseUrl = `http://127.0.0.1:${port}`
  return {
    db,
    /** What `npm start` prints for a deployment not set up yet, and the key its cards are signed with. */
    setupCode: secrets.setupCode,
    cardSecret: secrets.cardSecret,
    baseURL: `http://127.0.0.1:${port}`,
    async stop() {
      await app.close()
      storage.close()
      close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/**
 * One runtime and one browser for a test file: started before its tests,
 * stopped after. Read `.server` and `.browser` inside tests and hooks.
 */
export function useRuntimeAndBrowser(options: LocalServerOptions = {}) {
  const state = {} as { server: Awaited<ReturnType<typeof startLocalServer>>; browser: Browser }
  beforeAll(async () => {
    state.server = await startLocalServer(options)
    state.browser = await launchBrowser()
  })
  afterAll(async () => {
    await state.browser?.close()
    await state.server?.stop()
  })
  return state
}
