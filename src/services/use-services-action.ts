import Taro from '@tarojs/taro'
import type { ActionCall, ActionName, ActionResult } from '../domain/contracts'
import { servicesContract } from '../domain/contracts/services.contract'
import { callFunction } from './call-function'
import { useSubmit } from './use-submit'

/** One `services` action from a page: checked against its schema, sent, a toast on success; null when refused (message in `error`). */
export function useServicesAction() {
  const { busy, error, setError, submit } = useSubmit()
  const run = async <A extends ActionName<'services'>>(call: ActionCall<'services', A>, done: string): Promise<ActionResult<'services', A> | null> => {
    const result = await submit(servicesContract, call, () => callFunction('services', call))
    if (result !== null) void Taro.showToast({ title: done, icon: 'success' })
    return result as ActionResult<'services', A> | null
  }
  return { busy, error, setError, run }
}
