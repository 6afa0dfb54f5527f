import { useState } from 'react'
import type { FunctionContract } from '../domain/contracts/action-contract'
import type { Result } from '../domain/result'
import { checkCall } from './validate'

/**
 * One form's submit: the input is checked against the action's own schema
 * first (the server's Chinese message, without a round trip), then sent; a
 * refusal's message is kept for the page to show. Resolves to the data, or
 * null when it was refused.
 */
export function useSubmit() {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const submit = async <C extends FunctionContract, A extends keyof C & string, T>(contract: C, call: { action: A }, send: () => Promise<Result<T>>): Promise<T | null> => {
    const checked = checkCall(contract, call)
    if (!checked.ok) {
      setError(checked.message)
      return null
    }
    setError(null)
    setBusy(true)
    const result = await send()
    setBusy(false)
    if (!result.ok) {
      setError(result.message)
      return null
    }
    return result.data
  }
  return { busy, error, setError, submit }
}
