// 联系证号: a sequence number plus a Luhn check digit, so a number typed at the
// community desk with one wrong digit (or two swapped neighbours) is caught
// before any lookup. Sequences start at 1,000,000: numbers are 8 digits for
// the first nine million cards and never start with 0.

export const FIRST_CARD_SEQUENCE = 1_000_000

function luhnDigit(digits: string): number {
  let sum = 0
  // Walking from the right, every second digit of the payload is doubled.
  for (let i = digits.length - 1, double = true; i >= 0; i--, double = !double) {
    let d = digits.charCodeAt(i) - 48
    if (double) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
  }
  return (10 - (sum % 10)) % 10
}

export function cardNoFromSequence(sequence: number): string {
  if (!Number.isSafeInteger(sequence) || sequence < 1) throw new RangeError(`bad card sequence ${sequence}`)
  const payload = String(sequence)
  return payload + String(luhnDigit(payload))
}

/** True when the last digit is the Luhn check digit of the rest. */
export function isCardNoWellFormed(cardNo: string): boolean {
  if (!/^\d{2,}$/.test(cardNo)) return false
  return luhnDigit(cardNo.slice(0, -1)) === cardNo.charCodeAt(cardNo.length - 1) - 48
}
