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

/** A read by id found no document (a transaction's doc().get() rejects then, where a query answers empty). */
export function isDocumentMissing(error: unknown): boolean {
  return /document with _id .* does not exist/.test(text(error))
}
