import type { Fail } from '../domain/result'

// What every platform's gateway returns when the call never got an answer.
export const NETWORK_FAILURE: Fail = Object.freeze({
  ok: false,
  code: 'NETWORK',
  message: '网络异常，请稍后重试',
}) as Fail
