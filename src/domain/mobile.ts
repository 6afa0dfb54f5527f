// Mobile numbers of mainland China: 11 digits starting with 1[3-9].
export const MOBILE_PATTERN = /^1[3-9]\d{9}$/

/** 13812345678 → 138****5678, for readers with no need to see the number. */
export function maskMobile(mobile: string | undefined | null): string {
  if (!mobile) return ''
  return mobile.length >= 7 ? `${mobile.slice(0, 3)}****${mobile.slice(-4)}` : '****'
}
