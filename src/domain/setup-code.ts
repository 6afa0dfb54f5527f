import { BINDING_CODE_ALPHABET } from './binding-code'

// 首次设置码: the one-time code the deploy step prints (scripts/build-functions.mjs)
// that makes its first user the district's 区委组织部 admin. Twelve characters
// from the binding code's alphabet (no look-alikes): about 59 bits, shown as
// three groups of four. Works once: after it, the district is set up.

export const SETUP_CODE_ALPHABET = BINDING_CODE_ALPHABET
export const SETUP_CODE_LENGTH = 12

const SHAPE = new RegExp(`^[${SETUP_CODE_ALPHABET}]{${SETUP_CODE_LENGTH}}$`)

/** "k7qm 3xpa-…" → "K7QM3XPA…"; null when it cannot be a setup code. */
export function normalizeSetupCode(text: string): string | null {
  const code = text.replace(/[\s-]/g, '').toUpperCase()
  return SHAPE.test(code) ? code : null
}

export function formatSetupCode(code: string): string {
  return code.match(/.{1,4}/g)!.join('-')
}
