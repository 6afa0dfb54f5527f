import { codeExpiresAt, currentSigninCode, signSigninCode, verifySigninCode, windowAt, WINDOW_MS } from '../../server/features/activity/signin-token'
import { signCardToken } from '../../server/features/card/card-token'

const SECRET = 'unit-test-secret'
const t0 = new Date('2026-05-10T01:00:00.000Z') // a window boundary: 1778374800000 / 15000
const plus = (ms: number) => new Date(t0.getTime() + ms)
const code = (at: Date, direction: 'in' | 'out' = 'in', activityId = 'activity-1') => currentSigninCode(SECRET, activityId, direction, at)

function refusal(run: () => unknown): string {
  try {
    run()
  } catch (error) {
    return (error as { code: string }).code
  }
  return 'accepted'
}

describe('sign-in code', () => {
  it('says which activity, window and direction it is', () => {
    expect(verifySigninCode(SECRET, code(t0, 'out'), t0)).toEqual({ activityId: 'activity-1', window: windowAt(t0), direction: 'out' })
    expect(windowAt(plus(WINDOW_MS - 1))).toBe(windowAt(t0))
    expect(windowAt(plus(WINDOW_MS))).toBe(windowAt(t0) + 1)
  })
  it('is taken in its own window and the next one only, by the server clock', () => {
    const made = code(plus(14_999)) // the last millisecond of its window
    expect(refusal(() => verifySigninCode(SECRET, made, plus(14_999)))).toBe('accepted')
    expect(refusal(() => verifySigninCode(SECRET, made, plus(29_999)))).toBe('accepted')
    expect(refusal(() => verifySigninCode(SECRET, made, plus(30_000)))).toBe('SIGNIN_CODE_EXPIRED')
    expect(codeExpiresAt(plus(14_999))).toEqual(plus(30_000))
    // A code from a window the server has not reached is not one it made.
    expect(refusal(() => verifySigninCode(SECRET, code(plus(15_000)), plus(14_999)))).toBe('SIGNIN_CODE_INVALID')
  })
  it('refuses forged, altered and differently spelled codes', () => {
    const good = code(t0)
    expect(refusal(() => verifySigninCode('another-secret', good, t0))).toBe('SIGNIN_CODE_FORGED')
    const [prefix, activity, window, mac] = good.split('.') as [string, string, string, string]
    // The out-code's text with the in-code's MAC.
    expect(refusal(() => verifySigninCode(SECRET, [prefix, activity, window.replace('i', 'o'), mac].join('.'), t0))).toBe('SIGNIN_CODE_FORGED')
    // Another spelling of the same MAC (the last character's unused low bits).
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
    const last = alphabet.indexOf(mac.at(-1)!)
    const twin = mac.slice(0, -1) + alphabet[last ^ 1]
    expect(Buffer.from(twin, 'base64url')).toEqual(Buffer.from(mac, 'base64url'))
    expect(refusal(() => verifySigninCode(SECRET, [prefix, activity, window, twin].join('.'), t0))).toBe('SIGNIN_CODE_FORGED')
    // A leading zero in the window.
    expect(refusal(() => verifySigninCode(SECRET, [prefix, activity, `0${window}`, mac].join('.'), t0))).toBe('SIGNIN_CODE_INVALID')
    // A 联系证 token, though signed with the same secret, is not a sign-in code.
    expect(refusal(() => verifySigninCode(SECRET, signCardToken(SECRET, { memberId: 'm-1', serial: 1 }), t0))).toBe('SIGNIN_CODE_INVALID')
    for (const text of ['', 'hello', 'SBA2.YQ.1i.x', `${good}.x`]) expect(refusal(() => verifySigninCode(SECRET, text, t0))).not.toBe('accepted')
  })
  it('is the same text for the same claim, and different for in and out', () => {
    const claim = { activityId: 'activity-1', window: windowAt(t0), direction: 'in' as const }
    expect(signSigninCode(SECRET, claim)).toBe(code(t0))
    expect(code(t0, 'out')).not.toBe(code(t0, 'in'))
    expect(refusal(() => signSigninCode('', claim))).toBe('CONFIG_MISSING')
  })
})
