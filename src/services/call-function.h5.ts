import type { Result } from '../domain/result'
import { NETWORK_FAILURE } from './network-failure'

// h5: the local runtime's HTTP bridge, POST /api/<name>. The bridge always
// answers a Result JSON, also with HTTP 4xx (e.g. AUTH_REQUIRED), so the
// status code is not inspected: the body is the answer. Only a failed
// request or a body that is not JSON counts as a network failure.
export async function callFunction<T>(name: string, data?: object): Promise<Result<T>> {
  try {
    const res = await fetch('/api/' + encodeURIComponent(name), {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(data ?? {}),
    })
    const body = (await res.json()) as Result<T>
    return isResult(body) ? body : NETWORK_FAILURE
  } catch {
    return NETWORK_FAILURE
  }
}

function isResult(value: unknown): boolean {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean'
}
