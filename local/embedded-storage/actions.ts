import { randomBytes } from 'node:crypto'
import { cloudPathProblem } from './cloud-path'
import { fileNotExist, invalidParam, StorageCode, StorageError } from './errors'
import type { FileStore } from './file-store'

// The storage actions @cloudbase/node-sdk 3.17.2 sends through its API
// requester (dist/storage/index.js), answered in the service's reply shape:
// `{ requestId, data }` on success, `{ code, message }` on failure, and a
// per-file `code` inside the lists of the batch actions.

/** getTempFileURL takes at most 50 files per call (WeChat docs). */
export const MAX_FILES_PER_CALL = 50

type Reply = { requestId: string; data?: unknown; code?: string; message?: string }

const requestId = () => randomBytes(8).toString('hex')

function fail(error: unknown): Reply {
  if (error instanceof StorageError) return { requestId: requestId(), code: error.code, message: error.message }
  throw error
}

function fileList(value: unknown, what: string): unknown[] {
  if (!Array.isArray(value) || value.length === 0) throw invalidParam(`${what} must be a non-empty array`)
  if (value.length > MAX_FILES_PER_CALL) throw invalidParam(`${what} holds ${value.length} files; at most ${MAX_FILES_PER_CALL} per call`)
  return value
}

// One file of a batch: its own code on failure, the others go on.
function each<T>(fileID: unknown, answer: () => T): T | { fileID: unknown; code: string; message: string } {
  try {
    return answer()
  } catch (error) {
    if (!(error instanceof StorageError)) throw error
    return { fileID, code: error.code, message: error.message }
  }
}

interface DownloadItem {
  fileid?: unknown
  max_age?: unknown
}

const ACTIONS: Record<string, (store: FileStore, params: Record<string, unknown>) => unknown> = {
  'storage.getUploadMetadata'(store, params) {
    const problem = cloudPathProblem(params.path)
    if (problem) throw problem
    const cloudPath = params.path as string
    const { url, authorization } = store.uploadUrl(cloudPath)
    return { url, token: '', authorization, fileId: store.fileIdOf(cloudPath), cosFileId: randomBytes(12).toString('hex') }
  },

  'storage.batchGetDownloadUrl'(store, params) {
    const items = fileList(params.file_list, 'fileList') as DownloadItem[]
    return {
      download_list: items.map((item) =>
        each(item?.fileid, () => {
          const cloudPath = store.pathOf(item.fileid)
          if (!store.exists(cloudPath)) throw fileNotExist(item.fileid as string) // answered per file, as the cloud does
          const maxAge = typeof item.max_age === 'number' ? item.max_age : undefined
          const link = store.tempUrl(cloudPath, maxAge)
          return { fileID: item.fileid, tempFileURL: link.url, maxAge: link.maxAge, code: 'SUCCESS' }
        }),
      ),
    }
  },

  'storage.batchDeleteFile'(store, params) {
    const ids = fileList(params.fileid_list, 'fileList')
    return {
      delete_list: ids.map((fileID) =>
        each(fileID, () => {
          store.remove(store.pathOf(fileID), fileID as string)
          return { fileID }
        }),
      ),
    }
  },
}

export function isStorageAction(action: unknown): boolean {
  return typeof action === 'string' && action.startsWith('storage.')
}

/** Answers one storage action as the service would. */
export function answerStorageAction(store: FileStore, params: Record<string, unknown>): Reply {
  const action = String(params.action)
  const run = ACTIONS[action]
  if (!run) return fail(new StorageError(StorageCode.REQUEST_FAIL, `${action} is not supported by the local storage`))
  try {
    return { requestId: requestId(), data: run(store, params) }
  } catch (error) {
    return fail(error)
  }
}
