import { createHmac, timingSafeEqual } from 'node:crypto'

// An invitation's token is its id and a MAC over it (`inv-<20 hex>.<32 hex>`):
// a made-up or altered token is refused before any read, and the id alone,
// seen in a log, accepts nothing. Hex, lowercase, so each token has exactly
// one accepted spelling. Keyed with the functions' CARD_TOKEN_SECRET under its
// own label, so no card MAC is ever a valid invitation MAC.

const MAC_HEX = 32

function macOf(secret: string, invitationId: string): string {
  return createHmac('sha256', secret).update(`invitation:${invitationId}`, 'utf8').digest('hex').slice(0, MAC_HEX)
}

export function signInvitation(secret: string, invitationId: string): string {
  return `${invitationId}.${macOf(secret, invitationId)}`
}

/** The invitation id a token names, or null when its MAC is not ours (the contract has checked its shape). */
export function invitationIdOf(secret: string, token: string): string | null {
  const [id, mac] = token.split('.')
  if (!id || !mac) return null
  const expected = Buffer.from(macOf(secret, id), 'hex')
  const given = Buffer.from(mac, 'hex')
  return given.length === expected.length && timingSafeEqual(given, expected) ? id : null
}
