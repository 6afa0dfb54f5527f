// 绑定码: the fallback a unit controls when WeChat's verified phone number
// does not match the roster (a member with a new number, or no number in
// WeChat). The secretary generates one for a member and hands it over in
// person; it is stored hashed, expires, and works once.
//
// Eight characters from an alphabet without look-alikes (0/O, 1/I/L): about
// 40 bits, typed from a slip of paper, shown as two groups of four.

export const BINDING_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'
export const BINDING_CODE_LENGTH = 8
/** How long a handed-over code stays valid. */
export const BINDING_CODE_TTL_MS = 7 * 24 * 3600 * 1000

const SHAPE = new RegExp(`^[${BINDING_CODE_ALPHABET}]{${BINDING_CODE_LENGTH}}$`)

/** "k7qm 3xpa", "K7QM-3XPA" → "K7QM3XPA"; null when it cannot be a binding code. */
export function normalizeBindingCode(text: string): string | null {
  const code = text.replace(/[\s-]/g, '').toUpperCase()
  return SHAPE.test(code) ? code : null
}

/** "K7QM3XPA" → "K7QM-3XPA", as printed for the member. */
export function formatBindingCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`
}
