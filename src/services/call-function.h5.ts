import type { CallFunction } from '../domain/contracts'
import type { Result } from '../domain/result'
import { NETWORK_FAILURE } from './network-failure'

// h5: the local runtime's HTTP bridge, POST /api/<name>. The bridge always
// answers a Result JSON, also with HTTP 4xx (e.g. AUTH_REQUIRED), so the
// status code is not inspected: the body is the answer. Only a failed
// request or a body that is not JSON counts as a network failure.
// The result's type comes from the action's contract (the server checks
// results against the same schema in tests and the local runtime).
export const callFunction: CallFunction = async (name, data) => {
  try {
    const res = await fetch('/api/' + encodeURIComponent(name), {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(data),
    })
    const body: unknown = await res.json()
    return isResult(body) ? (body as Result<never>) : NETWORK_FAILURE
  } catch {
    return NETWORK_FAILURE
  }
}

function isResult(value: unknown): boolean {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean'
}
