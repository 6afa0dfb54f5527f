import * as cloud from 'wx-server-sdk'
import { AppError } from '../../src/domain/errors'
import { checkUpload, isOwnUpload, type FileFormat, type UploadKind } from '../../src/domain/upload-kinds'
import type { KnownContext } from '../kernel/function-def'

// A file the caller uploaded to cloud storage (Taro.cloud.uploadFile on weapp,
// the local bridge on h5), read back by a function through wx-server-sdk's own
// storage API. In the cloud that is COS; locally the same SDK calls reach the
// file store in DATA_DIR/files (local/embedded-storage). The storage failures
// keep their platform code in `code` and in the message, whichever the SDK
// layer put it in.

export interface Upload {
  fileID: string
  bytes: Buffer
  format: FileFormat
}

function storageCode(error: unknown): string {
  const e = (error ?? {}) as { code?: unknown; errMsg?: unknown; message?: unknown }
  const text = [e.code, e.errMsg, e.message].filter((v) => typeof v === 'string').join(' ')
  return /STORAGE_[A-Z_]+|INVALID_PARAM/.exec(text)?.[0] ?? ''
}

function asAppError(error: unknown): unknown {
  switch (storageCode(error)) {
    case 'STORAGE_FILE_NONEXIST':
      return new AppError('FILE_NOT_FOUND')
    case 'STORAGE_EXCEED_AUTHORITY':
    case 'INVALID_PARAM':
      return new AppError('FILE_NOT_OURS')
    default:
      return error
  }
}

/**
 * Downloads the caller's own upload of `kind` and checks it is one by its
 * bytes. Another user's upload, another app's or environment's file, a file
 * that is gone, too large or of another kind: each a stable code.
 */
export async function readUpload(ctx: KnownContext, fileID: string, kind: UploadKind): Promise<Upload> {
  if (!isOwnUpload(fileID, kind, ctx.principal.userId)) throw new AppError('FILE_NOT_OURS')
  let bytes: Buffer
  try {
    bytes = (await cloud.downloadFile({ fileID })).fileContent as Buffer
  } catch (error) {
    throw asAppError(error)
  }
  const checked = checkUpload(kind, bytes)
  if (!checked.ok) throw new AppError(checked.code, checked.message)
  return { fileID, bytes, format: checked.format }
}

/** Removes uploads that have served their purpose; a failure is logged, never the caller's problem. */
export async function discardUploads(fileIDs: string[]): Promise<void> {
  try {
    await cloud.deleteFile({ fileList: fileIDs })
  } catch (error) {
    console.error('discardUploads', error)
  }
}
