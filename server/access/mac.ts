import { createHmac, timingSafeEqual } from 'node:crypto'

// The MAC the product's signed QR texts carry (联系证, sign-in codes):
// HMAC-SHA256, first 16 bytes, base64url. Compared as TEXT in its canonical
// encoding: decoding first would accept every spelling of the last character
// (16 bytes leave its low 4 bits unused, so 16 texts decode to the same MAC).

const MAC_BYTES = 16

export function macText(secret: string, signed: string): string {
  return createHmac('sha256', secret).update(signed, 'utf8').digest().subarray(0, MAC_BYTES).toString('base64url')
}

/** Constant-time text comparison; a MAC of the wrong length is simply wrong. */
export function sameText(given: string, expected: string): boolean {
  const a = Buffer.from(given, 'utf8')
  const b = Buffer.from(expected, 'utf8')
  return a.length === b.length && timingSafeEqual(a, b)
}
