import Taro from '@tarojs/taro'
import type { ActionCall, ActionName, ActionResult } from '../domain/contracts'
import { recordsContract } from '../domain/contracts/records.contract'
import { inChina } from '../domain/china-time'
import { callFunction } from './call-function'
import { useSubmit } from './use-submit'

/** Today's date in China, as the record forms start their date fields. */
export function todayText(): string {
  return inChina(new Date()).format('YYYY-MM-DD')
}

/**
 * One `records` action from a page: checked against its schema first, then
 * sent; on success a short toast. Resolves to the result, or null when refused
 * (the message is in `error`).
 */
export function useRecordsAction() {
  const { busy, error, setError, submit } = useSubmit()
  const run = async <A extends ActionName<'records'>>(call: ActionCall<'records', A>, done: string): Promise<ActionResult<'records', A> | null> => {
    const result = await submit(recordsContract, call, () => callFunction('records', call))
    if (result !== null) void Taro.showToast({ title: done, icon: 'success' })
    return result as ActionResult<'records', A> | null
  }
  return { busy, error, setError, run }
}
