// Classifies database failures. The SDK reports them in two shapes: a plain
// write fails with `{ errCode: -501001, errMsg: '... [DATABASE_DUPLICATE_WRITE] ...' }`,
// a transaction commit rejects with `{ code: 'DATABASE_DUPLICATE_WRITE', message }`.

function text(error: unknown): string {
  if (!error || typeof error !== 'object') return String(error)
  const e = error as { code?: unknown; errMsg?: unknown; message?: unknown }
  return [e.code, e.errMsg, e.message].filter((v) => typeof v === 'string').join(' ')
}

/** A unique index refused the write. */
export function isDuplicateKey(error: unknown): boolean {
  return /DATABASE_DUPLICATE_WRITE|E11000|duplicate key/i.test(text(error))
}

/** A transaction lost to another write of a document it wrote (at that write, or at commit; WriteConflict is MongoDB's name). */
export function isTransactionConflict(error: unknown): boolean {
  return /DATABASE_TRANSACTION_CONFLICT|WriteConflict/.test(text(error))
}

/** wx-server-sdk's answer to a transaction's get of a document that is not there (the cloud's reply is an empty list; the SDK throws). */
export function isMissingDocument(error: unknown): boolean {
  return /document\.get:fail document with _id .* does not exist/.test(text(error))
}
