import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Database } from '../../server/kernel/database'
import type { CloudFunction, ServerEnv } from '../../server/kernel/function-def'
import { runFunction } from '../../server/kernel/run-function'
import { readFunctionConfig } from '../../server/function-config/function-config'
import type { InvokeTimer, ScheduledTrigger } from './trigger-scheduler'

/**
 * Every timer trigger declared under `cloudfunctionsDir` (cloudfunctions/<name>/config.json),
 * each checked as the build checks it: a malformed one stops the runtime with
 * a message naming the file and the field.
 */
export function loadTriggers(cloudfunctionsDir: string, functions: ReadonlyMap<string, CloudFunction>): ScheduledTrigger[] {
  const names = readdirSync(cloudfunctionsDir).filter((name) => existsSync(join(cloudfunctionsDir, name, 'index.ts')))
  return names.flatMap((functionName) => {
    const { triggers } = readFunctionConfig(join(cloudfunctionsDir, functionName))
    if (triggers.length > 0 && !functions.get(functionName)?.timer) {
      throw new Error(`云函数 ${functionName} 配置了定时触发器，但函数定义没有 timer 处理`)
    }
    return triggers.map((trigger) => ({ functionName, trigger }))
  })
}

/** Runs a function's timer handler through the kernel, with no caller, as the platform invokes it. */
export function invokeThroughKernel(
  functions: ReadonlyMap<string, CloudFunction>,
  deps: { db: Database; env: ServerEnv; now?: () => Date; log?: (e: unknown) => void },
): InvokeTimer {
  return async (functionName, event) => {
    const fn = functions.get(functionName)
    if (!fn) return { ok: false, code: 'UNKNOWN_FUNCTION', message: `没有这个云函数：${functionName}` }
    return runFunction(fn, event, { ...deps, openid: '' })
  }
}
