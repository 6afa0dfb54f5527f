import { join } from 'node:path'
import { FileStore, installEmbeddedStorage, uninstallEmbeddedStorage } from '../embedded-storage'
import { LOCAL_ENV } from './open-database'

export interface LocalStorageOptions {
  dataDir: string
  secret: string
  /** Where the runtime serves /files; set `store.baseUrl` once the port is known. */
  baseUrl: string
  now?: () => Date
}

/**
 * The local cloud storage: a file store in DATA_DIR/files, answering
 * wx-server-sdk's own storage calls (cloud.uploadFile, getTempFileURL,
 * downloadFile, deleteFile) in this process.
 */
export function openLocalStorage(options: LocalStorageOptions): { store: FileStore; close(): void } {
  const store = new FileStore({ root: join(options.dataDir, 'files'), env: LOCAL_ENV, secret: options.secret, baseUrl: options.baseUrl, now: options.now })
  installEmbeddedStorage(store)
  return { store, close: uninstallEmbeddedStorage }
}
