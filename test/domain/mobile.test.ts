import { maskMobile, MOBILE_PATTERN } from '../../src/domain/mobile'

describe('mobile numbers', () => {
  it('masks the middle four digits', () => {
    expect(maskMobile('13812345678')).toBe('138****5678')
    expect(maskMobile('')).toBe('')
    expect(maskMobile(undefined)).toBe('')
  })
  it('accepts mainland mobile numbers only', () => {
    expect(MOBILE_PATTERN.test('13812345678')).toBe(true)
    expect(MOBILE_PATTERN.test('12812345678')).toBe(false)
    expect(MOBILE_PATTERN.test('1381234567')).toBe(false)
  })
})
