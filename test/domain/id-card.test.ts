import { containsIdCardNumber, fieldWithIdCardNumber } from '../../src/domain/id-card'

// No ID-card number is ever stored: the detector refuses what looks like one
// and lets the numbers a form legitimately holds through.

describe('containsIdCardNumber', () => {
  it.each([
    ['an 18-digit number', '330106198501011234'],
    ['one ending in X', '33010619850101123X'],
    ['a lower-case x', '33010619850101123x'],
    ['a wrong check digit (still somebody’s number, mistyped)', '330106198501011239'],
    ['the old 15-digit form', '330106850101123'],
    ['inside a sentence', '户主张三，身份证330106198501011234，低保户'],
    ['grouped by spaces', '330106 19850101 1234'],
    ['grouped by hyphens', '330106-19850101-1234'],
    ['right after a mobile', '13812345678 330106 19850101 1234'],
  ])('finds %s', (_, text) => {
    expect(containsIdCardNumber(text)).toBe(true)
  })

  it.each([
    ['a mobile', '13812345678'],
    ['an office phone', '0571-87654321'],
    ['a mobile and a phone together', '13812345678 0571-87654321'],
    ['a date', '2026-03-16'],
    ['a year-month', '1985-07'],
    ['a house number', '东湖路12号3单元501室'],
    ['18 digits with no plausible birth date', '330106998599991234'],
    ['17 digits', '33010619850101123'],
    ['plain text', '独居老人，行动不便'],
  ])('lets %s through', (_, text) => {
    expect(containsIdCardNumber(text)).toBe(false)
  })
})

describe('fieldWithIdCardNumber', () => {
  it('names the field that holds one, in nested objects and lists', () => {
    expect(fieldWithIdCardNumber({ name: '王芳', family: '子女在外地', notes: ['', '证件 330106198501011234'] })).toEqual(['notes', '1'])
    expect(fieldWithIdCardNumber({ name: '王芳', mobile: '13812345678', surveyedAt: new Date() })).toBeNull()
  })
})
