import Taro from '@tarojs/taro'
import type { ActionCall, ActionName, ActionResult, CONTRACTS, FunctionName } from '../domain/contracts'
import { callFunction } from './call-function'
import { useSubmit } from './use-submit'

/**
 * One action of the function `name` from a page: checked against its schema
 * first, then sent; on success a short toast. Resolves to the result, or null
 * when refused (the message is in `error`). The page passes the function's
 * contract itself, so its bundle holds that contract only.
 */
export function useAction<F extends FunctionName>(name: F, contract: (typeof CONTRACTS)[F]) {
  const { busy, error, setError, submit } = useSubmit()
  const run = async <A extends ActionName<F>>(call: ActionCall<F, A>, done: string): Promise<ActionResult<F, A> | null> => {
    const result = await submit(contract, call, () => callFunction(name, call))
    if (result !== null) void Taro.showToast({ title: done, icon: 'success' })
    return result as ActionResult<F, A> | null
  }
  return { busy, error, setError, run }
}
