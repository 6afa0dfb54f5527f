import type * as Cloud from 'wx-server-sdk'
import type { CloudFunction } from './function-def'
import { runFunction } from './run-function'
import { cloudSetupEnv } from './setup-env'
import { wechatOpenApi } from './wechat-openapi'

type CloudSdk = typeof Cloud

/**
 * Adapts a function definition to WeChat's `exports.main`: initialises the SDK
 * for the environment the function is deployed in, and takes the caller from
 * `getWXContext()` (the local bridge injects it instead). Secrets come from
 * the function's environment variables, set in the cloud console.
 */
export function serve(fn: CloudFunction, cloud: CloudSdk) {
  // The SDK's typings predate DYNAMIC_CURRENT_ENV being a symbol; init accepts it.
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })
  const openapi = wechatOpenApi(cloud)
  // The bundle's own folder: the setup function carries its code's hash there.
  const setup = cloudSetupEnv(process.env, __dirname)
  return (event: unknown) => {
    const context = cloud.getWXContext()
    return runFunction(fn, event, {
      db: cloud.database(),
      openid: context.OPENID ?? '',
      origin: { source: context.SOURCE ?? '', ip: context.CLIENTIP ?? context.CLIENTIPV6 ?? '' },
      openapi,
      env: { cardSecret: process.env.CARD_TOKEN_SECRET ?? '', setup },
      // Results are held to their schemas in the tests and the local runtime; in the
      // cloud a slip found only there should reach the user, not become an outage.
      checkResults: false,
    })
  }
}
