import { join } from 'node:path'
import { FunctionConfigError, readFunctionConfig, type FunctionConfig } from './function-config'

// What `npm run build:functions` writes to dist/cloudfunctions/<name>/config.json:
// the function's own config.json, checked, with the defaults filled in. A
// function whose bundle includes the message sender must declare the
// open-API permission, or every send would fail in the cloud.

/** The module every subscription message goes through (server/messages). */
export const MESSAGE_SENDER = 'server/messages/send-message.ts'

export function deployConfig(functionName: string, cloudfunctionsDir: string, bundledInputs: readonly string[]): FunctionConfig {
  const dir = join(cloudfunctionsDir, functionName)
  const config = readFunctionConfig(dir)
  const sends = bundledInputs.some((input) => input.replace(/\\/g, '/').endsWith(MESSAGE_SENDER))
  if (sends && !config.permissions.openapi.includes('subscribeMessage.send')) {
    throw new FunctionConfigError(
      join(dir, 'config.json'),
      `云函数 ${functionName} 会发送订阅消息，须声明 "permissions": { "openapi": ["subscribeMessage.send"] }`,
    )
  }
  return config
}
