import { useEffect, useState } from 'react'
import type { BootstrapData } from '../domain/contracts/bootstrap.contract'
import type { Fail } from '../domain/result'
import { callFunction } from './call-function'
import { NETWORK_FAILURE } from './network-failure'

// Who the caller is, asked once per app start from the `bootstrap` function
// and shared by every page (the five tab pages are alive at the same time on
// weapp, so a per-page fetch would call the function five times).

export interface SessionState {
  loading: boolean
  error: Fail | null
  data: BootstrapData | null
}

export interface Session extends SessionState {
  reload: () => Promise<void>
}

const INITIAL: SessionState = { loading: true, error: null, data: null }

let state: SessionState = INITIAL
let started = false
let inflight: Promise<void> | null = null
// Bumped by resetSession so an answer to a forgotten request is dropped.
let generation = 0
const listeners = new Set<() => void>()

function setState(next: SessionState): void {
  state = next
  listeners.forEach((listener) => listener())
}

export function getSession(): SessionState {
  return state
}

/** Ask the server again; concurrent calls share one request. */
export function reloadSession(): Promise<void> {
  started = true
  if (inflight) return inflight
  // Keep showing the current data while refreshing (pull-down on 我的).
  setState({ ...state, loading: true })
  const mine = generation
  const request: Promise<void> = callFunction('bootstrap', { action: 'get' })
    .then(
      (result) => {
        if (mine !== generation) return
        // A failed refresh drops the old identity: AUTH_REQUIRED after a
        // sign-out must not keep showing the previous user's entries.
        setState(result.ok ? { loading: false, error: null, data: result.data } : { loading: false, error: result, data: null })
      },
      () => {
        if (mine !== generation) return
        setState({ loading: false, error: NETWORK_FAILURE, data: null })
      },
    )
    .finally(() => {
      if (inflight === request) inflight = null
    })
  inflight = request
  return request
}

export function useSession(): Session {
  const [snapshot, setSnapshot] = useState(state)
  useEffect(() => {
    const listener = () => setSnapshot(state)
    listeners.add(listener)
    // The store may have changed between render and subscription.
    listener()
    if (!started) void reloadSession()
    return () => {
      listeners.delete(listener)
    }
  }, [])
  return { ...snapshot, reload: reloadSession }
}

/** Forget the session (tests; a future sign-out). The next useSession() loads again. */
export function resetSession(): void {
  generation += 1
  started = false
  inflight = null
  state = INITIAL
  listeners.forEach((listener) => listener())
}
