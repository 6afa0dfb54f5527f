import Taro from '@tarojs/taro'
import type { CallFunction } from '../domain/contracts'
import type { Result } from '../domain/result'
import { NETWORK_FAILURE } from './network-failure'

// weapp: every cloud function returns a Result as its `result`. A thrown
// error (offline, function not deployed, timeout) never reaches the function
// code, so it is reported as one stable NETWORK failure.
export const callFunction: CallFunction = async (name, data) => {
  try {
    const res = await Taro.cloud.callFunction({ name, data: data as TaroGeneral.IAnyObject })
    const result = res.result as Result<never> | undefined
    return result && typeof result === 'object' && typeof result.ok === 'boolean' ? result : NETWORK_FAILURE
  } catch {
    return NETWORK_FAILURE
  }
}
