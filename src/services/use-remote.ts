import { useCallback, useEffect, useRef, useState } from 'react'
import type { Fail, Result } from '../domain/result'

export interface Remote<T> {
  loading: boolean
  error: Fail | null
  data: T | null
  /** Ask again; the answer to an older request is dropped. */
  reload: () => Promise<void>
  /** Replace the data after a write that returned the new value. */
  setData: (data: T | null) => void
}

/**
 * Loads one cloud-function answer for a page and keeps its three states.
 * `key` names what is loaded: a change loads again (e.g. a new filter or page).
 */
export function useRemote<T>(load: () => Promise<Result<T>>, key: string): Remote<T> {
  const [state, setState] = useState<{ loading: boolean; error: Fail | null; data: T | null }>({ loading: true, error: null, data: null })
  const latest = useRef(0)
  const loader = useRef(load)
  loader.current = load

  const reload = useCallback(async () => {
    const mine = ++latest.current
    setState((s) => ({ ...s, loading: true }))
    const result = await loader.current()
    if (mine !== latest.current) return
    setState(result.ok ? { loading: false, error: null, data: result.data } : { loading: false, error: result, data: null })
  }, [])

  useEffect(() => {
    void reload()
  }, [key, reload])

  const setData = useCallback((data: T | null) => setState({ loading: false, error: null, data }), [])
  return { ...state, reload, setData }
}
