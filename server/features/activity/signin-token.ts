import { AppError } from '../../../src/domain/errors'
import { SIGNIN_CODE_SHAPE } from '../../../src/domain/signin-code-text'
import type { Direction } from '../../../src/domain/signin-window'
import { macText, sameText } from '../../access/mac'

// The rotating sign-in code the organiser's phone shows (issue 9 §4):
// `SBA1.<activity>.<window><i|o>.<mac>`:
//   SBA1     – "双报到 activity" code, format version 1 (a 联系证 is SBD1; the
//              MAC covers the prefix, so one can never pass for the other);
//   activity – base64url of the activity id;
//   window   – floor(server time / 15 s), in decimal without leading zeros;
//   i | o    – sign-in or sign-out;
//   mac      – access/mac.ts over everything before it.
// The server's clock makes the code and the server's clock checks it: it takes
// the current and the previous window only, so a code is good for 15–30 s and
// a photo sent home is useless within 30 s, whatever the display phone's clock
// says (Moodle's users' top complaint, DESIGN.md §7). Exactly one spelling of a
// code is accepted: the one the server made.

export const WINDOW_MS = 15_000
const VERSION = 'SBA1'

export interface SigninClaim {
  activityId: string
  window: number
  direction: Direction
}

export function windowAt(now: Date): number {
  return Math.floor(now.getTime() / WINDOW_MS)
}

/** When a code made at `now` stops being accepted: the end of the window after its own. */
export function codeExpiresAt(now: Date): Date {
  return new Date((windowAt(now) + 2) * WINDOW_MS)
}

/** When the display should fetch the next code: the start of the next window. */
export function nextWindowAt(now: Date): Date {
  return new Date((windowAt(now) + 1) * WINDOW_MS)
}

function requireSecret(secret: string): void {
  if (!secret) throw new AppError('CONFIG_MISSING')
}

function signed(claim: SigninClaim): string {
  const activity = Buffer.from(claim.activityId, 'utf8').toString('base64url')
  return `${VERSION}.${activity}.${claim.window}${claim.direction === 'in' ? 'i' : 'o'}`
}

export function signSigninCode(secret: string, claim: SigninClaim): string {
  requireSecret(secret)
  const text = signed(claim)
  return `${text}.${macText(secret, text)}`
}

/** The code for `activityId` and `direction` in the window of `now`. */
export function currentSigninCode(secret: string, activityId: string, direction: Direction, now: Date): string {
  return signSigninCode(secret, { activityId, window: windowAt(now), direction })
}

/**
 * Checks a scanned text against the server's clock: ours, unaltered, in its one
 * spelling, and of the current or the previous window. Returns what it claims.
 */
export function verifySigninCode(secret: string, token: string, now: Date): SigninClaim {
  requireSecret(secret)
  const parts = SIGNIN_CODE_SHAPE.exec(token.trim())
  if (!parts) throw new AppError('SIGNIN_CODE_INVALID')
  const [, version, activity, window, direction, givenMac] = parts as unknown as [string, string, string, string, 'i' | 'o', string]
  if (`SBA${version}` !== VERSION) throw new AppError('SIGNIN_CODE_INVALID')
  const claim: SigninClaim = { activityId: Buffer.from(activity, 'base64url').toString('utf8'), window: Number(window), direction: direction === 'i' ? 'in' : 'out' }
  // Re-made from what it claims: any other spelling of the id (or a forged MAC) differs.
  const canonical = signed(claim)
  if (canonical !== `${VERSION}.${activity}.${window}${direction}` || !sameText(givenMac, macText(secret, canonical))) throw new AppError('SIGNIN_CODE_FORGED')
  const current = windowAt(now)
  if (claim.window < current - 1) throw new AppError('SIGNIN_CODE_EXPIRED')
  // Made by a server whose clock is ahead of this one's: not ours to trust.
  if (claim.window > current) throw new AppError('SIGNIN_CODE_INVALID')
  return claim
}
