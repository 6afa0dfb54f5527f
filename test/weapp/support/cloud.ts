import type { Result } from '../../../src/domain/result'
import type { Database } from '../../../server/kernel/database'
import { FUNCTIONS } from '../../../server/functions'
import { runFunction } from '../../../server/kernel/run-function'
import { openLocalDatabase } from '../../../local/runtime/open-database'
import { LocalPhoneCodes } from '../../../local/runtime/phone-codes'

// wx.cloud as the mini-program sees it, answered by the real cloud functions:
// the same path as cloudfunctions/<name> (runFunction with the caller's
// OPENID and source from WXContext) over the embedded database, through the
// real SDK query builder, with every result held to its action's schema.
// Who is calling is whoever the test says holds the phone; WeChat's part in
// getPhoneNumber is the local runtime's stand-in (`phones`).

export const CLOUD_CARD_SECRET = 'weapp-test-card-secret'

export interface LocalCloud {
  db: Database
  /** The calls the app made, in order. */
  calls: Array<{ name: string; data: Record<string, unknown>; result?: Result<unknown> }>
  /** WeChat's verified phone numbers: `phones.issue(openid, mobile)` is what the getPhoneNumber button hands the page. */
  phones: LocalPhoneCodes
  /** The WeChat user holding the phone (their OPENID). */
  signInAs(openid: string): void
  /** A call made outside the app (e.g. a unit issuing a card), as `openid`. */
  call<T>(openid: string, name: string, data: object): Promise<Result<T>>
  /** The `wx.cloud` object handed to the mini-program. */
  wxCloud: { init(options?: unknown): void; callFunction(options: { name: string; data?: Record<string, unknown> }): Promise<unknown> }
  close(): void
}

export async function openLocalCloud(seed: (db: Database) => Promise<void>): Promise<LocalCloud> {
  const { db, close } = openLocalDatabase(':memory:')
  await seed(db)
  let openid = ''
  const calls: LocalCloud['calls'] = []
  const phones = new LocalPhoneCodes()
  const run = <T>(caller: string, name: string, data: object) => {
    const fn = FUNCTIONS.get(name)
    if (!fn) return Promise.reject(new Error(`cloud.callFunction:fail -501000 FunctionName parameter could not be found (${name})`))
    const deps = { db, openid: caller, origin: { source: 'wx_client', ip: '10.0.0.8' }, openapi: phones, env: { cardSecret: CLOUD_CARD_SECRET }, checkResults: true }
    return runFunction(fn, data, deps) as Promise<Result<T>>
  }
  return {
    db,
    calls,
    phones,
    signInAs: (next) => {
      openid = next
    },
    call: run,
    wxCloud: {
      init() {},
      async callFunction({ name, data = {} }) {
        const call: LocalCloud['calls'][number] = { name, data }
        calls.push(call)
        // WeChat adds the caller's userInfo to every event; the functions ignore it.
        call.result = await run(openid, name, { ...data, userInfo: { appId: 'touristappid', openId: openid } })
        return { errMsg: 'cloud.callFunction:ok', result: call.result, requestID: `req-${calls.length}` }
      },
    },
    close,
  }
}
