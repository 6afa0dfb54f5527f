// The one shape every cloud function returns, on every platform.
export type Ok<T> = { ok: true; data: T }
export type Fail = { ok: false; code: string; message: string; details?: unknown }
export type Result<T> = Ok<T> | Fail
