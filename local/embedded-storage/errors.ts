// Storage failures in the shape CloudBase's storage service answers with:
// `{ code, message }`. wx-server-sdk maps each code through its TCB_ERR_CODE
// table (STORAGE_FILE_NONEXIST -503003, STORAGE_EXCEED_AUTHORITY -503002,
// STORAGE_REQUEST_FAIL -503001, STORAGE_SIGN_PARAM_INVALID -503004,
// INVALID_PARAM -501007); the code is also written into the message so that
// it survives the SDK's wrapping, as the database's codes do.
export const StorageCode = {
  FILE_NONEXIST: 'STORAGE_FILE_NONEXIST',
  EXCEED_AUTHORITY: 'STORAGE_EXCEED_AUTHORITY',
  REQUEST_FAIL: 'STORAGE_REQUEST_FAIL',
  SIGN_PARAM_INVALID: 'STORAGE_SIGN_PARAM_INVALID',
  INVALID_PARAM: 'INVALID_PARAM',
} as const

export type StorageCodeValue = (typeof StorageCode)[keyof typeof StorageCode]

export class StorageError extends Error {
  constructor(
    readonly code: StorageCodeValue,
    detail: string,
  ) {
    super(`[${code}] ${detail}`)
    this.name = 'StorageError'
  }
}

export const fileNotExist = (fileID: string) => new StorageError(StorageCode.FILE_NONEXIST, `storage file not exist (fileID: ${fileID})`)
export const notThisBucket = (fileID: string) =>
  new StorageError(StorageCode.EXCEED_AUTHORITY, `storage permission denied: the file belongs to another environment or app (fileID: ${fileID})`)
export const invalidParam = (detail: string) => new StorageError(StorageCode.INVALID_PARAM, detail)
