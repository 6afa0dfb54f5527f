import type * as Cloud from 'wx-server-sdk'
import type { OpenApi } from './function-def'

// WeChat's open API through 云调用 (cloud.openapi), which needs the function's
// config.json to list each API (scripts/build-functions.mjs writes it).

/** WeChat's errcode for a getPhoneNumber code that is invalid, expired (5 minutes) or already used. */
const INVALID_CODE = 40029

interface PhoneInfo {
  purePhoneNumber?: string
  countryCode?: string | number
}

export function wechatOpenApi(cloud: typeof Cloud): OpenApi {
  return {
    async phoneNumberOf(code) {
      try {
        // The SDK turns WeChat's snake_case reply into camelCase (phone_info → phoneInfo).
        const reply = (await cloud.openapi.phonenumber.getPhoneNumber({ code })) as { phoneInfo?: PhoneInfo }
        const info = reply.phoneInfo
        // The roster holds mainland numbers only; a number with another country code never matches.
        return info?.purePhoneNumber && String(info.countryCode ?? '86') === '86' ? info.purePhoneNumber : null
      } catch (error) {
        if ((error as { errCode?: unknown }).errCode === INVALID_CODE) return null
        throw error
      }
    },
  }
}
