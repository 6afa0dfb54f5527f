// No ID-card number (居民身份证号码) is ever stored (DESIGN §6). A form that
// takes free text — the 摸底表's 家庭情况, say — could still receive one, so
// every text of such a form is checked by this detector before it is written.
//
// "Looks like one" on purpose, not "is a valid one": a number with a wrong
// check digit is still somebody's number mistyped. 18 digits (the last may be
// X) or the old 15, with a plausible birth date where the standard puts it,
// spaces or hyphens between the digits allowed (people group them when they
// copy one). Mobiles (11 digits), office phones (0571-87654321) and dates are
// not long enough to match.

// Digit groups joined by at most one space or hyphen: "330106 19850101 1234".
const GROUPED_DIGITS = /[0-9Xx]+(?:[ -][0-9Xx]+)*/g

function plausibleBirth(year: number, month: number, day: number): boolean {
  return year >= 1880 && year <= 2099 && month >= 1 && month <= 12 && day >= 1 && day <= 31
}

/** Whether a run of digits (separators removed) is shaped like an 18- or 15-digit ID-card number. */
function idShaped(digits: string): boolean {
  if (/^[1-9]\d{16}[0-9Xx]$/.test(digits)) {
    return plausibleBirth(Number(digits.slice(6, 10)), Number(digits.slice(10, 12)), Number(digits.slice(12, 14)))
  }
  if (/^[1-9]\d{14}$/.test(digits)) {
    return plausibleBirth(1900 + Number(digits.slice(6, 8)), Number(digits.slice(8, 10)), Number(digits.slice(10, 12)))
  }
  return false
}

/** Whether `text` holds anything shaped like an ID-card number. */
export function containsIdCardNumber(text: string): boolean {
  for (const match of text.matchAll(GROUPED_DIGITS)) {
    // Consecutive groups, from each group on: an ID typed in groups, or next to a mobile.
    const groups = match[0].split(/[ -]/)
    for (let from = 0; from < groups.length; from++) {
      let digits = ''
      for (let to = from; to < groups.length && digits.length < 18; to++) {
        digits += groups[to]
        if (idShaped(digits)) return true
      }
    }
  }
  return false
}

/** The first text field of a form (by key, nested objects and lists included) that holds one. */
export function fieldWithIdCardNumber(value: unknown, path: string[] = []): string[] | null {
  if (typeof value === 'string') return containsIdCardNumber(value) ? path : null
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = fieldWithIdCardNumber(item, [...path, String(i)])
      if (found) return found
    }
    return null
  }
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    for (const [key, item] of Object.entries(value)) {
      const found = fieldWithIdCardNumber(item, [...path, key])
      if (found) return found
    }
  }
  return null
}
