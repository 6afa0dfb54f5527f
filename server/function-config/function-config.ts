import { z } from 'zod'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { cronProblem } from './wechat-cron'

// cloudfunctions/<name>/config.json, the function settings WeChat reads on
// upload: the open-API calls it may make (云调用) and its timer trigger.
// The build checks it before writing dist/cloudfunctions/<name>/config.json,
// and the local runtime checks it before scheduling, so a file the cloud
// would refuse fails here first with a message naming the field.

/** Open-API calls a function may declare; only what the product uses. */
export const OPENAPI_PERMISSIONS = ['subscribeMessage.send', 'phonenumber.getPhoneNumber'] as const
export type OpenapiPermission = (typeof OPENAPI_PERMISSIONS)[number]

const cron = z.string().superRefine((value, ctx) => {
  const problem = cronProblem(value)
  if (problem) ctx.addIssue({ code: 'custom', message: problem })
})

export const timerTrigger = z
  .object({
    name: z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{0,59}$/, '触发器名称须以字母开头，最多60个字符，只能包含字母、数字、- 和 _'),
    type: z.literal('timer', '触发器类型只能是 timer（定时触发器）'),
    config: cron,
  })
  .strict()
export type TimerTrigger = z.output<typeof timerTrigger>

export const functionConfig = z
  .object({
    permissions: z.object({ openapi: z.array(z.enum(OPENAPI_PERMISSIONS)).default([]) }).strict().default({ openapi: [] }),
    triggers: z.array(timerTrigger).max(1, '一个云函数只能配置一个定时触发器').default([]),
    // Reports and scans can take longer than the 3 s default; 60 s is the platform's maximum.
    timeout: z.number().int().min(1).max(60).default(20),
  })
  .strict()
export type FunctionConfig = z.output<typeof functionConfig>

export class FunctionConfigError extends Error {
  constructor(file: string, detail: string) {
    super(`云函数配置有误（${file}）：${detail}`)
    this.name = 'FunctionConfigError'
  }
}

/** Parses one function's config; a missing file means the defaults. */
export function parseFunctionConfig(json: unknown, file: string): FunctionConfig {
  const parsed = functionConfig.safeParse(json)
  if (parsed.success) return parsed.data
  const detail = parsed.error.issues.map((i) => `${i.path.join('.') || '(根)'}：${i.message}`).join('；')
  throw new FunctionConfigError(file, detail)
}

export function readFunctionConfig(functionDir: string): FunctionConfig {
  const file = join(functionDir, 'config.json')
  if (!existsSync(file)) return parseFunctionConfig({}, file)
  let json: unknown
  try {
    json = JSON.parse(readFileSync(file, 'utf8'))
  } catch (error) {
    throw new FunctionConfigError(file, `不是有效的 JSON（${(error as Error).message}）`)
  }
  return parseFunctionConfig(json, file)
}
