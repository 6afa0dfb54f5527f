// Error codes as the cloud database service returns them in `{ code, message }`.
// wx-server-sdk turns `code` into a numeric errCode through its TCB_ERR_CODE
// table; codes missing from that table surface as -501001 (SYS_ERR) with the
// message kept in errMsg, exactly as they would in the cloud.
export const ErrorCode = {
  /** -502005 in wx-server-sdk. */
  COLLECTION_NOT_EXIST: 'DATABASE_COLLECTION_NOT_EXIST',
  /** Not in wx-server-sdk's table: surfaces as -501001 with this code in errMsg. */
  COLLECTION_ALREADY_EXIST: 'DATABASE_COLLECTION_ALREADY_EXIST',
  /** CloudBase's code for a unique-index violation; surfaces as -501001 with the code in errMsg. */
  DUPLICATE_WRITE: 'DATABASE_DUPLICATE_WRITE',
  /** The code @cloudbase/database's runTransaction retries on. */
  TRANSACTION_CONFLICT: 'DATABASE_TRANSACTION_CONFLICT',
  /** A transaction that ended (commit, abort, conflict, 30 s limit) or never existed; surfaces as -501001. */
  TRANSACTION_FAIL: 'DATABASE_TRANSACTION_FAIL',
  /** -502002 in wx-server-sdk. The misspelling is the platform's own. */
  INVALID_OPERATOR: 'DATABASE_INVALID_OPERRATOR',
  /** -501007 in wx-server-sdk. */
  INVALID_PARAM: 'INVALID_PARAM',
  /** -502001 in wx-server-sdk: the database's generic failure. */
  REQUEST_FAILED: 'DATABASE_REQUEST_FAILED',
} as const

export type ErrorCodeValue = (typeof ErrorCode)[keyof typeof ErrorCode]

export class EngineError extends Error {
  constructor(
    readonly code: ErrorCodeValue,
    message: string,
  ) {
    super(message)
    this.name = 'EngineError'
  }
}

export function collectionNotExist(collection: string): EngineError {
  return new EngineError(
    ErrorCode.COLLECTION_NOT_EXIST,
    `[ResourceNotFound] Db or Table not exist. Please check your request, but if the problem cannot be solved, contact us. (collection: ${collection})`,
  )
}

export function duplicateKey(collection: string, index: string, detail: string): EngineError {
  return new EngineError(
    ErrorCode.DUPLICATE_WRITE,
    `[${ErrorCode.DUPLICATE_WRITE}] E11000 duplicate key error collection: ${collection} index: ${index} dup key: ${detail}`,
  )
}

export function transactionConflict(transactionId: string): EngineError {
  return new EngineError(
    ErrorCode.TRANSACTION_CONFLICT,
    `[${ErrorCode.TRANSACTION_CONFLICT}] transaction ${transactionId} conflicts with a write committed after it started, or with another open transaction's write; the transaction was aborted and nothing was applied`,
  )
}

/** The cloud's reply to any use of a transaction id it no longer holds (its message names the 30 s limit). */
export function transactionNotExist(): EngineError {
  return new EngineError(
    ErrorCode.TRANSACTION_FAIL,
    '[ResourceUnavailable.TransactionNotExist] Transaction does not exist on the server, transaction must be commit or abort in 30 seconds. Please check your request, but if the problem persists, contact us.',
  )
}

/** MongoDB's storage rule, which CloudBase inherits: no field name starts with `$`, at any depth. */
export function dollarField(field: string, path: string): EngineError {
  return requestFailed(`[InvalidParameter] The dollar ($) prefixed field '${field}' in '${path}' is not valid for storage.`)
}

/** CloudBase refuses a where-write (update, remove) whose query is missing: there is no "whole collection" write. */
export function emptyQuery(): EngineError {
  return invalidParam("param.query can't be empty")
}

export function invalidOperator(detail: string): EngineError {
  return new EngineError(ErrorCode.INVALID_OPERATOR, `[${ErrorCode.INVALID_OPERATOR}] ${detail}`)
}

export function invalidParam(detail: string): EngineError {
  return new EngineError(ErrorCode.INVALID_PARAM, detail)
}

export function requestFailed(detail: string): EngineError {
  return new EngineError(ErrorCode.REQUEST_FAILED, detail)
}
