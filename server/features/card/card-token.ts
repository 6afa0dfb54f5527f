import { AppError } from '../../../src/domain/errors'
import { macText, sameText } from '../../access/mac'

// The text a 联系证 QR holds (DESIGN.md §3): anyone can scan it, only the
// server can make one. `SBD1.<payload>.<mac>`:
//   SBD1     – "双报到" token, format version 1 (signed, so it cannot be swapped);
//   payload  – base64url of "<serial>:<memberId>";
//   mac      – HMAC-SHA256(secret, "SBD1.<payload>"), first 16 bytes, base64url.
// About 50 characters: a small, easily scanned QR. 128 bits of MAC is plenty
// against forgery; the serial lets a lost card be revoked and reissued.

export const CARD_TOKEN_VERSION = 1
const SHAPE = /^SBD(\d{1,3})\.([A-Za-z0-9_-]{1,200})\.([A-Za-z0-9_-]{1,64})$/
const PAYLOAD = /^(\d{1,6}):(.{1,64})$/s

export interface CardClaim {
  memberId: string
  serial: number
}

function requireSecret(secret: string): void {
  if (!secret) throw new AppError('CONFIG_MISSING')
}

export function signCardToken(secret: string, claim: CardClaim): string {
  requireSecret(secret)
  const payload = Buffer.from(`${claim.serial}:${claim.memberId}`, 'utf8').toString('base64url')
  const signed = `SBD${CARD_TOKEN_VERSION}.${payload}`
  return `${signed}.${macText(secret, signed)}`
}

/**
 * Checks a scanned text and returns what it claims. The checks run in an
 * order that gives the desk a useful answer: not our format at all, then an
 * outdated format, then a forged or altered code.
 */
export function verifyCardToken(secret: string, token: string): CardClaim {
  requireSecret(secret)
  const parts = SHAPE.exec(token.trim())
  if (!parts) throw new AppError('CARD_NOT_OURS')
  const [, version, payload, givenMac] = parts as unknown as [string, string, string, string]
  if (Number(version) !== CARD_TOKEN_VERSION) throw new AppError('CARD_VERSION')
  // Compared as text (access/mac.ts), else one card would have 16 tokens.
  if (!sameText(givenMac, macText(secret, `SBD${version}.${payload}`))) throw new AppError('CARD_BAD_SIGNATURE')
  const claim = PAYLOAD.exec(Buffer.from(payload, 'base64url').toString('utf8'))
  if (!claim) throw new AppError('CARD_NOT_OURS')
  return { serial: Number(claim[1]), memberId: claim[2]! }
}
