// Local stand-in for WeChat Cloud Development's storage: wx-server-sdk's own
// storage API, with its transport answered by a file store in DATA_DIR/files.
//
//   const store = new FileStore({ root: 'data/files', env: 'local', secret, baseUrl: 'http://127.0.0.1:8080' })
//   installEmbeddedStorage(store)
//   await cloud.uploadFile({ cloudPath: 'a/b.png', fileContent: buffer })
export { FileStore } from './file-store'
export { installEmbeddedStorage, uninstallEmbeddedStorage } from './seam'
export { MAX_FILES_PER_CALL } from './actions'
export { MAX_CLOUD_PATH_BYTES } from './cloud-path'
